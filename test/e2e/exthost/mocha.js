// Runs mocha suite files inside VS Code's extension host, as @vscode/test-electron's templates
// do: a run() module builds a Mocha instance, adds the files, runs, and rejects when a test
// failed (the host then exits 1).
//
// Besides mocha's own `spec` output, every test prints `[e2e-exthost] ok NAME` or
// `[e2e-exthost] FAIL NAME: reason`. When the environment names a results file
// (EVENT_SCHEMAS_E2E_EXTHOST_RESULTS), the results go there too as JSON, because console lines
// forwarded to the browser can arrive after the host has exited; scripts/e2e/run.mjs sums them up.
'use strict';
const fs = require('node:fs');
const Mocha = require('mocha');

/** Bounded: every wait inside a test has its own shorter timeout with a better message. */
const TEST_TIMEOUT_MS = 180_000;

/**
 * @param {string[]} files absolute paths of tdd-style suite files
 * @param {string} suiteName the `suite` field of each result (the runner prints it on failures)
 */
function runMocha(files, suiteName = 'exthost') {
  // The browser and the desktop host show the console without colours; mocha's colour codes would be noise.
  const mocha = new Mocha({ ui: 'tdd', timeout: TEST_TIMEOUT_MS, color: false, reporter: 'spec' });
  for (const f of files) mocha.addFile(f);
  const results = [];
  const started = new Map();
  const record = (name, ok, reason, ms) => {
    results.push({ suite: suiteName, name, ok, reason, ms });
    console.log(ok ? `[e2e-exthost] ok ${name}` : `[e2e-exthost] FAIL ${name}: ${reason}`);
  };
  const write = () => {
    const out = process.env.EVENT_SCHEMAS_E2E_EXTHOST_RESULTS;
    if (out) fs.writeFileSync(out, JSON.stringify(results, null, 2));
  };
  return new Promise((resolve, reject) => {
    let runner;
    try {
      runner = mocha.run((failures) => {
        write();
        if (failures > 0 || results.length === 0) {
          const names = results.filter((r) => !r.ok).map((r) => r.name);
          reject(new Error(`${failures} of ${results.length} extension-host tests failed: ${names.join(', ') || 'no test ran'}`));
        } else {
          resolve();
        }
      });
    } catch (err) {
      // a suite file that does not load: report it as a result, not only as a rejected run()
      record('load-suites', false, oneLine(err), 0);
      write();
      reject(err);
      return;
    }
    runner.on('test', (t) => started.set(t, Date.now()));
    runner.on('pass', (t) => record(t.title, true, '', Date.now() - (started.get(t) ?? Date.now())));
    // Hooks fail too (a `suiteSetup` that throws skips its suite): they are results of their own.
    runner.on('fail', (t, err) => record(t.type === 'hook' ? t.fullTitle() : t.title, false, oneLine(err), Date.now() - (started.get(t) ?? Date.now())));
  });
}

function oneLine(err) {
  return String(err && err.message ? err.message : err).split('\n').filter(Boolean).slice(0, 6).join(' | ');
}

module.exports = { runMocha };
