// Rename of named types: every reference in every file, each keeping its form (short or full),
// and the old name offered as an alias according to the keepAlias option.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AnnotatedTextEdit, TextDocumentEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { KEEP_ALIAS_ANNOTATION, isRenameError, prepareRename, rename, type RenameOptions } from '../../../server/src/service/avro/rename';
import { applyEdits, showLocation } from '../fixture';
import { avroFixture, noThrow } from './fixture';

const anywhere = () => true;
const never: RenameOptions = { keepAlias: 'never', annotations: false };

/** Renames at `$0` and returns every file's text after the edit, by path (changed files only). */
function renamed(source: string, newName: string, options: RenameOptions = never): Record<string, string> {
  const f = avroFixture(source);
  const res = noThrow(() => rename(f.project, f.uri, f.position, newName, anywhere, options));
  assert.ok(!isRenameError(res), isRenameError(res) ? res.error : '');
  return textsAfter(f, res);
}

function textsAfter(f: ReturnType<typeof avroFixture>, edit: WorkspaceEdit): Record<string, string> {
  const out: Record<string, string> = {};
  const byUri = new Map<string, (TextEdit | AnnotatedTextEdit)[]>();
  for (const [uri, edits] of Object.entries(edit.changes ?? {})) byUri.set(uri, edits);
  for (const dc of (edit.documentChanges ?? []) as TextDocumentEdit[]) byUri.set(dc.textDocument.uri, dc.edits as (TextEdit | AnnotatedTextEdit)[]);
  for (const [uri, edits] of byUri) {
    const file = f.files.find((x) => x.uri === uri)!;
    out[file.path] = applyEdits(file.text, edits);
  }
  return out;
}

function renameError(source: string, newName: string): string {
  const f = avroFixture(source);
  const res = noThrow(() => rename(f.project, f.uri, f.position, newName, anywhere, never));
  assert.ok(isRenameError(res), 'expected a refusal');
  return res.error;
}

const workspace = `
//- money.avsc
{"type": "record", "name": "Mo$0ney", "namespace": "acme", "fields": [{"name": "units", "type": "long"}]}
//- order.avsc
{"type": "record", "name": "Order", "namespace": "acme", "fields": [
  {"name": "total", "type": "Money"},
  {"name": "tax", "type": ["null", "acme.Money"], "default": null}
]}
//- other.avsc
{"type": "record", "name": "Other", "namespace": "acme.other", "fields": [{"name": "m", "type": {"type": "array", "items": "acme.Money"}}]}
//- api.avdl
@namespace("acme")
protocol Api {
  import schema "money.avsc";
  record Bill { Money amount; acme.Money? refund; }
}
`;

test('every reference in JSON and IDL files is renamed, keeping short names short and full names full', () => {
  assert.deepEqual(renamed(workspace, 'Amount'), {
    'money.avsc': '{"type": "record", "name": "Amount", "namespace": "acme", "fields": [{"name": "units", "type": "long"}]}\n',
    'order.avsc': '{"type": "record", "name": "Order", "namespace": "acme", "fields": [\n  {"name": "total", "type": "Amount"},\n  {"name": "tax", "type": ["null", "acme.Amount"], "default": null}\n]}\n',
    'other.avsc': '{"type": "record", "name": "Other", "namespace": "acme.other", "fields": [{"name": "m", "type": {"type": "array", "items": "acme.Amount"}}]}\n',
    'api.avdl': '@namespace("acme")\nprotocol Api {\n  import schema "money.avsc";\n  record Bill { Amount amount; acme.Amount? refund; }\n}\n',
  });
});

test('rename works from a reference, and prepareRename selects the simple name only', () => {
  const f = avroFixture(workspace.replace('Mo$0ney', 'Money').replace('["null", "acme.Money"]', '["null", "acme.Mon$0ey"]'));
  const prep = noThrow(() => prepareRename(f.project, f.uri, f.position, anywhere));
  assert.ok(!isRenameError(prep));
  assert.equal(showLocation(f.uri, prep.range), 'order.avsc:2:41-2:46');
  assert.equal(prep.placeholder, 'Money');
  const after = textsAfter(f, rename(f.project, f.uri, f.position, 'Cash', anywhere, never) as WorkspaceEdit);
  assert.deepEqual(Object.keys(after).sort(), ['api.avdl', 'money.avsc', 'order.avsc', 'other.avsc']);
});

test('an IDL definition renamed to an IDL keyword is written in backticks there, plainly in JSON', () => {
  const source = `
//- types.avdl
namespace acme;
record Rec$0ord { string s; }
record Use { Record r; }
//- use.avsc
{"type": "record", "name": "U", "fields": [{"name": "r", "type": "acme.Record"}]}
`;
  assert.deepEqual(renamed(source, 'error'), {
    'types.avdl': 'namespace acme;\nrecord `error` { string s; }\nrecord Use { `error` r; }\n',
    'use.avsc': '{"type": "record", "name": "U", "fields": [{"name": "r", "type": "acme.error"}]}\n',
  });
});

