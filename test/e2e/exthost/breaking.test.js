// Breaking changes in the extension host, with the real `vscode` API, in the git-initialised
// workspace: a field deleted from a committed .proto gives FIELD_NO_DELETE on its message with a
// related location in the baseline (a document the extension serves), the "reserve" quick fix
// clears it, and "Compare with Baseline" opens a diff against HEAD.
'use strict';
const assert = require('node:assert/strict');
const fs = require('node:fs');
const vscode = require('vscode');

const scenario = require('../scenario.json');
const { waitFor, openFixture, positionOf, codeOf, describe } = require('./helpers');

suite('breaking changes against git:HEAD', () => {
  const b = scenario.breaking;
  const findings = (uri) => vscode.languages.getDiagnostics(uri).filter((d) => codeOf(d) === b.code);

  async function deleteField(doc) {
    const start = positionOf(doc, b.deletedLine);
    const edit = new vscode.WorkspaceEdit();
    edit.delete(doc.uri, new vscode.Range(start.line, 0, start.line + 1, 0));
    assert.ok(await vscode.workspace.applyEdit(edit), 'the deletion applies');
  }

  async function revert(doc) {
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }

  test('breaking-field-no-delete-reserve', async () => {
    const doc = await openFixture(b.file);
    const committed = doc.getText();
    try {
      await deleteField(doc);
      const name = positionOf(doc, b.message, b.messageName);
      const diag = await waitFor(`${b.code} on ${b.messageName}`, () => {
        const hit = findings(doc.uri)[0];
        return hit ? { done: true, value: hit } : { done: false, seen: describe(vscode.languages.getDiagnostics(doc.uri)) };
      }, 60_000);
      assert.deepEqual(
        [diag.range.start.line, diag.range.start.character, diag.range.end.character],
        [name.line, name.character, name.character + b.messageName.length],
        `span of ${describe([diag])}`,
      );
      assert.equal(diag.severity, vscode.DiagnosticSeverity.Error);
      // The related location is the field in the baseline, a read-only document the extension serves.
      const related = diag.relatedInformation && diag.relatedInformation[0];
      assert.ok(related, 'related information into the baseline');
      assert.equal(related.location.uri.scheme, 'event-schemas-baseline');
      const old = await vscode.workspace.openTextDocument(related.location.uri);
      assert.equal(old.getText(), committed);
      assert.equal(old.getText(related.location.range), b.deletedLine.trim().split(' ')[1]);

      const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', doc.uri, diag.range, vscode.CodeActionKind.QuickFix.value);
      const fix = (actions || []).find((a) => a.title === b.fix);
      assert.ok(fix, `the fix '${b.fix}' among ${JSON.stringify((actions || []).map((a) => a.title))}`);
      assert.ok(await vscode.workspace.applyEdit(fix.edit), 'the fix applies');
      assert.ok(doc.getText().includes(b.reserved), doc.getText());
      await waitFor(`${b.code} to go away`, () => (findings(doc.uri).length === 0 ? { done: true } : { done: false, seen: describe(findings(doc.uri)) }), 30_000);
    } finally {
      await revert(doc);
    }
  });

  test('breaking-compare-with-baseline', async () => {
    const doc = await openFixture(b.file);
    await vscode.commands.executeCommand('eventSchemas.compareWithBaseline', doc.uri);
    const input = await waitFor('a diff of the baseline and the file', () => {
      const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
      const i = tab && tab.input;
      return i instanceof vscode.TabInputTextDiff ? { done: true, value: { input: i, label: tab.label } } : { done: false, seen: tab ? tab.label : 'no tab' };
    });
    assert.equal(input.input.original.scheme, 'event-schemas-baseline');
    assert.equal(input.input.modified.toString(), doc.uri.toString());
    assert.ok(input.label.startsWith(b.compareTitle), input.label);
    const old = await vscode.workspace.openTextDocument(input.input.original);
    assert.equal(old.getText(), fs.readFileSync(doc.uri.fsPath, 'utf8'));
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});

// The positive control of the restricted-mode suite (untrusted.test.js): in this trusted window a
// registry baseline in the user settings is asked for as soon as a schema file is open, so the
// zero requests there come from the missing trust, not from a setting that never takes effect.
suite('a registry baseline in a trusted workspace', () => {
  const b = scenario.breaking;
  test('registry-baseline-requested-when-trusted', async () => {
    const registry = process.env.EVENT_SCHEMAS_E2E_REGISTRY;
    assert.ok(registry, 'the runner starts a fake registry and names it in EVENT_SCHEMAS_E2E_REGISTRY');
    assert.equal(vscode.workspace.isTrusted, true);
    const config = vscode.workspace.getConfiguration('eventSchemas.breaking');
    const before = config.inspect('baseline').globalValue;
    await openFixture(b.file);
    try {
      await config.update('baseline', `registry:${registry}#${b.registrySubject}`, vscode.ConfigurationTarget.Global);
      const requests = await waitFor('a request to the fake registry', async () => {
        const seen = (await (await fetch(`${registry}/__e2e/requests`)).json()).requests;
        return seen.length ? { done: true, value: seen } : { done: false, seen: 'none' };
      }, 30_000);
      assert.ok(requests.some((r) => r.includes(`/subjects/${b.registrySubject}/versions`)), JSON.stringify(requests));
    } finally {
      await config.update('baseline', before, vscode.ConfigurationTarget.Global);
    }
  });
});
