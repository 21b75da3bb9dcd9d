// Runs inside the VS Code extension host started by @vscode/test-electron: mocha over the *.test.cjs
// files next to this one.
const path = require('node:path');
const fs = require('node:fs');
const Mocha = require('mocha');

exports.run = function run() {
  const mocha = new Mocha({ ui: 'bdd', color: true, timeout: 60_000 });
  for (const f of fs.readdirSync(__dirname).filter((n) => n.endsWith('.test.cjs'))) mocha.addFile(path.join(__dirname, f));
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures ? reject(new Error(`${failures} test(s) failed`)) : resolve()));
  });
};
