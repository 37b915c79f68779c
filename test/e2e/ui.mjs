// Scenario 1 in a real VS Code workbench (code-server), driven by playwright-core + chromium:
// diagnostics for a broken file reach the Problems panel, hover over a type defined in another
// file shows its full name, F12 jumps to that file, an .avsc with a bad default shows the error on
// the default, and hover/F12 on a record another .avsc defines show its doc and open it; then
// "Generate handlers" from the palette, handlers/missing from the TypeScript plugin in the
// Problems panel, and its "Add missing handlers" fix; then breaking changes against git:HEAD with
// the reserve quick fix (breaking.mjs). The workspace is trusted; untrusted.mjs covers restricted
// mode. Started by scripts/e2e/run.mjs.
//
// Env: CS_URL (code-server base URL), WS_DIR (fixture workspace copy on the code-server machine),
//      DATA_DIR (code-server --user-data-dir, for the extension host log), SHOTS_DIR (screenshots),
//      RESULTS (JSON results file), LOG_DIR (page console log), CHROMIUM (browser binary).
import { readFileSync, readdirSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser, cleanConsoleText, consoleNoise } from './lib/browser.mjs';
import { createSteps, poll } from './lib/steps.mjs';
import { scenario, locate } from './lib/fixture.mjs';
import { breakingSteps } from './breaking.mjs';
import { workbench } from './lib/workbench.mjs';

const CS_URL = mustEnv('CS_URL');
const WS_DIR = mustEnv('WS_DIR');
const DATA_DIR = mustEnv('DATA_DIR');
const SHOTS_DIR = mustEnv('SHOTS_DIR');
const LOG_DIR = process.env.LOG_DIR || SHOTS_DIR;
const EXTENSION_ID = 'event-schemas.event-schemas';
mkdirSync(SHOTS_DIR, { recursive: true });
mkdirSync(LOG_DIR, { recursive: true });

const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
const steps = createSteps('ui');
const { page, close } = await launchBrowser();

const consoleLines = [];
page.on('console', (m) => {
  const text = cleanConsoleText(m.text());
  if (!consoleNoise.test(text)) consoleLines.push(`[${m.type()}] ${text}`);
});
page.on('pageerror', (e) => consoleLines.push(`[pageerror] ${e.message}`));

const { shot, onFail, rowTexts, pick, openFile, goTo, selectionText, settled, problemRows } = workbench(page, { steps, shotsDir: SHOTS_DIR, prefix: 'ui' });

/** Newest extension host log under the server's --user-data-dir: activation shows up there. */
function extHostLog() {
  const found = [];
  const walk = (dir) => {
    let names = [];
    try { names = readdirSync(dir); } catch { return; }
    for (const n of names) {
      const p = join(dir, n);
      if (statSync(p).isDirectory()) walk(p);
      else if (n === 'remoteexthost.log' || n === 'exthost.log') found.push(p);
    }
  };
  walk(join(DATA_DIR, 'logs'));
  return found.map((p) => readFileSync(p, 'utf8')).join('\n');
}

/**
 * Hover at `at` in the active editor (Ctrl+K Ctrl+I, the keyboard way to hover the word at the
 * cursor) until the hover shows every text in `wants`; screenshot, Escape.
 */
async function hoverStep(name, { file, at, wants, shotName }, needs) {
  await steps.step(name, async () => {
    const hover = page.locator('.monaco-hover');
    const activeTab = page.locator('.editor-group-container.active .tab.active');
    let seen = '';
    for (let attempt = 1; ; attempt++) {
      if (!((await activeTab.innerText().catch(() => '')) || '').includes(base(file))) throw new Error(`${base(file)} is not the active tab`);
      await goTo(at);
      await page.keyboard.press('Control+K');
      await page.keyboard.press('Control+I');
      try {
        await poll(async () => {
          seen = (await rowTexts(hover.filter({ visible: true }))).join(' / ');
          return wants.every((w) => seen.includes(w)) ? { done: true } : { done: false, seen };
        }, { timeout: 6_000, interval: 200, what: 'hover' });
        break;
      } catch {
        await page.keyboard.press('Escape');
        if (attempt >= 6) {
          throw new Error(`no hover showing ${JSON.stringify(wants)} at ${file}:${at.line}:${at.column}; hover text: ${seen ? `'${seen.slice(0, 300)}'` : 'none'}`);
        }
        steps.log(`hover not ready, retrying (${attempt})`);
      }
    }
    steps.log('hover:', seen.slice(0, 200));
    await settled(hover);
    await shot(shotName, true);
    await page.keyboard.press('Escape');
  }, { needs, onFail });
}

