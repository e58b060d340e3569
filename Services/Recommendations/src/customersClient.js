// The customers service over HTTP (node:http, so the trace context goes along in a traceparent header).
'use strict';

const http = require('node:http');

/** The customer as the customers service describes it, or null when it has none with this id. */
function findCustomer(baseUrl, customerId) {
  return new Promise((resolve, reject) => {
    const request = http.get(new URL(`/customers/${customerId}`, baseUrl), { timeout: 5000 }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => { body += chunk; });
      response.on('end', () => {
        if (response.statusCode === 404) {
          resolve(null);
        } else if (response.statusCode !== 200) {
          reject(new Error(`customers answered ${response.statusCode}`));
        } else {
          resolve(JSON.parse(body));
        }
      });
    });
    request.on('timeout', () => request.destroy(new Error('customers did not answer within 5 s')));
    request.on('error', reject);
  });
}

module.exports = { findCustomer };
