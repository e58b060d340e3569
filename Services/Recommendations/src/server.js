// recommendations: GET /recommendations/{customerId} (the gateway serves it as /api/recommendations/{customerId})
// and GET /health. Order events arrive from RabbitMQ; counters live in Redis.
'use strict';

const telemetry = require('./telemetry'); // first: it instruments node:http (npm start also preloads it)
const http = require('node:http');
const { createClient } = require('redis');
const config = require('./config').load();
const counters = require('./counters');
const { OrderEventsConsumer } = require('./consumer');
const { findCustomer } = require('./customersClient');
const { recommend } = require('./recommendations');

const log = (message) => console.log(`recommendations: ${message}`);
const CUSTOMER_ID = /^[1-9][0-9]{0,17}$/; // a positive id that fits a long, as customers issues them

const redis = createClient(config.redis);
redis.on('error', (error) => log(`Redis error: ${error.message}`));
const consumer = new OrderEventsConsumer(config.rabbitmqUrl, redis, log);

function send(response, status, body, contentType = 'application/json') {
  response.writeHead(status, { 'content-type': contentType });
  response.end(JSON.stringify(body));
}

function problem(response, status, title, detail) {
  const type = { 400: 'https://tools.ietf.org/html/rfc9110#section-15.5.1', 404: 'https://tools.ietf.org/html/rfc9110#section-15.5.5' }[status]
    ?? 'https://tools.ietf.org/html/rfc9110#section-15.6.1';
  send(response, status, { type, title, status, detail }, 'application/problem+json');
}

async function recommendations(response, rawId) {
  const id = decodeSegment(rawId);
  if (id === null || !CUSTOMER_ID.test(id)) {
    problem(response, 400, 'Invalid customer id', `'${id ?? rawId}' is not a customer id: a positive whole number is expected.`);
    return;
  }
  const customer = await findCustomer(config.customersUrl, id);
  if (customer === null) {
    problem(response, 404, 'Unknown customer', `There is no customer ${id}.`);
    return;
  }
  send(response, 200, recommend(customer, await counters.read(redis, id)));
}

function decodeSegment(segment) {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null; // malformed percent-encoding: not an id
  }
}

async function health(response) {
  const redisUp = redis.isReady && (await redis.ping().then(() => true, () => false));
  const healthy = redisUp && consumer.isConnected;
  response.writeHead(healthy ? 200 : 503, { 'content-type': 'text/plain' });
  response.end(healthy ? 'Healthy' : `Unhealthy: redis ${redisUp ? 'up' : 'down'}, rabbitmq ${consumer.isConnected ? 'up' : 'down'}`);
}

const server = http.createServer((request, response) => {
  const { pathname } = new URL(request.url, 'http://localhost');
  const match = /^\/recommendations\/([^/]*)\/?$/.exec(pathname);
  let handled;
  if (request.method === 'GET' && pathname === '/health') {
    handled = health(response);
  } else if (request.method === 'GET' && match) {
    handled = recommendations(response, match[1]);
  } else {
    handled = Promise.resolve(problem(response, 404, 'Not found', `${request.method} ${pathname} is not served here.`));
  }
  handled.catch((error) => {
    log(`${request.method} ${pathname} failed: ${error.message}`);
    if (!response.headersSent) problem(response, 500, 'Internal error', 'The recommendations could not be computed.');
  });
});

async function main() {
  redis.connect().catch((error) => log(`Redis is not reachable yet (${error.message}); retrying`));
  consumer.start();
  server.listen(config.port, () => log(`listening on port ${config.port}`));
}

async function stop(signal) {
  log(`${signal}: stopping`);
  server.close();
  await consumer.stop();
  await redis.quit().catch((error) => log(`closing Redis: ${error.message}`));
  await telemetry.shutdown();
  process.exit(0);
}
process.once('SIGTERM', () => stop('SIGTERM'));
process.once('SIGINT', () => stop('SIGINT'));

main();
