// Restricted mode (VS Code workspace trust), with the real `vscode` API in a workspace that is
// NOT trusted: open files are still analysed, but nothing runs git, nothing asks a schema
// registry, and nothing is written. scripts/e2e/run.mjs starts this code-server with workspace
// trust on and without --disable-workspace-trust, a logging `git` first on its PATH
// (EVENT_SCHEMAS_E2E_GIT_LOG names its log) and, in the USER settings, a registry baseline on a
// loopback fake registry (EVENT_SCHEMAS_E2E_REGISTRY) that counts requests. User settings apply
// in restricted mode; the workspace value of eventSchemas.breaking.baseline would not.
'use strict';
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const vscode = require('vscode');
const scenario = require('../scenario.json');
const { EXTENSION_ID, SOURCE, waitFor, openFixture, positionOf, codeOf, describe, diagnosticWithCode, hoverText } = require('./helpers');

const REGISTRY = process.env.EVENT_SCHEMAS_E2E_REGISTRY;
const GIT_LOG = process.env.EVENT_SCHEMAS_E2E_GIT_LOG;
const b = scenario.breaking;

/** What the fake registry has been asked (its control path is not counted). */
async function registryRequests() {
  const res = await fetch(`${REGISTRY}/__e2e/requests`);
  return (await res.json()).requests;
}

function gitCalls() {
  return fs.existsSync(GIT_LOG) ? fs.readFileSync(GIT_LOG, 'utf8').trim() : '';
}

/** The first `git` on this process's PATH, the one the language server (forked from here) runs. */
function gitOnPath() {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const p = path.join(dir, 'git');
    if (dir && fs.existsSync(p)) return p;
  }
  return undefined;
}

async function assertNothingAsked(when) {
  assert.deepEqual(await registryRequests(), [], `no registry request ${when}`);
  assert.equal(gitCalls(), '', `no git process ${when}`);
}

/**
 * Deletes a committed field (a breaking change against any baseline), waits until the server has
 * answered a request about the edited text, then gives a would-be baseline load a few seconds to
 * show up. A trusted window asks for the baseline as soon as the file is open
 * (breaking.test.js's registry test), so these seconds are slack, not the signal.
 */
async function deleteFieldAndSettle(doc) {
  const start = positionOf(doc, b.deletedLine);
  const edit = new vscode.WorkspaceEdit();
  edit.delete(doc.uri, new vscode.Range(start.line, 0, start.line + 1, 0));
  assert.ok(await vscode.workspace.applyEdit(edit), 'the deletion applies');
  const at = positionOf(doc, b.message, b.messageName);
  await waitFor(`a hover on ${b.messageName} from the server after the edit`, async () => {
    const t = hoverText((await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, at)) ?? []);
    return t.includes(b.messageName) ? { done: true } : { done: false, seen: JSON.stringify(t.slice(0, 200)) };
  });
  await new Promise((r) => setTimeout(r, 3000));
  assert.deepEqual(vscode.languages.getDiagnostics(doc.uri).filter((d) => codeOf(d) === b.code).map((d) => d.message), [], 'no breaking-change finding');
}

async function revert(doc) {
  await vscode.window.showTextDocument(doc);
  await vscode.commands.executeCommand('workbench.action.files.revert');
}

