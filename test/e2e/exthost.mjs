// Runs an extension-host suite (test/e2e/exthost/index.js, or untrusted.js) inside code-server's
// Node extension host, the way @vscode/test-electron does on desktop: the workbench URL's
// `payload` carries extensionDevelopmentPath (the repo: the extension as built, not the vsix) and
// extensionTestsPath; when run() settles the web workbench calls window.codeAutomationExit(code),
// which is exposed here (0 = resolved, 1 = threw). Started by scripts/e2e/run.mjs.
//
// Env: CS_URL, WS_DIR, DEV_EXT (folder of the extension under development), TESTS (suite module),
//      RESULTS (JSON results to write), SUITE_RESULTS (the file the suite writes; the code-server
//      process was started with EVENT_SCHEMAS_E2E_EXTHOST_RESULTS pointing at it), SHOTS_DIR,
//      LOG_DIR, TIMEOUT_MS (default 150000), NAME (of the screenshot, console log and fallback
//      result; default exthost).
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser, cleanConsoleText, consoleNoise } from './lib/browser.mjs';

const env = (n) => {
  if (!process.env[n]) {
    console.error(`exthost.mjs: set ${n} (scripts/e2e/run.mjs does)`);
    process.exit(2);
  }
  return process.env[n];
};
const CS_URL = env('CS_URL');
const WS_DIR = env('WS_DIR');
const DEV_EXT = env('DEV_EXT');
const TESTS = env('TESTS');
const SHOTS_DIR = env('SHOTS_DIR');
const LOG_DIR = process.env.LOG_DIR || SHOTS_DIR;
const TIMEOUT_MS = Number(process.env.TIMEOUT_MS || 150_000);
const NAME = process.env.NAME || 'exthost';
mkdirSync(LOG_DIR, { recursive: true });

const t0 = Date.now();
const log = (...a) => console.log(`[${NAME} +${((Date.now() - t0) / 1000).toFixed(1)}s]`, ...a);
const authority = new URL(CS_URL).host; // the remote authority is exactly host:port of the URL
const remote = (p) => `vscode-remote://${authority}${p}`;
const payload = JSON.stringify([
  ['extensionDevelopmentPath', remote(DEV_EXT)],
  ['extensionTestsPath', remote(TESTS)],
]);

const { page, close } = await launchBrowser();
const consoleLines = [];
const reported = []; // results parsed from forwarded console lines, in case the file is missing
page.on('console', (m) => {
  const text = cleanConsoleText(m.text());
  if (consoleNoise.test(text)) return;
  consoleLines.push(`[${m.type()}] ${text}`);
  const r = /\[e2e-exthost\] (ok|FAIL) ([\w-]+)(?:: (.*))?/.exec(text);
  if (r) reported.push({ suite: NAME, name: r[2], ok: r[1] === 'ok', reason: r[3] ?? '', ms: 0 });
});

let code;
let timer;
try {
  let resolveExit;
  const exited = new Promise((r) => (resolveExit = r));
  await page.exposeFunction('codeAutomationExit', (c) => resolveExit(c));
  await page.goto(`${CS_URL}/?folder=${encodeURIComponent(WS_DIR)}&payload=${encodeURIComponent(payload)}`);
  code = await Promise.race([exited, new Promise((r) => (timer = setTimeout(() => r('timeout'), TIMEOUT_MS)))]);
  log('extension host exit code:', code);
  if (code !== 0) await page.screenshot({ path: join(SHOTS_DIR, `${NAME}-FAIL.png`) }).catch(() => {});
} finally {
  clearTimeout(timer);
  writeFileSync(join(LOG_DIR, `${NAME}-console.log`), consoleLines.join('\n') + '\n');
  await close();
}

let results = reported;
const suiteFile = process.env.SUITE_RESULTS;
if (suiteFile && existsSync(suiteFile)) results = JSON.parse(readFileSync(suiteFile, 'utf8'));
if (results.length === 0 || (code !== 0 && results.every((r) => r.ok))) {
  const why = code === 'timeout' ? `no exit after ${TIMEOUT_MS / 1000}s` : `exit code ${code}`;
  const errors = consoleLines.filter((l) => /error|exception|cannot/i.test(l)).slice(-5);
  results.push({
    suite: NAME,
    name: `${NAME}-suite`,
    ok: false,
    reason: `the suite reported no test results (${why})${errors.length ? `; console: ${errors.join(' | ').slice(0, 600)}` : ''}`,
    ms: Date.now() - t0,
  });
}
for (const r of results) {
  console.log(r.ok ? `ok ${r.name}${r.ms ? ` (${(r.ms / 1000).toFixed(1)}s)` : ''}` : `FAIL ${r.name}: ${r.reason}`);
}
if (process.env.RESULTS) writeFileSync(process.env.RESULTS, JSON.stringify(results, null, 2));
const failed = results.filter((r) => !r.ok).length;
console.log(`${NAME}: ${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
