// Extension-host suite in an UNTRUSTED workspace (restricted mode): the `run()` module VS Code
// loads as extensionTestsPath, mocha (tdd) as in index.js. Only scripts/e2e/run.mjs runs it, in a
// second code-server started with workspace trust on: @vscode/test-electron always launches
// desktop VS Code with --disable-workspace-trust, so a window there is always trusted.
'use strict';
const path = require('node:path');
const { runMocha } = require('./mocha');

exports.run = function run() {
  return runMocha([path.join(__dirname, 'untrusted.test.js')], 'exthost-untrusted');
};
