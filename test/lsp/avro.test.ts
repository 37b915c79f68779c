// The language server on Avro files, as a client sees it: a real process over stdio, a real
// workspace of .avsc and .avdl files on disk, names resolved across files.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyEdits, startServer, type TestServer } from './client';

const files: Record<string, string> = {
  'schemas/common/money.avsc': `{
  "type": "record",
  "name": "Money",
  "namespace": "acme.common",
  "doc": "An amount in minor units.",
  "fields": [
    {"name": "currency", "type": "string"},
    {"name": "units", "type": "long"}
  ]
}
`,
  'schemas/orders/order.avsc': `{
  "type": "record",
  "name": "OrderPlaced",
  "namespace": "acme.orders",
  "fields": [
    {"name": "id", "type": "string"},
    {"name": "total", "type": "acme.common.Money"},
    {"name": "count", "type": "int", "default": "three"}
  ]
}
`,
  'idl/orders.avdl': `@namespace("acme.orders")
protocol Orders {
  import schema "../schemas/common/money.avsc";
  import idl "missing.avdl";

  enum Status { NEW, PAID } = NEW;

  record Order {
    string id;
    acme.common.Money total;
    Status status = "NEW";
  }

  Order place(Order order);
}
`,
};

/** 0-based position of the first occurrence of `needle` (plus `delta` characters) in a workspace file. */
function at(rel: string, needle: string, delta = 0): { line: number; character: number } {
  const text = files[rel]!;
  const i = text.indexOf(needle);
  assert.ok(i >= 0, `${rel} contains ${needle}`);
  const before = text.slice(0, i + delta).split('\n');
  return { line: before.length - 1, character: before[before.length - 1]!.length };
}

