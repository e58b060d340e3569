// Per-customer order counters in Redis. Each order event counts once, however often RabbitMQ delivers it: the
// message's id is recorded in the same atomic step as the increment.
'use strict';

const FIELDS = { PENDING: 'placed', APPROVED: 'approved', REJECTED: 'rejected' };
const SEEN_SECONDS = 7 * 24 * 3600;

// KEYS: the seen-marker, the customer's hash. ARGV: the field, the rejection reason (or ''), the marker's lifetime.
const COUNT_ONCE = `
if redis.call('SET', KEYS[1], '1', 'NX', 'EX', ARGV[3]) then
  redis.call('HINCRBY', KEYS[2], ARGV[1], 1)
  if ARGV[2] ~= '' then redis.call('HSET', KEYS[2], 'lastRejectionReason', ARGV[2]) end
  return 1
end
return 0`;

const customerKey = (customerId) => `recommendations:customers:${customerId}`;

/** Counts an order event; returns false when it was counted before or is not an order state this service counts. */
async function record(redis, event) {
  const field = FIELDS[event.state];
  if (!field) {
    return false;
  }
  const counted = await redis.eval(COUNT_ONCE, {
    keys: [`recommendations:seen:${event.messageId}`, customerKey(event.customerId)],
    arguments: [field, event.rejectionReason || '', String(SEEN_SECONDS)],
  });
  return counted === 1;
}

async function read(redis, customerId) {
  const hash = await redis.hGetAll(customerKey(customerId));
  return {
    placed: Number(hash.placed || 0),
    approved: Number(hash.approved || 0),
    rejected: Number(hash.rejected || 0),
    lastRejectionReason: hash.lastRejectionReason || null,
  };
}

module.exports = { record, read };
