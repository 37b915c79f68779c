// Extension-host suites in a TRUSTED workspace: the `run()` module VS Code loads as
// extensionTestsPath, written as @vscode/test-electron expects (mocha, tdd). They run with the
// real `vscode` API inside the extension host: in code-server's (scripts/e2e/run.mjs, through the
// workbench URL's payload) and in desktop VS Code (scripts/e2e/test-electron.mjs, where VS Code
// can be downloaded). The restricted-mode suite has its own run() module: untrusted.js.
'use strict';
const path = require('node:path');
const { runMocha } = require('./mocha');

exports.run = function run() {
  return runMocha(['editor.test.js', 'breaking.test.js'].map((f) => path.join(__dirname, f)));
};
