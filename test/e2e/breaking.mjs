// The breaking-change scenario of the UI driver (ui.mjs), in the git-initialised workspace: the
// status bar names the baseline, deleting a field of a committed .proto puts FIELD_NO_DELETE on
// its message in the Problems panel, Ctrl+. offers "reserve", applying it clears the finding, and
// "Compare with Baseline" opens the diff against HEAD. Each step takes a screenshot.
import { poll } from './lib/steps.mjs';
import { locate, scenario } from './lib/fixture.mjs';

/**
 * ctx: { page, steps, shot, onFail, openFile, goTo, pick, rowTexts, problemRows, WS_DIR }, the
 * helpers ui.mjs drives the workbench with.
 */
export async function breakingSteps(ctx) {
  const { page, steps, shot, onFail, openFile, goTo, pick, rowTexts, problemRows, WS_DIR } = ctx;
  const b = scenario.breaking;
  const deleted = locate(WS_DIR, b.file, b.deletedLine, b.deletedLine.trim());
  const message = locate(WS_DIR, b.file, b.message, b.messageName);
  const lines = page.locator('.editor-instance .monaco-editor .view-lines');
  const editorText = async () => ((await lines.first().innerText().catch(() => '')) || '').replace(/\u00a0/g, ' ');
  const findingRows = async () => (await rowTexts(problemRows)).filter((t) => t.includes(b.code));

  await steps.step('breaking-open-committed-proto', async () => {
    await openFile(b.file, b.messageName);
  }, { needs: ['workbench-loads'], onFail });

  await steps.step('breaking-status-baseline', async () => {
    const item = page.locator('.statusbar-item', { hasText: b.status });
    await poll(async () => ((await item.count()) > 0 ? { done: true } : { done: false, seen: JSON.stringify(await rowTexts(page.locator('.statusbar-item'))).slice(0, 400) }), {
      timeout: 30_000,
      what: `a status bar item '${b.status}'`,
    });
    await shot('breaking-status', true);
  }, { needs: ['breaking-open-committed-proto'], onFail });

  await steps.step('breaking-delete-field', async () => {
    await goTo({ line: deleted.line, column: 1 });
    await page.keyboard.press('Control+Shift+K'); // Delete Line
    await poll(async () => {
      const text = await editorText();
      return text.includes(b.deletedLine.trim()) ? { done: false, seen: text.slice(0, 300) } : { done: true };
    }, { timeout: 10_000, what: `'${b.deletedLine.trim()}' to be gone from the editor` });
  }, { needs: ['breaking-open-committed-proto'], onFail });

  await steps.step('breaking-problems-field-no-delete', async () => {
    await page.keyboard.press('Control+Shift+M');
    await page.locator('.markers-panel').first().waitFor({ timeout: 15_000 });
    // On the message's name: its line and column.
    const where = `[Ln ${message.line}, Col ${message.column}]`;
    const row = await poll(async () => {
      const hits = await findingRows();
      return hits.length ? { done: true, value: hits[0] } : { done: false, seen: JSON.stringify(await rowTexts(problemRows)).slice(0, 400) || 'an empty Problems panel' };
    }, { timeout: 60_000, what: `a Problems row with ${b.code} for ${b.file}` });
    if (!row.includes(where)) throw new Error(`the row is not on the message ${where}: '${row}'`);
    if (!row.includes('order_id')) throw new Error(`the row does not name the deleted field: '${row}'`);
    steps.log('problems row:', row);
    await shot('breaking-problems', true);
  }, { needs: ['breaking-delete-field'], onFail });

  await steps.step('breaking-reserve-quick-fix', async () => {
    const widget = page.locator('.action-widget');
    const fixRow = widget.locator('.monaco-list-row', { hasText: 'Reserve' });
    for (let attempt = 1; ; attempt++) {
      await goTo(message);
      await page.keyboard.press('Control+Period'); // Quick Fix...
      try {
        await fixRow.first().waitFor({ timeout: 6_000 });
        break;
      } catch {
        const seen = JSON.stringify(await rowTexts(widget.locator('.monaco-list-row')));
        await page.keyboard.press('Escape');
        if (attempt >= 5) throw new Error(`Ctrl+. on ${b.messageName} offered no 'Reserve' fix; rows: ${seen.slice(0, 300)}`);
        steps.log(`quick fix not offered yet, retrying (${attempt})`);
      }
    }
    const title = ((await fixRow.first().innerText()) || '').trim();
    if (!title.includes(b.fix)) throw new Error(`the fix reads '${title}', not '${b.fix}'`);
    await shot('breaking-quick-fix-menu', true);
    // The keyboard, as users do: the menu re-renders while it settles, which a click can miss.
    const focused = widget.locator('.monaco-list-row.focused');
    for (let i = 0; i < 5 && !(((await focused.first().innerText().catch(() => '')) || '').includes('Reserve')); i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await poll(async () => {
      const text = await editorText();
      return text.includes(b.reserved) ? { done: true } : { done: false, seen: text.slice(0, 300) };
    }, { timeout: 10_000, what: `'${b.reserved}' in the editor` });
  }, { needs: ['breaking-problems-field-no-delete'], onFail });

  await steps.step('breaking-finding-gone', async () => {
    await page.keyboard.press('Control+Shift+M');
    await poll(async () => {
      const hits = await findingRows();
      return hits.length === 0 ? { done: true } : { done: false, seen: JSON.stringify(hits).slice(0, 300) };
    }, { timeout: 30_000, what: `the ${b.code} row to go away` });
    await shot('breaking-fixed', true);
  }, { needs: ['breaking-reserve-quick-fix'], onFail });

  await steps.step('breaking-compare-with-baseline', async () => {
    // Whatever an earlier step left open (a menu, a widget) must not take the keys.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await openFile(b.file, b.messageName);
    await pick('Control+Shift+P', 'Event Schemas: Compare with Baseline');
    const tab = page.locator('.editor-group-container.active .tab.active');
    await poll(async () => {
      const seen = ((await tab.innerText().catch(() => '')) || '').trim();
      return seen.includes(b.compareTitle) ? { done: true } : { done: false, seen };
    }, { timeout: 30_000, what: `a diff tab titled '${b.compareTitle} ↔ current)'` });
    await page.locator('.monaco-diff-editor').first().waitFor({ timeout: 15_000 });
    // The left side is the committed text: it still has the deleted field.
    await page.locator('.monaco-diff-editor .editor.original .view-lines', { hasText: b.deletedLine.trim() }).first().waitFor({ timeout: 15_000 });
    await shot('breaking-compare', true);
  }, { needs: ['breaking-open-committed-proto'], onFail });

  // Leave the file as it was on disk for whatever runs next.
  await openFile(b.file, b.messageName).catch(() => {});
  await pick('Control+Shift+P', 'File: Revert File').catch(() => {});
}
