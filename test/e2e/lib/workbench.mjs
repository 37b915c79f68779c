// Driving the VS Code workbench like a user, shared by the UI drivers (ui.mjs, untrusted.mjs):
// numbered screenshots, Quick Open and the command palette with retries, the cursor moved through
// Quick Open's `:line:column`, widgets waited for until painted, the Problems panel's rows.
import { join } from 'node:path';

/** `steps` logs retries; screenshots go to `shotsDir` as `<prefix>-NN-<name>.png`. */
export function workbench(page, { steps, shotsDir, prefix }) {
  let shotNo = 0;
  async function shot(name, ok) {
    const file = join(shotsDir, `${prefix}-${String(++shotNo).padStart(2, '0')}-${name}${ok ? '' : '-FAIL'}.png`);
    await page.screenshot({ path: file }).catch(() => {});
    return file;
  }
  const onFail = (name) => shot(name, false);

  const quickInput = page.locator('.quick-input-widget');
  const rowTexts = async (locator) =>
    (await locator.allInnerTexts().catch(() => [])).map((t) => t.replace(/\s+/g, ' ').trim());

  /**
   * Quick Open / command palette pick. Its list is a snapshot taken when it opens: if the file
   * search or the extension's contributions were not ready yet, the row never appears. So: wait a
   * while, Escape, reopen, retype.
   */
  async function pick(openKey, text, rowText = text, attempts = 5) {
    for (let attempt = 1; ; attempt++) {
      await page.keyboard.press(openKey);
      await quickInput.waitFor({ state: 'visible', timeout: 10_000 });
      await page.keyboard.type(text);
      const rows = page.locator('.quick-input-list .monaco-list-row');
      const row = rows.filter({ hasText: rowText }).first();
      try {
        await row.waitFor({ timeout: 5_000 });
        // Click the row that matched: Enter would take the first row, which a similar name can outrank.
        await row.click();
        await quickInput.waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => {});
        return;
      } catch {
        const seen = await rowTexts(rows);
        await page.keyboard.press('Escape');
        if (attempt >= attempts) {
          throw new Error(`'${text}' never offered a row with '${rowText}'; rows: ${JSON.stringify(seen).slice(0, 300)}`);
        }
        steps.log(`'${text}' not offered yet, retrying (${attempt})`);
      }
    }
  }

  /** Opens a workspace file with Quick Open and waits until its tab is active and its text shows. */
  async function openFile(relPath, expectText) {
    const base = relPath.split('/').pop();
    await pick('Control+P', relPath, base);
    await page.locator('.tab.active', { hasText: base }).first().waitFor({ timeout: 15_000 });
    await page
      .locator('.editor-instance .monaco-editor .view-lines', { hasText: expectText })
      .first()
      .waitFor({ timeout: 15_000 });
  }

  const selection = page.locator('[id="status.editor.selection"]');
  async function selectionText() {
    return ((await selection.innerText({ timeout: 2_000 }).catch(() => '')) || '').trim();
  }

  /** Moves the cursor with Quick Open's `:line:column`, verified through the status bar. */
  async function goTo({ line, column }) {
    const want = `Ln ${line}, Col ${column}`;
    for (let attempt = 1; ; attempt++) {
      await page.keyboard.press('Control+P');
      await quickInput.waitFor({ state: 'visible', timeout: 10_000 });
      await page.keyboard.type(`:${line}:${column}`);
      await page.locator('.quick-input-list .monaco-list-row', { hasText: String(line) }).first()
        .waitFor({ timeout: 3_000 }).catch(() => {});
      await page.keyboard.press('Enter');
      await quickInput.waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => {});
      const got = await selectionText();
      if (got.startsWith(want)) return;
      if (attempt >= 4) throw new Error(`cursor did not reach ${want}; status bar says '${got}'`);
    }
  }

  /**
   * Waits until the first visible match is fully painted: no running animation and opacity 1 on it
   * and its ancestors (hovers fade in), so screenshots show the widget, not the fade.
   */
  async function settled(locator) {
    const el = await locator.filter({ visible: true }).first().elementHandle({ timeout: 2_000 }).catch(() => null);
    if (!el) return;
    await page.waitForFunction((node) => {
      for (let n = node; n && n instanceof Element; n = n.parentElement) {
        if (Number(getComputedStyle(n).opacity) < 1) return false;
      }
      return document.getAnimations().every((a) => a.playState !== 'running');
    }, el, { timeout: 3_000 }).catch(() => {});
  }

  /** The Problems panel rows, as text. */
  const problemRows = page.locator('.markers-panel .monaco-list-row');

  return { shot, onFail, rowTexts, pick, openFile, goTo, selectionText, settled, problemRows };
}
