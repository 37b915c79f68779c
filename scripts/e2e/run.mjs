// End-to-end run in a real VS Code (code-server): package the extension, install the vsix into a
// fresh profile, serve git-initialised copies of test/e2e/workspace on a free loopback port, run
// the Playwright UI scenario (test/e2e/ui.mjs) and the extension-host suite
// (test/e2e/exthost/index.js, with the repo as the development extension), stop the server. Then
// a second code-server with workspace trust on serves a copy that is NOT trusted (restricted
// mode): test/e2e/untrusted.mjs and test/e2e/exthost/untrusted.js, with a logging `git` first on
// its PATH and a registry baseline on a counting loopback registry (scripts/e2e/probes.mjs); the
// run then checks that git never ran, the registry was never asked and no file changed.
// Prints `e2e: N passed, M failed` last and exits non-zero on any failure. Screenshots and logs
// stay in .e2e/ (gitignored). Run scripts/e2e/install.sh first (`npm run test:e2e` does both).
//
// Env: E2E_CACHE, CS_VERSION (as in install.sh), E2E_TIMEOUT_MS (whole run, default 360000),
//      E2E_KEEP_TMP=1 (keep the temp profile/workspace), E2E_ONLY=ui|exthost|untrusted.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, cpSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { prepareWorkspace, REPO } from './workspace.mjs';
import { loggingGit, startFakeRegistry } from './probes.mjs';

const CS_VERSION = process.env.CS_VERSION || '4.100.3';
const E2E_CACHE = process.env.E2E_CACHE || join(homedir(), '.cache', 'event-schemas-e2e');
const CS_BIN = join(E2E_CACHE, `cs-${CS_VERSION}`, 'node_modules', '.bin', 'code-server');
const TIMEOUT_MS = Number(process.env.E2E_TIMEOUT_MS || 6 * 60_000);
const ONLY = process.env.E2E_ONLY || '';
const OUT = join(REPO, '.e2e');
const SHOTS = join(OUT, 'screenshots');
const LOGS = join(OUT, 'logs');
const VSIX = join(REPO, 'event-schemas.vsix'); // where `npm run package` writes it
const scenario = JSON.parse(readFileSync(join(REPO, 'test/e2e/scenario.json'), 'utf8'));

const t0 = Date.now();
const secs = (ms) => `${(ms / 1000).toFixed(1)}s`;
const log = (...a) => console.log(`[e2e +${secs(Date.now() - t0)}]`, ...a);
const results = [];
const timings = [];
const servers = []; // { name, pid, data, logFile, exited, exitedPromise }
let registry; // the fake schema registry of scripts/e2e/probes.mjs
const children = new Set();
let tmp;
let finishing = false;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

rmSync(OUT, { recursive: true, force: true });
mkdirSync(SHOTS, { recursive: true });
mkdirSync(LOGS, { recursive: true });

const globalTimer = setTimeout(() => {
  results.push({ suite: 'e2e', name: 'global-timeout', ok: false, reason: `the run exceeded ${secs(TIMEOUT_MS)} (E2E_TIMEOUT_MS)` });
  log(`global timeout after ${secs(TIMEOUT_MS)}: stopping everything`);
  for (const c of children) killGroup(c.pid, 'SIGKILL');
  void finish();
}, TIMEOUT_MS);

for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    results.push({ suite: 'e2e', name: 'interrupted', ok: false, reason: `received ${sig}` });
    for (const c of children) killGroup(c.pid, 'SIGKILL');
    void finish();
  });
}

try {
  await main();
} catch (err) {
  // after a timeout or a signal the reason is already recorded; the rest is the run winding down
  if (!finishing) results.push({ suite: 'e2e', name: 'harness', ok: false, reason: String(err?.message ?? err) });
}
await finish();

