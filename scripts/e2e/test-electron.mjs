// Runs the extension-host suites (test/e2e/exthost/index.js: a mocha run() module) in DESKTOP
// VS Code through @vscode/test-electron, for machines that can download VS Code. The fake schema
// registry of scripts/e2e/probes.mjs runs here too, for the registry-baseline test. The
// restricted-mode suite (exthost/untrusted.js) is not run here: test-electron always launches
// VS Code with --disable-workspace-trust, so its windows are always trusted.
//
// It cannot run on the CI machines of this project: they reach only the npm and Debian
// registries, and test-electron downloads VS Code from update.code.visualstudio.com (it fails
// within a second with `getaddrinfo ENOTFOUND update.code.visualstudio.com`); Debian has no
// desktop VS Code/Electron package either. There, scripts/e2e/run.mjs runs the same suite inside
// code-server's Node extension host instead.
//
//   npm run build && node scripts/e2e/test-electron.mjs
//   VSCODE_VERSION=1.100.3 node scripts/e2e/test-electron.mjs     # default: stable
//   VSCODE_EXECUTABLE=/path/to/code node scripts/e2e/test-electron.mjs   # an installed VS Code
// On Linux without a display, run it under xvfb-run.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { prepareWorkspace, REPO } from './workspace.mjs';
import { startFakeRegistry } from './probes.mjs';

const tmp = mkdtempSync(join(tmpdir(), 'event-schemas-test-electron-'));
let code = 1;
const registry = await startFakeRegistry();
try {
  const workspace = prepareWorkspace(join(tmp, 'ws'));
  code = await runTests({
    ...(process.env.VSCODE_EXECUTABLE
      ? { vscodeExecutablePath: process.env.VSCODE_EXECUTABLE }
      : { version: process.env.VSCODE_VERSION || 'stable' }),
    extensionDevelopmentPath: REPO,
    extensionTestsPath: join(REPO, 'test/e2e/exthost/index.js'),
    extensionTestsEnv: { EVENT_SCHEMAS_E2E_REGISTRY: registry.url },
    launchArgs: [
      workspace,
      '--disable-extensions', // other installed extensions; the one under development still loads
      '--disable-workspace-trust',
      '--skip-welcome',
      '--skip-release-notes',
      `--user-data-dir=${join(tmp, 'user-data')}`,
    ],
  });
} catch (err) {
  console.error(`test-electron: ${err?.message ?? err}`);
  if (/ENOTFOUND|EAI_AGAIN|ECONNREFUSED/.test(String(err))) {
    console.error('test-electron: VS Code cannot be downloaded from here; use `npm run test:e2e` (code-server) instead');
  }
} finally {
  await registry.close();
  rmSync(tmp, { recursive: true, force: true });
}
console.log(`test-electron: exit code ${code}`);
process.exit(code === 0 ? 0 : 1);
