// `npm test` of the demo: plain node:assert, no dependencies to install.
const assert = require('node:assert');
const { totalCents, formatCents } = require('../src/prices');

assert.strictEqual(totalCents([{ cents: 250, quantity: 2 }, { cents: 99, quantity: 1 }]), 599);
assert.strictEqual(formatCents(599), '$5.99');
console.log('acme-shop tests: 2 passed');