async function main() {
  if (!existsSync(CS_BIN)) throw new Error(`code-server not found at ${CS_BIN}; run scripts/e2e/install.sh first`);

  // 1. Build and package exactly what users install. stdin is closed so a vsce prompt fails
  //    instead of waiting forever.
  await timed('package', async () => {
    rmSync(VSIX, { force: true });
    run('npm', ['run', '-s', 'build'], 'build.log');
    run('npm', ['run', '-s', 'package'], 'package.log');
    if (!existsSync(VSIX)) throw new Error(`npm run package did not write ${VSIX}`);
    log(`packaged ${relative(REPO, VSIX)} (${Math.round(statSync(VSIX).size / 1024)} KB)`);
  });

  // 2. Fresh profiles, extension and workspaces in a temp dir; the probes of the trust checks.
  tmp = mkdtempSync(join(tmpdir(), 'event-schemas-e2e-'));
  const exts = join(tmp, 'extensions');
  mkdirSync(exts);
  const baseSettings = JSON.parse(readFileSync(join(REPO, 'test/e2e/settings.json'), 'utf8'));
  registry = await startFakeRegistry();
  const subject = scenario.breaking.registrySubject;
  const profile = (name, extraSettings) => {
    const dir = join(tmp, name);
    mkdirSync(join(dir, 'User'), { recursive: true });
    writeFileSync(join(dir, 'User/settings.json'), JSON.stringify({ ...baseSettings, ...extraSettings }, null, 2));
    return dir;
  };
  const data = profile('data', {});
  // Restricted mode: trust on, no prompt at startup, and a fresh browser profile has never
  // trusted the folder. The registry baseline is a USER setting: restricted mode ignores the
  // workspace value of eventSchemas.breaking.baseline (a restricted configuration), not this one.
  const dataUntrusted = profile('data-untrusted', {
    'security.workspace.trust.enabled': true,
    'security.workspace.trust.startupPrompt': 'never',
    'security.workspace.trust.banner': 'always',
    'eventSchemas.breaking.baseline': `registry:${registry.url}#${subject}`,
    // VS Code for the web saves edits after a second by default: the suite's own edits would
    // then show up as written files.
    'files.autoSave': 'off',
  });
  const trustedGit = loggingGit(join(tmp, 'git-trusted'));
  const untrustedGit = loggingGit(join(tmp, 'git-untrusted'));
  const csEnv = (name, git, extra) => ({
    ...process.env,
    // keep code-server's own config, logs and heartbeat out of $HOME
    XDG_CONFIG_HOME: join(tmp, `xdg-${name}`, 'config'),
    XDG_DATA_HOME: join(tmp, `xdg-${name}`, 'data'),
    XDG_CACHE_HOME: join(tmp, `xdg-${name}`, 'cache'),
    // the logging git first: the language server, forked from the extension host, inherits it
    PATH: git.path(process.env.PATH),
    // VS Code's server otherwise gives extension hosts the environment of a login shell, whose
    // PATH Debian's /etc/profile resets (the logging git would not be first). VSCODE_CLI=1 is its
    // "started from a shell, this environment is already the user's" case: it keeps ours.
    VSCODE_CLI: '1',
    // read by the suites inside the extension host (test/e2e/exthost/*.js)
    EVENT_SCHEMAS_E2E_REGISTRY: registry.url,
    ...extra,
  });

  await timed('install-vsix', async () => {
    const r = spawnSync(CS_BIN, ['--user-data-dir', data, '--extensions-dir', exts, '--install-extension', VSIX], {
      env: csEnv('install', trustedGit, {}), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000,
    });
    const out = `${r.stdout}${r.stderr}`;
    writeFileSync(join(LOGS, 'install-extension.log'), out);
    if (r.status !== 0 || !/successfully installed/.test(out)) {
      throw new Error(`code-server --install-extension failed (exit ${r.status}): ${out.trim().split('\n').slice(-3).join(' | ')}`);
    }
  });

  // 3. A trusted window (--disable-workspace-trust): the UI scenario and the extension-host suite.
  if (!ONLY || ONLY === 'ui' || ONLY === 'exthost') {
    const wsUi = prepareWorkspace(join(tmp, 'ws-ui'));
    const wsExthost = prepareWorkspace(join(tmp, 'ws-exthost'));
    const suiteResults = join(tmp, 'exthost-suite-results.json');
    const { url } = await timed('start-code-server', () => startCodeServer('code-server', {
      data, exts, trusted: true, env: csEnv('trusted', trustedGit, { EVENT_SCHEMAS_E2E_EXTHOST_RESULTS: suiteResults }),
    }));
    const common = { ...process.env, CS_URL: url, SHOTS_DIR: SHOTS, LOG_DIR: LOGS };
    if (!ONLY || ONLY === 'ui') {
      await timed('ui', () => driver('test/e2e/ui.mjs', { ...common, WS_DIR: wsUi, DATA_DIR: data, RESULTS: join(tmp, 'ui.json') }, join(tmp, 'ui.json'), 'ui'));
    }
    if (!ONLY || ONLY === 'exthost') {
      await timed('exthost', () => driver('test/e2e/exthost.mjs', {
        ...common, WS_DIR: wsExthost, DEV_EXT: REPO, TESTS: join(REPO, 'test/e2e/exthost/index.js'),
        SUITE_RESULTS: suiteResults, RESULTS: join(tmp, 'exthost.json'),
      }, join(tmp, 'exthost.json'), 'exthost'));
    }
    await stopServers();
    // The positive control of the untrusted run's empty git log: the same logging git on the
    // trusted server's PATH saw our language server read the git:HEAD baseline.
    const calls = readIfExists(trustedGit.log);
    writeFileSync(join(LOGS, 'git-calls-trusted.log'), calls);
    check('trust', 'trusted-git-baseline-logged', /^git .*<- .*dist\/server\.js/m.test(calls),
      `the logging git saw no call from the language server (dist/server.js) in the trusted window: ${calls.trim().split('\n').slice(0, 3).join(' | ') || 'no calls'}`);
  }

  // 4. The same extension in a window that is NOT trusted (restricted mode), on a second
  //    code-server: a UI driver, then the restricted-mode extension-host suite, in one
  //    workspace; then the probes must have seen nothing.
  if (!ONLY || ONLY === 'untrusted') {
    registry.reset();
    const ws = prepareWorkspace(join(tmp, 'ws-untrusted'));
    const before = snapshot(ws);
    const suiteResults = join(tmp, 'untrusted-suite-results.json');
    const { url } = await timed('start-code-server-untrusted', () => startCodeServer('code-server-untrusted', {
      data: dataUntrusted, exts, trusted: false,
      env: csEnv('untrusted', untrustedGit, { EVENT_SCHEMAS_E2E_EXTHOST_RESULTS: suiteResults, EVENT_SCHEMAS_E2E_GIT_LOG: untrustedGit.log }),
    }));
    const common = { ...process.env, CS_URL: url, SHOTS_DIR: SHOTS, LOG_DIR: LOGS, WS_DIR: ws };
    await timed('untrusted-ui', () => driver('test/e2e/untrusted.mjs', { ...common, RESULTS: join(tmp, 'untrusted-ui.json') }, join(tmp, 'untrusted-ui.json'), 'untrusted-ui'));
    await timed('untrusted-exthost', () => driver('test/e2e/exthost.mjs', {
      ...common, NAME: 'exthost-untrusted', DEV_EXT: REPO, TESTS: join(REPO, 'test/e2e/exthost/untrusted.js'),
      SUITE_RESULTS: suiteResults, RESULTS: join(tmp, 'untrusted-exthost.json'),
    }, join(tmp, 'untrusted-exthost.json'), 'exthost-untrusted'));
    await stopServers();
    // Checked after the server stopped, so nothing can still be on its way.
    const calls = readIfExists(untrustedGit.log);
    writeFileSync(join(LOGS, 'git-calls-untrusted.log'), calls);
    check('untrusted', 'untrusted-no-git-process', calls.trim() === '', `git ran in the untrusted window: ${calls.trim().split('\n').slice(0, 3).join(' | ')}`);
    const asked = registry.requests();
    check('untrusted', 'untrusted-no-registry-request', asked.length === 0, `the registry was asked: ${asked.slice(0, 3).join(', ')}`);
    const changed = diffSnapshots(before, snapshot(ws));
    check('untrusted', 'untrusted-no-file-written', changed.length === 0, `files changed in the untrusted workspace: ${changed.slice(0, 5).join(', ')}`);
  }
}