/** F12 at `at` in `file` opens `target` with the cursor on the line of `decl`; screenshot. */
async function definitionStep(name, { file, openText, at, target, decl, what, shotName }, needs) {
  await steps.step(name, async () => {
    const activeTab = page.locator('.editor-group-container.active .tab.active');
    let seen = '';
    for (let attempt = 1; ; attempt++) {
      if (!((await activeTab.innerText().catch(() => '')) || '').includes(base(file))) {
        await openFile(file, openText);
      }
      await goTo(at);
      await page.keyboard.press('F12');
      try {
        await poll(async () => {
          seen = ((await activeTab.innerText().catch(() => '')) || '').trim();
          return seen.includes(base(target)) ? { done: true } : { done: false, seen };
        }, { timeout: 6_000, interval: 200, what: 'tab' });
        break;
      } catch {
        if (attempt >= 6) {
          throw new Error(`F12 at ${file}:${at.line}:${at.column} did not open ${base(target)}; active tab: '${seen}'`);
        }
        steps.log(`definition not ready, retrying (${attempt})`);
      }
    }
    const sel = await poll(async () => {
      const t = await selectionText();
      return t.startsWith(`Ln ${decl.line},`) ? { done: true, value: t } : { done: false, seen: t };
    }, { timeout: 5_000, what: `the cursor on line ${decl.line} of ${base(target)} (${what})` });
    steps.log(`definition opened ${base(target)} at ${sel}`);
    await shot(shotName, true);
  }, { needs, onFail });
}

const bad = locate(WS_DIR, scenario.bad.file, scenario.bad.line);
const moneyRef = locate(WS_DIR, scenario.orders.file, scenario.orders.reference, scenario.orders.referenceName);
const moneyDecl = locate(WS_DIR, scenario.money.file, scenario.money.declaration, scenario.orders.referenceName);
const protoLanguage = (manifest.contributes?.languages ?? []).find((l) => l.id === 'proto');
const avroDefault = locate(WS_DIR, scenario.avro.file, scenario.avro.line, scenario.avro.badDefault);
const customerRef = locate(WS_DIR, scenario.avro.file, scenario.avro.reference, scenario.avro.referenceName);
const customerDecl = locate(WS_DIR, scenario.customer.file, scenario.customer.declaration);
const gen = scenario.generate;
const castAt = locate(WS_DIR, gen.handlers, gen.cast, gen.castType);
const base = (rel) => rel.split('/').pop();

