// The language server as a client sees it: a real process over stdio, a real workspace on disk.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, startServer, type TestServer } from './client';

const files: Record<string, string> = {
  'buf.yaml': 'version: v2\nmodules:\n  - path: proto\n',
  'proto/acme/common/v1/money.proto': `syntax = "proto3";
package acme.common.v1;

// An amount of money in minor units.
message Money {
  string currency = 1;
  int64 units = 2;
}
`,
  'proto/acme/orders/v1/orders.proto': `syntax = "proto3";
package acme.orders.v1;

import "acme/common/v1/money.proto";
import "google/protobuf/timestamp.proto";

message Order {
  string id = 1;
  acme.common.v1.Money total = 2;
  google.protobuf.Timestamp placed_at = 3;
}
`,
  'proto/acme/orders/v1/bad.proto': `syntax = "proto3";
package acme.orders.v1;

message Broken {
  Missing m = 1;
  string name = 2
}
`,
};

describe('proto language server over stdio', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer(files);
  });
  after(async () => {
    await server.stop();
  });

  test('reports syntax and resolution errors on their exact ranges', async () => {
    const uri = server.uri('proto/acme/orders/v1/bad.proto');
    const got = server.diagnostics(uri);
    await server.open('proto/acme/orders/v1/bad.proto');
    const p = await got;
    const summary = p.diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character, d.source]);
    assert.deepEqual(
      summary.sort(),
      [
        ['resolve/unknown-type', 4, 2, 'event-schemas'],
        ['syntax/missing-semicolon', 5, 17, 'event-schemas'],
      ].sort(),
    );
  });

  test('a clean file with imports across modules and well-known types has no diagnostics', async () => {
    const uri = server.uri('proto/acme/orders/v1/orders.proto');
    const got = server.diagnostics(uri);
    await server.open('proto/acme/orders/v1/orders.proto');
    assert.deepEqual((await got).diagnostics, []);
  });

  test('didChange re-validates the edited text', async () => {
    const uri = server.uri('proto/acme/orders/v1/orders.proto');
    const got = server.diagnostics(uri, (p) => p.diagnostics.length > 0);
    await server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 8, character: 2 }, end: { line: 8, character: 22 } }, text: 'acme.common.v1.Mony' }],
    });
    const p = await got;
    assert.equal(p.version, 2);
    // With its only use misspelt, the import of money.proto is unused too.
    assert.deepEqual(p.diagnostics.map((d) => [d.code, d.range]), [
      ['resolve/unknown-type', { start: { line: 8, character: 2 }, end: { line: 8, character: 21 } }],
      ['resolve/unused-import', { start: { line: 3, character: 7 }, end: { line: 3, character: 35 } }],
    ]);
    const fixed = server.diagnostics(uri, (q) => q.diagnostics.length === 0);
    await server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 3 },
      contentChanges: [{ range: { start: { line: 8, character: 2 }, end: { line: 8, character: 21 } }, text: 'acme.common.v1.Money' }],
    });
    assert.equal((await fixed).version, 3);
  });

  test('hover shows the full name and the doc comment of a type in another file', async () => {
    const res: any = await server.connection.sendRequest('textDocument/hover', {
      textDocument: { uri: server.uri('proto/acme/orders/v1/orders.proto') },
      position: { line: 8, character: 18 },
    });
    const text = JSON.stringify(res.contents);
    assert.match(text, /acme\.common\.v1\.Money/);
    assert.match(text, /An amount of money in minor units/);
  });

  test('definition jumps into the imported file', async () => {
    const res: any[] = await server.connection.sendRequest('textDocument/definition', {
      textDocument: { uri: server.uri('proto/acme/orders/v1/orders.proto') },
      position: { line: 8, character: 18 },
    });
    assert.equal(res.length, 1);
    const target = res[0].targetUri ?? res[0].uri;
    assert.equal(target, server.uri('proto/acme/common/v1/money.proto'));
    const range = res[0].targetSelectionRange ?? res[0].range;
    assert.deepEqual(range, { start: { line: 4, character: 8 }, end: { line: 4, character: 13 } });
  });

  test('definition of a well-known type opens the shipped google/protobuf file', async () => {
    const res: any[] = await server.connection.sendRequest('textDocument/definition', {
      textDocument: { uri: server.uri('proto/acme/orders/v1/orders.proto') },
      position: { line: 9, character: 20 },
    });
    assert.match(res[0].targetUri ?? res[0].uri, /google\/protobuf\/timestamp\.proto$/);
  });

  test('references find uses across files once the workspace is indexed', async () => {
    await server.waitReady();
    const res: any[] = await server.connection.sendRequest('textDocument/references', {
      textDocument: { uri: server.uri('proto/acme/common/v1/money.proto') },
      position: { line: 4, character: 9 },
      context: { includeDeclaration: true },
    });
    const where = res.map((l) => `${l.uri.slice(l.uri.indexOf('/proto/') + 7)}:${l.range.start.line}`).sort();
    assert.deepEqual(where, ['acme/common/v1/money.proto:4', 'acme/orders/v1/orders.proto:8']);
  });

  test('rename updates the declaration and every reference, keeping qualification', async () => {
    await server.waitReady();
    const prep: any = await server.connection.sendRequest('textDocument/prepareRename', {
      textDocument: { uri: server.uri('proto/acme/common/v1/money.proto') },
      position: { line: 4, character: 9 },
    });
    assert.equal(prep.placeholder, 'Money');
    const edit: any = await server.connection.sendRequest('textDocument/rename', {
      textDocument: { uri: server.uri('proto/acme/common/v1/money.proto') },
      position: { line: 4, character: 9 },
      newName: 'Amount',
    });
    const changes = edit.changes ?? {};
    const orders = applyEdits(files['proto/acme/orders/v1/orders.proto']!, changes[server.uri('proto/acme/orders/v1/orders.proto')]);
    assert.equal(orders.split('\n')[8], '  acme.common.v1.Amount total = 2;');
    const money = applyEdits(files['proto/acme/common/v1/money.proto']!, changes[server.uri('proto/acme/common/v1/money.proto')]);
    assert.equal(money.split('\n')[4], 'message Amount {');
  });

  test('rename refuses a name that clashes', async () => {
    await assert.rejects(
      server.connection.sendRequest('textDocument/rename', {
        textDocument: { uri: server.uri('proto/acme/orders/v1/orders.proto') },
        position: { line: 6, character: 9 },
        newName: 'Broken',
      }),
      /already declared/,
    );
  });

  test('document symbols are hierarchical', async () => {
    const res: any[] = await server.connection.sendRequest('textDocument/documentSymbol', {
      textDocument: { uri: server.uri('proto/acme/orders/v1/orders.proto') },
    });
    assert.equal(res[0].name, 'Order');
    assert.deepEqual(res[0].children.map((c: any) => c.name), ['id', 'total', 'placed_at']);
  });

  test('workspace symbols search every indexed file', async () => {
    await server.waitReady();
    const res: any[] = await server.connection.sendRequest('workspace/symbol', { query: 'Money' });
    assert.ok(res.some((s) => s.name === 'Money' && s.location.uri.endsWith('money.proto')));
  });

  test('a request on an unknown document answers empty instead of failing', async () => {
    const res = await server.connection.sendRequest('textDocument/hover', {
      textDocument: { uri: 'file:///nowhere/x.proto' },
      position: { line: 99, character: 99 },
    });
    assert.equal(res, null);
  });
});