/** Records a check the runner itself makes, as one result line. */
function check(suite, name, ok, reason) {
  results.push({ suite, name, ok, reason: ok ? '' : reason });
  console.log(ok ? `ok ${name}` : `FAIL ${name}: ${reason}`);
}

function readIfExists(file) {
  return existsSync(file) ? readFileSync(file, 'utf8') : '';
}

/** Size and modification time of every file of a workspace, outside .git and node_modules. */
function snapshot(dir) {
  const out = new Map();
  const walk = (d) => {
    for (const n of readdirSync(d)) {
      if (n === '.git' || n === 'node_modules') continue;
      const p = join(d, n);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else out.set(relative(dir, p), `${st.size}:${st.mtimeMs}`);
    }
  };
  walk(dir);
  return out;
}

function diffSnapshots(a, b) {
  const names = new Set([...a.keys(), ...b.keys()]);
  return [...names].filter((n) => a.get(n) !== b.get(n)).map((n) => (!a.has(n) ? `+${n}` : !b.has(n) ? `-${n}` : `~${n}`));
}

/**
 * Starts code-server on a free loopback port in its own process group (detached = setsid), so
 * stopping the group also stops the extension hosts and our language server. `trusted`: with
 * --disable-workspace-trust; without it the profile's settings decide (restricted mode).
 */
