// What the service recommends to a customer, from their order counters and their credit (asked of customers).
'use strict';

function recommend(customer, orders) {
  const availableCredit = Number(customer.availableCredit ?? customer.AvailableCredit ?? 0);
  const items = [];
  if (orders.lastRejectionReason === 'INSUFFICIENT_CREDIT' || availableCredit <= 0) {
    items.push({ kind: 'raise-credit-limit', message: 'Orders over your available credit are rejected: ask for a higher credit limit.' });
  }
  if (availableCredit > 0) {
    items.push({ kind: 'order-within-credit', maxOrderTotal: availableCredit, message: `Orders up to ${availableCredit.toFixed(2)} are approved at once.` });
  }
  if (orders.approved > 0) {
    items.push({ kind: 'reorder', message: `You have ${orders.approved} approved order${orders.approved === 1 ? '' : 's'}: order again in one step.` });
  }
  return {
    customerId: Number(customer.customerId ?? customer.CustomerId),
    orders: { placed: orders.placed, approved: orders.approved, rejected: orders.rejected },
    availableCredit,
    recommendations: items,
  };
}

module.exports = { recommend };