test('a short name that would be captured by a type of the new name in its namespace is written in full', () => {
  const source = `
//- base.avsc
{"type": "record", "name": "Ba$0se", "namespace": "a", "fields": []}
//- taken.avsc
{"type": "record", "name": "Taken", "namespace": "b", "fields": []}
//- user.avsc
{"type": "record", "name": "User", "namespace": "b", "fields": [{"name": "x", "type": "a.Base"}]}
`;
  assert.deepEqual(renamed(source, 'Taken'), {
    'base.avsc': '{"type": "record", "name": "Taken", "namespace": "a", "fields": []}\n',
    'user.avsc': '{"type": "record", "name": "User", "namespace": "b", "fields": [{"name": "x", "type": "a.Taken"}]}\n',
  });
  const fallback = `
//- base.avsc
{"type": "record", "name": "Ba$0se", "fields": []}
//- taken.avsc
{"type": "record", "name": "Taken", "namespace": "b", "fields": []}
//- user.avsc
{"type": "record", "name": "User", "namespace": "b", "fields": [{"name": "x", "type": "Base"}]}
`;
  assert.equal(renameError(fallback, 'Taken'), '"b.Taken" exists, so "Taken" would mean it in namespace "b": choose another name');
});

test('refusals: bad names, clashes, nothing to rename', () => {
  assert.equal(renameError(workspace, 'a.B'), '"a.B" has a dot: rename changes the simple name only; to move the type, change its namespace');
  assert.equal(renameError(workspace, '9lives'), '"9lives" is not a valid Avro name: it must start with a letter or underscore');
  assert.equal(renameError(workspace, 'string'), '"string" is a primitive type and cannot name a record');
  assert.equal(renameError(workspace, 'Order'), '"acme.Order" is already defined in "file:///ws/order.avsc": choose another name');
  assert.match(renameError(workspace.replace('Mo$0ney', 'Money').replace('"units"', '"un$0its"'), 'x'), /^nothing to rename here/);
});

test('keepAlias always: the old name joins the aliases, in JSON and IDL', () => {
  const always: RenameOptions = { keepAlias: 'always', annotations: false };
  assert.equal(
    renamed(workspace, 'Amount', always)['money.avsc'],
    '{"type": "record", "name": "Amount", "aliases": ["Money"], "namespace": "acme", "fields": [{"name": "units", "type": "long"}]}\n',
  );
  assert.equal(
    renamed('{"type": "enum", "name": "E$0", "aliases": ["Old"], "symbols": ["A"]}', 'F', always)['main.avsc'],
    '{"type": "enum", "name": "F", "aliases": ["Old", "E"], "symbols": ["A"]}\n',
  );
  assert.equal(
    renamed('//- t.avdl\nnamespace a;\nfixed M$0d5(16);\nrecord R { Md5 h; }\n', 'Hash', always)['t.avdl'],
    'namespace a;\n@aliases(["Md5"]) fixed Hash(16);\nrecord R { Hash h; }\n',
  );
  assert.equal(
    renamed('//- t.avdl\nnamespace a;\n@aliases(["Old"])\nrecord R$0 {}\n', 'S', always)['t.avdl'],
    'namespace a;\n@aliases(["Old", "R"])\nrecord S {}\n',
  );
});

test('keepAlias ask: the alias is an annotated edit that needs confirmation, when the client supports it', () => {
  const f = avroFixture(workspace);
  const res = noThrow(() => rename(f.project, f.uri, f.position, 'Amount', anywhere, { keepAlias: 'ask', annotations: true }));
  assert.ok(!isRenameError(res));
  assert.equal(res.changes, undefined);
  assert.deepEqual(res.changeAnnotations, {
    [KEEP_ALIAS_ANNOTATION]: { label: 'Keep "Money" as an alias of "Amount"', description: 'readers of data written under the old name keep working', needsConfirmation: true },
  });
  const docs = res.documentChanges as TextDocumentEdit[];
  const annotated = docs.flatMap((d) => (d.edits as AnnotatedTextEdit[]).filter((e) => 'annotationId' in e).map((e) => [d.textDocument.uri, e.newText]));
  assert.deepEqual(annotated, [['file:///ws/money.avsc', ', "aliases": ["Money"]']]);
  assert.equal(textsAfter(f, res)['money.avsc'], '{"type": "record", "name": "Amount", "aliases": ["Money"], "namespace": "acme", "fields": [{"name": "units", "type": "long"}]}\n');
  // A client without change annotations cannot ask, so the alias is left out.
  const plain = noThrow(() => rename(f.project, f.uri, f.position, 'Amount', anywhere, { keepAlias: 'ask', annotations: false }));
  assert.ok(!isRenameError(plain));
  assert.ok(plain.changes && !Object.values(plain.changes).flat().some((e) => e.newText.includes('aliases')));
});

test('files the editor may not change refuse the rename', () => {
  const f = avroFixture(workspace);
  const res = noThrow(() => rename(f.project, f.uri, f.position, 'Amount', (uri) => !uri.endsWith('order.avsc'), never));
  assert.ok(isRenameError(res));
  assert.equal(res.error, '"file:///ws/order.avsc" refers to "acme.Money" but is outside the workspace');
});