async function startCodeServer(name, { data, exts, trusted, env }) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const config = join(tmp, `${name}.yaml`);
  // --config: without it the first run writes ~/.config/code-server/config.yaml with a password
  writeFileSync(config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const help = spawnSync(CS_BIN, ['--help'], { encoding: 'utf8', env }).stdout ?? '';
  // Newer code-server only honours the URL payload (development extension, test suites) with
  // VS Code's smoke-test driver flag; 4.100.x has no --vscode-option and needs none.
  const smoke = help.includes('--vscode-option') ? ['--vscode-option', 'enable-smoke-test-driver'] : [];
  const logFile = join(LOGS, `${name}.log`);
  const fd = openSync(logFile, 'w');
  const child = spawn(CS_BIN, ['--config', config, '--user-data-dir', data, '--extensions-dir', exts,
    '--disable-telemetry', '--disable-update-check', ...(trusted ? ['--disable-workspace-trust'] : []),
    '--disable-getting-started-override', '--ignore-last-opened', ...smoke], {
    env, detached: true, stdio: ['ignore', fd, fd],
  });
  closeSync(fd);
  const server = { name, pid: child.pid, data, logFile, exited: undefined };
  server.exitedPromise = new Promise((r) => child.on('exit', (code, signal) => {
    server.exited = `code ${code}, signal ${signal}`;
    r();
  }));
  servers.push(server);
  const end = Date.now() + 30_000;
  for (;;) {
    if (server.exited) throw new Error(`${name} exited (${server.exited}): ${tail(logFile)}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) break;
    } catch {}
    if (Date.now() > end) throw new Error(`${name} did not answer ${url}/healthz in 30s: ${tail(logFile)}`);
    await sleep(200);
  }
  log(`${name} ${CS_VERSION} (pid ${child.pid}, ${trusted ? 'workspace trust disabled' : 'workspace trust on'}) answers on ${url}`);
  return { url };
}

/** Runs a driver script; its own output streams through; its results file is merged in. */
async function driver(script, env, resultsFile, suite) {
  if (finishing) return;
  const child = spawn(process.execPath, [join(REPO, script)], { cwd: REPO, env, stdio: ['ignore', 'inherit', 'inherit'], detached: true });
  children.add(child);
  const code = await new Promise((r) => child.on('exit', (c, s) => r(c ?? s)));
  children.delete(child);
  const got = existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, 'utf8')) : [];
  results.push(...got);
  if (got.length === 0) results.push({ suite, name: `${suite}-driver`, ok: false, reason: `${script} exited (${code}) without results` });
}

function run(cmd, args, logName) {
  const r = spawnSync(cmd, args, { cwd: REPO, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 180_000 });
  const out = `${r.stdout ?? ''}${r.stderr ?? ''}`;
  writeFileSync(join(LOGS, logName), out);
  if (r.status !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status ?? r.signal}): ${out.trim().split('\n').slice(-8).join(' | ')}`);
  }
}

async function timed(name, fn) {
  if (finishing) throw new Error(`not starting ${name}: the run is stopping`);
  const s = Date.now();
  log(`${name} ...`);
  try {
    return await fn();
  } finally {
    timings.push(`${name} ${secs(Date.now() - s)}`);
  }
}

