// Editing features over stdio: completion, quick fixes, formatting, semantic tokens, folding.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, startServer, type TestServer } from './client';

const files: Record<string, string> = {
  'common/money.proto': 'syntax = "proto3";\npackage acme.common;\n\nmessage Money {\n  string currency = 1;\n}\n',
  'orders.proto': 'syntax = "proto3";\npackage acme.orders;\n\nmessage Order {\n  string id = 1;\n  Money total = 2;\n}\n',
  'messy.proto': 'syntax="proto3";\npackage   acme.x;\n// keep me\nmessage   A{int32 a=1;   // and me\n}\n',
  'unused.proto': 'syntax = "proto3";\npackage acme.u;\n\nimport "common/money.proto";\n\nmessage U {\n  string id = 1;\n}\n',
};

describe('proto editing features over stdio', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer(files);
    await server.waitReady();
  });
  after(async () => {
    await server.stop();
  });

  test('completion offers a type from a file not yet imported, with the import', async () => {
    const text = 'syntax = "proto3";\npackage acme.orders;\n\nmessage Draft {\n  Mon\n}\n';
    await server.open('draft.proto', text);
    const list: any = await server.connection.sendRequest('textDocument/completion', {
      textDocument: { uri: server.uri('draft.proto') },
      position: { line: 4, character: 5 },
    });
    const items: any[] = list.items ?? list;
    const money = items.find((i) => i.label === 'common.Money');
    assert.ok(money, `no Money in ${items.map((i) => i.label).join(', ')}`);
    // Typing the simple name must find it: the filter text carries it.
    assert.match(money.filterText ?? money.label, /(^|\W)Money/);
    const edits = [...(money.additionalTextEdits ?? [])];
    const after = applyEdits(text, edits);
    assert.match(after, /import "common\/money\.proto";/);
  });

  test('completion after `=` proposes the next free field number', async () => {
    const text = 'syntax = "proto3";\npackage acme.n;\n\nmessage N {\n  string a = 1;\n  string b = 2;\n  string c = \n}\n';
    await server.open('numbers.proto', text);
    const list: any = await server.connection.sendRequest('textDocument/completion', {
      textDocument: { uri: server.uri('numbers.proto') },
      position: { line: 6, character: 13 },
    });
    const items: any[] = list.items ?? list;
    assert.ok(items.some((i) => i.label === '3'), items.map((i) => i.label).join(', '));
  });

  test('the quick fix for an unresolved type adds the import and the error goes away', async () => {
    const uri = server.uri('orders.proto');
    const got = server.diagnostics(uri);
    await server.open('orders.proto');
    const diags = (await got).diagnostics;
    const unknown = diags.find((d) => d.code === 'resolve/not-imported' || d.code === 'resolve/unknown-type');
    assert.ok(unknown, JSON.stringify(diags));
    const actions: any[] = await server.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: unknown.range,
      context: { diagnostics: [unknown], only: ['quickfix'] },
    });
    const fix = actions.find((a) => /import/i.test(a.title));
    assert.ok(fix, actions.map((a) => a.title).join(', '));
    const fixed = applyEdits(files['orders.proto']!, fix.edit.changes[uri]);
    const clean = server.diagnostics(uri, (p) => p.version === 2);
    await server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ text: fixed }],
    });
    assert.deepEqual((await clean).diagnostics.filter((d) => d.severity === 1), []);
  });

  test('the quick fix removes an unused import', async () => {
    const uri = server.uri('unused.proto');
    const got = server.diagnostics(uri);
    await server.open('unused.proto');
    const unused = (await got).diagnostics.find((d) => d.code === 'resolve/unused-import')!;
    assert.ok(unused);
    const actions: any[] = await server.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: unused.range,
      context: { diagnostics: [unused] },
    });
    const fix = actions.find((a) => a.isPreferred);
    const after = applyEdits(files['unused.proto']!, fix.edit.changes[uri]);
    assert.equal(after, 'syntax = "proto3";\npackage acme.u;\n\n\nmessage U {\n  string id = 1;\n}\n');
  });

  test('formatting lays out the file and keeps every comment', async () => {
    await server.open('messy.proto');
    const edits: any[] = await server.connection.sendRequest('textDocument/formatting', {
      textDocument: { uri: server.uri('messy.proto') },
      options: { tabSize: 2, insertSpaces: true },
    });
    const out = applyEdits(files['messy.proto']!, edits);
    assert.equal(out, 'syntax = "proto3";\npackage acme.x;\n// keep me\nmessage A {\n  int32 a = 1; // and me\n}\n');
  });

  test('semantic tokens classify contextual keywords used as names', async () => {
    const text = 'syntax = "proto3";\npackage p;\nmessage option { string message = 1; }\n';
    await server.open('ctx.proto', text);
    const res: any = await server.connection.sendRequest('textDocument/semanticTokens/full', {
      textDocument: { uri: server.uri('ctx.proto') },
    });
    assert.ok(Array.isArray(res.data) && res.data.length % 5 === 0 && res.data.length > 0);
    // Decode the (line, char, length) of every token and find `option` on line 2.
    let line = 0;
    let char = 0;
    const found: [number, number, number, number][] = [];
    for (let i = 0; i < res.data.length; i += 5) {
      line += res.data[i];
      char = res.data[i] === 0 ? char + res.data[i + 1] : res.data[i + 1];
      found.push([line, char, res.data[i + 2], res.data[i + 3]]);
    }
    const optionTok = found.find(([l, c]) => l === 2 && c === 8)!;
    const messageKw = found.find(([l, c]) => l === 2 && c === 0)!;
    assert.ok(optionTok && messageKw);
    assert.notEqual(optionTok[3], messageKw[3], 'a message named `option` must not be coloured as the keyword');
  });

  test('folding ranges cover message bodies', async () => {
    const text = 'syntax = "proto3";\nmessage A {\n  int32 a = 1;\n  int32 b = 2;\n}\n';
    await server.open('fold.proto', text);
    const res: any[] = await server.connection.sendRequest('textDocument/foldingRange', {
      textDocument: { uri: server.uri('fold.proto') },
    });
    assert.ok(res.some((r) => r.startLine === 1 && r.endLine >= 3), JSON.stringify(res));
  });
});
