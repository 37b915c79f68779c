// Restricted mode in a real VS Code workbench (code-server), driven like ui.mjs: the workspace is
// NOT trusted (workspace trust on, no startup prompt, a fresh browser profile that never trusted
// it). The workbench says "Restricted Mode"; an open .proto with an error still gets its
// diagnostics in the Problems panel; the status bar shows the baseline is off; "Event Schemas:
// Generate handlers" writes nothing and tells the user why. Started by scripts/e2e/run.mjs, on
// the second code-server, before the restricted-mode extension-host suite; the runner then checks
// that its probes saw no git process, no registry request and no changed file.
//
// Env: CS_URL, WS_DIR, SHOTS_DIR, RESULTS, LOG_DIR, CHROMIUM (as for ui.mjs).
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser, cleanConsoleText, consoleNoise } from './lib/browser.mjs';
import { createSteps, poll } from './lib/steps.mjs';
import { scenario, locate } from './lib/fixture.mjs';
import { workbench } from './lib/workbench.mjs';

const env = (name) => {
  if (!process.env[name]) {
    console.error(`untrusted.mjs: set ${name} (scripts/e2e/run.mjs does)`);
    process.exit(2);
  }
  return process.env[name];
};
const CS_URL = env('CS_URL');
const WS_DIR = env('WS_DIR');
const SHOTS_DIR = env('SHOTS_DIR');
const LOG_DIR = process.env.LOG_DIR || SHOTS_DIR;
mkdirSync(SHOTS_DIR, { recursive: true });
mkdirSync(LOG_DIR, { recursive: true });

const steps = createSteps('untrusted-ui');
const { page, close } = await launchBrowser();
const consoleLines = [];
page.on('console', (m) => {
  const text = cleanConsoleText(m.text());
  if (!consoleNoise.test(text)) consoleLines.push(`[${m.type()}] ${text}`);
});
page.on('pageerror', (e) => consoleLines.push(`[pageerror] ${e.message}`));

const { shot, onFail, rowTexts, pick, openFile, problemRows } = workbench(page, { steps, shotsDir: SHOTS_DIR, prefix: 'untrusted' });
const bad = locate(WS_DIR, scenario.bad.file, scenario.bad.line);
const gen = scenario.generate;
const b = scenario.breaking;
const statusItems = page.locator('.statusbar-item');
const statusTexts = async () => JSON.stringify(await rowTexts(statusItems)).slice(0, 400);

try {
  await steps.step('untrusted-workbench-loads', async () => {
    await page.goto(`${CS_URL}/?folder=${encodeURIComponent(WS_DIR)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: scenario.bad.file }).first().waitFor({ timeout: 60_000 });
  }, { onFail });

  await steps.step('untrusted-restricted-mode-shown', async () => {
    // VS Code's own status bar entry for an untrusted window.
    const item = statusItems.filter({ hasText: 'Restricted Mode' });
    await poll(async () => ((await item.count()) > 0 ? { done: true } : { done: false, seen: await statusTexts() }), {
      timeout: 30_000,
      what: "VS Code's 'Restricted Mode' status bar item",
    });
  }, { needs: ['untrusted-workbench-loads'], onFail });

  await steps.step('untrusted-problems-syntax-error', async () => {
    await openFile(scenario.bad.file, scenario.bad.unknownType);
    await page.keyboard.press('Control+Shift+M');
    await page.locator('.markers-panel').first().waitFor({ timeout: 15_000 });
    const row = await poll(async () => {
      const texts = await rowTexts(problemRows);
      const hit = texts.find((t) => /(syntax\/|expected)/.test(t) && t.includes('event-schemas'));
      return hit ? { done: true, value: hit } : { done: false, seen: texts.length ? JSON.stringify(texts).slice(0, 400) : 'an empty Problems panel' };
    }, { timeout: 60_000, what: `a Problems row from event-schemas for ${scenario.bad.file}` });
    if (!row.includes(`[Ln ${bad.line},`)) throw new Error(`the row is not on line ${bad.line}: '${row}'`);
    steps.log('problems row:', row);
    await shot('restricted-mode-problems', true);
  }, { needs: ['untrusted-workbench-loads'], onFail });

  await steps.step('untrusted-baseline-off', async () => {
    await openFile(b.file, b.messageName);
    const item = statusItems.filter({ hasText: 'Baseline: off' });
    await poll(async () => ((await item.count()) > 0 ? { done: true } : { done: false, seen: await statusTexts() }), {
      timeout: 30_000,
      what: "the status bar item 'Baseline: off'",
    });
    await shot('baseline-off', true);
  }, { needs: ['untrusted-workbench-loads'], onFail });

  await steps.step('untrusted-generate-refused', async () => {
    await openFile(gen.schema, gen.envelopeName);
    await pick('F1', 'Event Schemas: Generate handlers');
    // The answer is a warning notification: a toast, or (where the server hides toasts, as with
    // the smoke-test driver of newer code-server) an entry of the notification center.
    const want = 'this workspace is not trusted';
    const toast = page.locator('.notifications-toasts .notification-toast', { hasText: want });
    const listed = page.locator('.notifications-center .notification-list-item', { hasText: want });
    let centerOpened = false;
    const started = Date.now();
    const text = await poll(async () => {
      for (const l of [toast, listed]) {
        if ((await l.count()) > 0) return { done: true, value: ((await l.first().innerText().catch(() => '')) || '').replace(/\s+/g, ' ') };
      }
      if (!centerOpened && Date.now() - started > 10_000) {
        centerOpened = true;
        await pick('F1', 'Notifications: Show Notifications');
      }
      return { done: false, seen: JSON.stringify(await rowTexts(page.locator('.notification-list-item'))).slice(0, 300) };
    }, { timeout: 30_000, what: `a notification saying '${want}'` });
    steps.log('notification:', text.slice(0, 200));
    // A toast shows one line; expanded (focus it, then Right) it shows the whole reason for the screenshot.
    if ((await toast.count()) > 0) {
      await toast.first().click();
      await page.keyboard.press('ArrowRight');
      await toast.locator('.notification-list-item.expanded').first().waitFor({ timeout: 3_000 }).catch(() => {});
    }
    await shot('generate-refused', true);
    if (existsSync(join(WS_DIR, gen.outDir))) throw new Error(`${gen.outDir} was created in an untrusted workspace`);
  }, { needs: ['untrusted-workbench-loads'], onFail });
} finally {
  writeFileSync(join(LOG_DIR, 'untrusted-ui-console.log'), consoleLines.join('\n') + '\n');
  await close();
}

process.exit(steps.write(process.env.RESULTS) ? 1 : 0);