function freePort() {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => res(port));
    });
  });
}

function tail(file, n = 10) {
  try {
    return readFileSync(file, 'utf8').trim().split('\n').slice(-n).join(' | ');
  } catch {
    return '(no log)';
  }
}

/** Members of the process group, the leader included once it has been reaped. */
function groupAlive(pid) {
  const r = spawnSync('ps', ['-o', 'pid=,stat=', '-g', String(pid)], { encoding: 'utf8' });
  // a zombie (stat Z) is dead already; it only waits for its parent to reap it
  return r.stdout.split('\n').some((l) => l.trim() && !/\sZ/.test(l));
}

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {}
}

/** Stops every code-server started, and keeps its logs (extension host, our output channel). */
async function stopServers() {
  while (servers.length) {
    const server = servers.shift();
    await stopServer(server);
    const logs = join(server.data, 'logs');
    if (existsSync(logs)) cpSync(logs, join(LOGS, `${server.name}-logs`), { recursive: true });
  }
}

/** Stops one code-server: the server first, then whatever is left of its process group (file
 *  watcher, extension hosts, language servers all share it). */
async function stopServer({ name, pid, exitedPromise }) {
  try { process.kill(pid, 'SIGTERM'); } catch {}
  await Promise.race([exitedPromise, sleep(10_000)]);
  const waitGroup = async (ms) => {
    const end = Date.now() + ms;
    while (groupAlive(pid) && Date.now() < end) await sleep(200);
  };
  await waitGroup(5_000);
  if (groupAlive(pid)) { killGroup(pid, 'SIGTERM'); await waitGroup(3_000); }
  if (groupAlive(pid)) { killGroup(pid, 'SIGKILL'); await waitGroup(2_000); }
  log(`${name} (pid ${pid}) ${groupAlive(pid) ? 'DID NOT STOP' : 'stopped'}`);
}

/** The end of our output channel (the language client and server log) from each extension host. */
function printExtensionLogs() {
  const found = [];
  const walk = (dir) => {
    let names = [];
    try { names = readdirSync(dir); } catch { return; }
    for (const n of names) {
      const p = join(dir, n);
      if (statSync(p).isDirectory()) walk(p);
      else if (dir.endsWith('event-schemas.event-schemas')) found.push(p);
    }
  };
  for (const n of readdirSync(LOGS)) if (n.endsWith('-logs')) walk(join(LOGS, n));
  for (const f of found) {
    const lines = readFileSync(f, 'utf8').trim().split('\n').filter(Boolean);
    if (lines.length === 0) continue;
    console.log(`e2e extension log ${relative(process.cwd(), f)} (last ${Math.min(8, lines.length)} of ${lines.length} lines):`);
    for (const l of lines.slice(-8)) console.log(`  ${l.slice(0, 300)}`);
  }
}

async function finish() {
  if (finishing) return;
  finishing = true;
  clearTimeout(globalTimer);
  await stopServers();
  if (registry) await registry.close();
  if (tmp) {
    if (process.env.E2E_KEEP_TMP === '1') log(`kept ${tmp}`);
    else rmSync(tmp, { recursive: true, force: true });
    tmp = undefined;
  }
  const failed = results.filter((r) => !r.ok);
  const passed = results.length - failed.length;
  console.log('');
  console.log(`e2e timings: ${timings.join(', ')}; total ${secs(Date.now() - t0)}`);
  for (const r of failed) console.log(`e2e FAIL ${r.suite}/${r.name}: ${r.reason}`);
  if (failed.length) printExtensionLogs();
  console.log(`e2e screenshots: ${relative(process.cwd(), SHOTS) || '.'}/`);
  console.log(`e2e logs: ${relative(process.cwd(), LOGS) || '.'}/ (code-server*.log, code-server*-logs/**/remoteexthost.log, *-console.log, git-calls-*.log)`);
  if (results.length === 0) results.push({ ok: false }); // never report success for a run that checked nothing
  console.log(`e2e: ${passed} passed, ${results.filter((r) => !r.ok).length} failed`);
  process.exit(failed.length || passed === 0 ? 1 : 0);
}
