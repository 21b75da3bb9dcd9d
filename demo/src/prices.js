// Price arithmetic in cents, so a test has something real to check.
function totalCents(items) {
  return items.reduce((sum, item) => sum + item.cents * item.quantity, 0);
}

function formatCents(cents) {
  return `$${(cents / 100).toFixed(2)}`;
}

module.exports = { totalCents, formatCents };