try {
  await steps.step('workbench-loads', async () => {
    await page.goto(`${CS_URL}/?folder=${encodeURIComponent(WS_DIR)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    // The explorer lists files once the remote file system is connected.
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: scenario.bad.file })
      .first().waitFor({ timeout: 60_000 });
    await shot('workbench', true);
  }, { onFail });

  await steps.step('open-bad-proto', async () => {
    await openFile(scenario.bad.file, scenario.bad.unknownType);
    await shot('open-bad-proto', true);
  }, { needs: ['workbench-loads'], onFail });

  await steps.step('language-mode-proto', async () => {
    if (!protoLanguage) throw new Error("package.json contributes no language with id 'proto'");
    const alias = protoLanguage.aliases?.[0] ?? 'proto';
    const mode = page.locator('[id="status.editor.mode"]');
    await poll(async () => {
      const text = ((await mode.innerText({ timeout: 2_000 }).catch(() => '')) || '').trim();
      return text === alias ? { done: true } : { done: false, seen: `'${text}'` };
    }, { timeout: 30_000, what: `the status bar language mode '${alias}'` });
  }, { needs: ['open-bad-proto'], onFail });

  await steps.step('extension-activates', async () => {
    await poll(async () => {
      const log = extHostLog();
      const failed = log.split('\n').find((l) => l.includes(`Activating extension '${EXTENSION_ID}' failed`));
      if (failed) throw new Error(`the extension host log reports: ${failed.trim().slice(0, 300)}`);
      if (log.includes(`_doActivateExtension ${EXTENSION_ID}`)) return { done: true };
      return { done: false, seen: log ? 'an extension host log without it' : 'no extension host log yet' };
    }, { timeout: 30_000, what: `'${EXTENSION_ID}' to activate` });
  }, { needs: ['open-bad-proto'], onFail });

  await steps.step('problems-syntax-error', async () => {
    await page.keyboard.press('Control+Shift+M');
    await page.locator('.markers-panel').first().waitFor({ timeout: 15_000 });
    // A row from our server for the broken line: the code (`syntax/...`) or an "expected ..."
    // message, with the source and the position VS Code prints after it.
    const want = /(syntax\/|expected)/;
    const row = await poll(async () => {
      const texts = await rowTexts(problemRows);
      const hit = texts.find((t) => want.test(t) && t.includes('event-schemas'));
      return hit ? { done: true, value: hit } : { done: false, seen: texts.length ? JSON.stringify(texts).slice(0, 400) : 'an empty Problems panel' };
    }, { timeout: 60_000, what: `a Problems row matching ${want} from event-schemas for ${scenario.bad.file}` });
    if (!row.includes(`[Ln ${bad.line},`)) {
      throw new Error(`the row is not on line ${bad.line}: '${row}'`);
    }
    steps.log('problems row:', row);
    await shot('problems', true);
  }, { needs: ['open-bad-proto'], onFail });

  await steps.step('open-orders-proto', async () => {
    await openFile(scenario.orders.file, scenario.orders.reference);
  }, { needs: ['workbench-loads'], onFail });

  await hoverStep('hover-money', { file: scenario.orders.file, at: moneyRef, wants: [scenario.money.fullName], shotName: 'hover' }, ['open-orders-proto']);
  await definitionStep('definition-money', { file: scenario.orders.file, openText: scenario.orders.reference, at: moneyRef, target: scenario.money.file, decl: moneyDecl, what: scenario.money.declaration, shotName: 'definition' }, ['open-orders-proto']);

  await steps.step('problems-avro-bad-default', async () => {
    await openFile(scenario.avro.file, 'quantity');
    await page.keyboard.press('Control+Shift+M');
    await page.locator('.markers-panel').first().waitFor({ timeout: 15_000 });
    // The row names the code and sits on the default value: its line and column.
    const where = `[Ln ${avroDefault.line}, Col ${avroDefault.column}]`;
    const row = await poll(async () => {
      const texts = await rowTexts(problemRows);
      const hit = texts.find((t) => t.includes(scenario.avro.code));
      return hit ? { done: true, value: hit } : { done: false, seen: texts.length ? JSON.stringify(texts).slice(0, 400) : 'an empty Problems panel' };
    }, { timeout: 60_000, what: `a Problems row with ${scenario.avro.code} for ${scenario.avro.file}` });
    if (!row.includes(where)) throw new Error(`the row is not at the default ${where}: '${row}'`);
    steps.log('problems row:', row);
    await shot('problems-avro', true);
  }, { needs: ['workbench-loads'], onFail });

  // A record defined in customer.avsc, used by its full name in order-placed.avsc.
  await hoverStep('hover-avro-type', {
    file: scenario.avro.file, at: customerRef, wants: [scenario.customer.fullName, scenario.customer.doc], shotName: 'hover-avro',
  }, ['problems-avro-bad-default']);
  await definitionStep('definition-avro-type', {
    file: scenario.avro.file, openText: 'quantity', at: customerRef, target: scenario.customer.file, decl: customerDecl, what: scenario.customer.declaration, shotName: 'definition-avro',
  }, ['problems-avro-bad-default']);

  await steps.step('generate-code-lens', async () => {
    await openFile(gen.schema, gen.envelopeName);
    const lens = page.locator('.codelens-decoration', { hasText: 'Generate handlers' });
    await lens.first().waitFor({ timeout: 30_000 });
    await shot('generate-code-lens', true);
  }, { needs: ['workbench-loads'], onFail });

  await steps.step('generate-handlers-palette', async () => {
    const activeTab = page.locator('.editor-group-container.active .tab.active');
    if (!((await activeTab.innerText().catch(() => '')) || '').includes(base(gen.schema))) await openFile(gen.schema, gen.envelopeName);
    await pick('F1', 'Event Schemas: Generate handlers');
    // The command opens the generated module.
    await poll(async () => {
      const seen = ((await activeTab.innerText().catch(() => '')) || '').trim();
      return seen.includes(base(gen.module)) ? { done: true } : { done: false, seen };
    }, { timeout: 30_000, what: `the generated ${base(gen.module)} in the active tab` });
    const text = readFileSync(join(WS_DIR, gen.module), 'utf8');
    if (!text.startsWith('// Code generated by event-schemas. DO NOT EDIT.')) throw new Error(`${gen.module} lacks the generated header`);
    await page.locator('.editor-instance .monaco-editor .view-lines', { hasText: 'Code generated by event-schemas' }).first().waitFor({ timeout: 15_000 });
    await shot('generated-module', true);
  }, { needs: ['workbench-loads'], onFail });

  await steps.step('handlers-missing-in-problems', async () => {
    await openFile(gen.handlers, 'orderHandlers');
    await page.keyboard.press('Control+Shift+M');
    await page.locator('.markers-panel').first().waitFor({ timeout: 15_000 });
    // tsserver starts with the first TypeScript file, our plugin inside it.
    const row = await poll(async () => {
      const texts = await rowTexts(problemRows);
      const hit = texts.find((t) => t.includes(gen.missingCode));
      return hit ? { done: true, value: hit } : { done: false, seen: texts.length ? JSON.stringify(texts).slice(0, 400) : 'an empty Problems panel' };
    }, { timeout: 120_000, what: `a Problems row with ${gen.missingCode} for ${gen.handlers}` });
    if (!row.includes(gen.missingVariant)) throw new Error(`the row does not name ${gen.missingVariant}: '${row}'`);
    if (!row.includes(`[Ln ${castAt.line}, Col ${castAt.column}]`)) throw new Error(`the row is not on the cast at ${castAt.line}:${castAt.column}: '${row}'`);
    steps.log('problems row:', row);
    // The generated module is open in another tab: TypeScript reports nothing for it.
    const texts = await rowTexts(problemRows);
    const generatedRows = texts.filter((t) => gen.generated.some((g) => t.includes(base(g))));
    if (generatedRows.length) throw new Error(`the generated code has problems: ${JSON.stringify(generatedRows).slice(0, 400)}`);
    await shot('handlers-missing', true);
  }, { needs: ['generate-handlers-palette'], onFail });

  await steps.step('add-missing-handlers', async () => {
    const widget = page.locator('.action-widget');
    const fix = widget.locator('.monaco-list-row', { hasText: gen.fix });
    for (let attempt = 1; ; attempt++) {
      await page.locator('.editor-group-container.active .tab.active', { hasText: base(gen.handlers) }).first().waitFor({ timeout: 10_000 });
      await goTo(castAt);
      await page.keyboard.press('Control+.');
      try {
        await fix.first().waitFor({ timeout: 8_000 });
        break;
      } catch {
        const offered = await rowTexts(widget.locator('.monaco-list-row'));
        await page.keyboard.press('Escape');
        if (attempt >= 5) throw new Error(`Ctrl+. on the cast never offered '${gen.fix}'; offered: ${JSON.stringify(offered)}`);
        steps.log(`quick fix not offered yet, retrying (${attempt})`);
      }
    }
    await settled(widget);
    await shot('add-missing-handlers-menu', true);
    // The menu is keyboard-driven: move the focus to the fix, then Enter applies it.
    const focused = widget.locator('.monaco-list-row.focused');
    for (let i = 0; i < 10 && !((await focused.innerText().catch(() => '')) || '').includes(gen.fix); i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await poll(async () => {
      const texts = await rowTexts(problemRows);
      const left = texts.filter((t) => t.includes(gen.missingCode));
      return left.length === 0 ? { done: true } : { done: false, seen: JSON.stringify(left).slice(0, 300) };
    }, { timeout: 30_000, what: `the ${gen.missingCode} row to go away` });
    await page.locator('.editor-instance .monaco-editor .view-lines', { hasText: `${gen.missingVariant}:` }).first().waitFor({ timeout: 10_000 });
    await shot('handlers-fixed', true);
  }, { needs: ['handlers-missing-in-problems'], onFail });

  await breakingSteps({ page, steps, shot, onFail, openFile, goTo, pick, rowTexts, problemRows, WS_DIR });
} finally {
  writeFileSync(join(LOG_DIR, 'ui-console.log'), consoleLines.join('\n') + '\n');
  await close();
}

const failed = steps.write(process.env.RESULTS);
if (failed) {
  const interesting = consoleLines.filter((l) => /event-schemas|Event Schemas|\[error\]|pageerror/i.test(l)).slice(-10);
  if (interesting.length) {
    console.log(`ui: last page console lines of interest:\n  ${interesting.map((l) => l.slice(0, 300)).join('\n  ')}`);
  }
}
process.exit(failed ? 1 : 0);

function mustEnv(name) {
  const v = process.env[name];
  if (!v) {
    console.error(`ui.mjs: set ${name} (scripts/e2e/run.mjs does)`);
    process.exit(2);
  }
  return v;
}
