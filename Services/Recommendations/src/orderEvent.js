// An OrderStateChanged event as the orders service publishes it (System.Text.Json: PascalCase properties).
'use strict';

function pick(body, name) {
  return body[name] ?? body[name.charAt(0).toLowerCase() + name.slice(1)];
}

/** The event in a message, or null when the message is not an order state change this service understands. */
function parse(message) {
  if (message.properties.type && message.properties.type !== 'OrderStateChanged') {
    return null;
  }
  let body;
  try {
    body = JSON.parse(message.content.toString('utf8'));
  } catch {
    return null;
  }
  const orderId = pick(body, 'OrderId');
  const customerId = pick(body, 'CustomerId');
  const state = pick(body, 'State');
  if (!orderId || !Number.isSafeInteger(customerId) || typeof state !== 'string') {
    return null;
  }
  return {
    messageId: message.properties.messageId || `${orderId}:${state}`,
    orderId,
    customerId,
    state,
    rejectionReason: pick(body, 'RejectionReason') || null,
  };
}

module.exports = { parse };