describe('avro language server over stdio', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer(files, { settings: { avro: { renameKeepsAlias: 'always' } } });
    await server.waitReady();
  });
  after(async () => {
    await server.stop();
  });

  const order = 'schemas/orders/order.avsc';
  const money = 'schemas/common/money.avsc';
  const idl = 'idl/orders.avdl';

  test('a bad default is reported on the default itself; a type from another file resolves', async () => {
    const uri = server.uri(order);
    const got = server.diagnostics(uri);
    await server.open(order);
    const p = await got;
    assert.deepEqual(
      p.diagnostics.map((d) => [d.code, d.severity, d.source, d.range]),
      [['avro/default-type-mismatch', 1, 'event-schemas', { start: at(order, '"three"'), end: at(order, '"three"', 7) }]],
    );
    assert.match(String(p.diagnostics[0]!.message), /"three"/);
  });

  test('IDL: imports resolve relative to the file, a missing import is an error on its path', async () => {
    const uri = server.uri(idl);
    const got = server.diagnostics(uri);
    await server.open(idl);
    const p = await got;
    assert.deepEqual(
      p.diagnostics.map((d) => [d.code, d.range.start]),
      [['resolve/unknown-import', at(idl, '"missing.avdl"')]],
    );
  });

  test('a file created on disk resolves a missing IDL import and the names it brings', async () => {
    const uri = server.uri(idl);
    const resolved = server.diagnostics(uri, (p) => p.diagnostics.length === 0);
    writeFileSync(join(server.root, 'idl/missing.avdl'), 'namespace acme.orders;\nrecord Extra { string note; }\n');
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: server.uri('idl/missing.avdl'), type: 1 }] });
    await resolved;
    const broken = server.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'resolve/unknown-import'));
    rmSync(join(server.root, 'idl/missing.avdl'));
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: server.uri('idl/missing.avdl'), type: 3 }] });
    await broken;
  });

  test('editing a type re-checks the open files that use it', async () => {
    await server.open(money);
    const orderUri = server.uri(order);
    const broken = server.diagnostics(orderUri, (p) => p.diagnostics.some((d) => d.code === 'avro/unknown-type'));
    const nameAt = at(money, '"Money"', 1);
    await server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: server.uri(money), version: 2 },
      contentChanges: [{ range: { start: nameAt, end: { line: nameAt.line, character: nameAt.character + 5 } }, text: 'Cash' }],
    });
    const p = await broken;
    assert.deepEqual(p.diagnostics.find((d) => d.code === 'avro/unknown-type')?.range.start, at(order, '"acme.common.Money"'));
    const fixed = server.diagnostics(orderUri, (q) => !q.diagnostics.some((d) => d.code === 'avro/unknown-type'));
    await server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: server.uri(money), version: 3 },
      contentChanges: [{ range: { start: nameAt, end: { line: nameAt.line, character: nameAt.character + 4 } }, text: 'Money' }],
    });
    await fixed;
  });

  test('hover on a reference shows the type, its full name, file and doc', async () => {
    const res: any = await server.connection.sendRequest('textDocument/hover', {
      textDocument: { uri: server.uri(order) },
      position: at(order, 'acme.common.Money', 13),
    });
    assert.equal(res.contents.kind, 'markdown');
    assert.match(res.contents.value, /record `acme\.common\.Money` · 2 fields · in `\.\.\/common\/money\.avsc`/);
    assert.match(res.contents.value, /An amount in minor units\./);
  });

  test('definition goes across files, from .avsc and from .avdl', async () => {
    for (const [rel, needle, delta] of [
      [order, 'acme.common.Money', 13],
      [idl, 'acme.common.Money total', 12],
    ] as const) {
      const res: any[] = await server.connection.sendRequest('textDocument/definition', { textDocument: { uri: server.uri(rel) }, position: at(rel, needle, delta) });
      assert.equal(res.length, 1, rel);
      assert.equal(res[0].targetUri, server.uri(money));
      assert.deepEqual(res[0].targetSelectionRange.start, at(money, '"Money"'));
    }
  });

  test('references of a type include the JSON and IDL uses', async () => {
    const res: any[] = await server.connection.sendRequest('textDocument/references', {
      textDocument: { uri: server.uri(money) },
      position: at(money, '"Money"', 2),
      context: { includeDeclaration: true },
    });
    assert.deepEqual(res.map((l) => `${l.uri.slice(server.uri('').length + 1)}:${l.range.start.line}:${l.range.start.character}`).sort(), [
      `${idl}:${at(idl, 'acme.common.Money total').line}:${at(idl, 'acme.common.Money total').character}`,
      `${money}:${at(money, '"Money"').line}:${at(money, '"Money"').character}`,
      `${order}:${at(order, '"acme.common.Money"').line}:${at(order, '"acme.common.Money"').character}`,
    ]);
  });

  test('rename edits every file and, with renameKeepsAlias always, keeps the old name as an alias', async () => {
    const prep: any = await server.connection.sendRequest('textDocument/prepareRename', { textDocument: { uri: server.uri(order) }, position: at(order, 'acme.common.Money', 13) });
    assert.equal(prep.placeholder, 'Money');
    const edit: any = await server.connection.sendRequest('textDocument/rename', {
      textDocument: { uri: server.uri(order) },
      position: at(order, 'acme.common.Money', 13),
      newName: 'Amount',
    });
    const after = (rel: string) => applyEdits(files[rel]!, edit.changes[server.uri(rel)]);
    assert.match(after(money), /"name": "Amount", "aliases": \["Money"\],/);
    assert.match(after(order), /"type": "acme\.common\.Amount"/);
    assert.match(after(idl), /acme\.common\.Amount total;/);
    await assert.rejects(
      server.connection.sendRequest('textDocument/rename', { textDocument: { uri: server.uri(order) }, position: at(order, 'acme.common.Money', 13), newName: 'a.b' }),
      /has a dot/,
    );
  });

  test('completion offers field keys, types and enum symbols', async () => {
    await server.open('new.avsc', '{"type": "record", "name": "N", }\n');
    const keys: any = await server.connection.sendRequest('textDocument/completion', {
      textDocument: { uri: server.uri('new.avsc') },
      position: { line: 0, character: 32 },
    });
    assert.deepEqual(keys.items.map((i: any) => i.label), ['namespace', 'doc', 'aliases', 'fields']);
    const types: any = await server.connection.sendRequest('textDocument/completion', {
      textDocument: { uri: server.uri(order) },
      position: at(order, '"string"}', 1),
    });
    const labels = types.items.map((i: any) => i.label);
    for (const l of ['string', 'long', 'acme.common.Money', 'OrderPlaced', 'record', 'timestamp-millis (long)']) assert.ok(labels.includes(l), l);
    const symbols: any = await server.connection.sendRequest('textDocument/completion', {
      textDocument: { uri: server.uri(idl) },
      position: at(idl, '= NEW;', 2),
    });
    assert.deepEqual(symbols.items.map((i: any) => i.label), ['NEW', 'PAID']);
  });

  test('document symbols outline the protocol; workspace symbols find types in both syntaxes', async () => {
    const outline: any[] = await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: server.uri(idl) } });
    assert.deepEqual(outline.map((s) => [s.name, (s.children ?? []).map((c: any) => c.name)]), [['Orders', ['Status', 'Order', 'place']]]);
    const found: any[] = await server.connection.sendRequest('workspace/symbol', { query: 'order' });
    const names = found.map((s) => `${s.containerName}.${s.name}`);
    for (const n of ['acme.orders.Order', 'acme.orders.OrderPlaced']) assert.ok(names.includes(n), `${n} in ${names.join(', ')}`);
  });

  test('quick fixes and "Add default" come as code actions', async () => {
    const actions: any[] = await server.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: server.uri(order) },
      range: { start: at(order, '"id"', 1), end: at(order, '"id"', 1) },
      context: { diagnostics: [] },
    });
    assert.deepEqual(actions.map((a) => [a.title, a.kind]), [['Add default "" to "id"', 'refactor.rewrite']]);
    const typo: any[] = await server.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: server.uri(order) },
      range: { start: at(order, '"three"', 1), end: at(order, '"three"', 1) },
      context: { diagnostics: [], only: ['quickfix'] },
    });
    assert.deepEqual(typo, [], 'a default of the wrong type has no automatic fix');
  });

  test('formatting an .avsc keeps its content and key order', async () => {
    const text = '{"name":"X","type":"fixed","size":16}';
    await server.open('fmt.avsc', text);
    const edits: any[] = await server.connection.sendRequest('textDocument/formatting', {
      textDocument: { uri: server.uri('fmt.avsc') },
      options: { tabSize: 2, insertSpaces: true },
    });
    assert.equal(applyEdits(text, edits), '{\n  "name": "X",\n  "type": "fixed",\n  "size": 16\n}\n');
  });
});