suite('restricted mode (untrusted workspace)', () => {
  suiteSetup(() => {
    // Without these the rest could pass for the wrong reason: a trusted window, no probes.
    assert.equal(vscode.workspace.isTrusted, false, 'the workspace is untrusted (restricted mode)');
    assert.ok(REGISTRY && GIT_LOG, 'scripts/e2e/run.mjs sets EVENT_SCHEMAS_E2E_REGISTRY and EVENT_SCHEMAS_E2E_GIT_LOG');
    const git = gitOnPath();
    assert.ok(git && fs.readFileSync(git, 'utf8').includes(GIT_LOG), `the first git on PATH is the logging one, not ${git}`);
  });

  test('untrusted-extension-activates', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is loaded`);
    await ext.activate();
    assert.equal(ext.isActive, true, 'the extension supports untrusted workspaces (limited)');
  });

  test('untrusted-open-files-analysed', async () => {
    const doc = await openFixture(scenario.bad.file);
    const line = positionOf(doc, scenario.bad.line).line;
    const diag = await waitFor(`a syntax diagnostic from ${SOURCE} in ${scenario.bad.file}`, () => {
      const all = vscode.languages.getDiagnostics(doc.uri);
      const hit = all.find((d) => d.source === SOURCE && codeOf(d).startsWith('syntax/'));
      return hit ? { done: true, value: hit } : { done: false, seen: describe(all) };
    }, 45_000);
    assert.equal(diag.range.start.line, line, describe([diag]));
    const avro = await openFixture(scenario.avro.file);
    const bad = positionOf(avro, scenario.avro.line, scenario.avro.badDefault);
    const avroDiag = await diagnosticWithCode(avro.uri, scenario.avro.code);
    assert.deepEqual([avroDiag.range.start.line, avroDiag.range.start.character], [bad.line, bad.character], describe([avroDiag]));
  });

  test('untrusted-registry-baseline-not-requested', async () => {
    const doc = await openFixture(b.file);
    // The user setting is in effect here: only trust keeps the registry from being asked.
    const baseline = vscode.workspace.getConfiguration('eventSchemas.breaking', doc.uri).get('baseline');
    assert.ok(String(baseline).startsWith(`registry:${REGISTRY}#`), `the baseline in effect is the fake registry: ${baseline}`);
    try {
      await deleteFieldAndSettle(doc);
      // "Compare with Baseline" reads the baseline in a trusted window; here it opens no diff.
      await vscode.commands.executeCommand('eventSchemas.compareWithBaseline', doc.uri);
      const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
      assert.ok(!(tab && tab.input instanceof vscode.TabInputTextDiff), `no baseline diff opens (active tab: ${tab && tab.label})`);
      await assertNothingAsked('with a registry baseline');
    } finally {
      await revert(doc);
    }
  });

  test('untrusted-git-baseline-not-read', async () => {
    const config = vscode.workspace.getConfiguration('eventSchemas.breaking');
    const before = config.inspect('baseline').globalValue;
    // The workspace is a git repository with one commit: a trusted window would run git here.
    await config.update('baseline', 'git:HEAD', vscode.ConfigurationTarget.Global);
    const doc = await openFixture(b.file);
    try {
      assert.equal(vscode.workspace.getConfiguration('eventSchemas.breaking', doc.uri).get('baseline'), 'git:HEAD');
      await deleteFieldAndSettle(doc);
      await vscode.commands.executeCommand('eventSchemas.compareWithBaseline', doc.uri);
      const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
      assert.ok(!(tab && tab.input instanceof vscode.TabInputTextDiff), `no baseline diff opens (active tab: ${tab && tab.label})`);
      await assertNothingAsked('with git:HEAD as the baseline');
    } finally {
      await revert(doc);
      await config.update('baseline', before, vscode.ConfigurationTarget.Global);
    }
  });

  test('untrusted-generate-writes-nothing', async () => {
    const gen = scenario.generate;
    const doc = await openFixture(gen.schema);
    const root = vscode.workspace.workspaceFolders[0].uri;
    const result = await vscode.commands.executeCommand('eventSchemas.generateHandlers', doc.uri);
    assert.ok(result, 'the command returns the server answer');
    assert.deepEqual(result.written, [], 'nothing written');
    assert.ok(result.errors.some((e) => /not trusted/.test(e)), `the answer says why: ${JSON.stringify(result.errors)}`);
    assert.equal(fs.existsSync(vscode.Uri.joinPath(root, gen.outDir).fsPath), false, `${gen.outDir} does not exist`);
    for (const rel of gen.generated) assert.equal(fs.existsSync(vscode.Uri.joinPath(root, rel).fsPath), false, `${rel} does not exist`);
  });
});
