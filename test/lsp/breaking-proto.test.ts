// Breaking changes of .proto files in the language server, against git:HEAD of a real temporary
// repository: findings as you type, on the changed element or the parent of a deleted one with a
// pointer into the baseline, the reserve quick fixes, baseline documents, HEAD moving.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestServer } from './client';
import { removeTempDirs } from '../host/baseline/gitRepo';
import { committedRepo, hasCode, OpenDoc, startIn, textAt, withCode, type Repo } from './breakingHelpers';

const orders = `syntax = "proto3";
package acme.orders.v1;

message OrderPlaced {
  string order_id = 1;
  string customer_id = 2;
  int64 total_cents = 3;
}

enum Status {
  STATUS_UNSPECIFIED = 0;
  STATUS_OPEN = 1;
  STATUS_CLOSED = 2;
}
`;

after(() => removeTempDirs());

describe('proto breaking changes against git:HEAD', () => {
  let repo: Repo;
  let server: TestServer;
  let doc: OpenDoc;
  const statuses: { state: string; description?: string; message?: string }[] = [];
  before(async () => {
    repo = committedRepo({ 'buf.yaml': 'version: v2\n', 'acme/orders/v1/orders.proto': orders });
    server = await startIn(repo);
    server.connection.onNotification('eventSchemas/baselineStatus', (p: { state: string }) => void statuses.push(p));
    doc = await OpenDoc.open(server, 'acme/orders/v1/orders.proto', orders);
  });
  after(() => server.stop());

  test('deleting a field puts FIELD_NO_DELETE on its message, pointing at the field in the baseline', async () => {
    const p = await doc.replace('  string customer_id = 2;\n', '', hasCode('FIELD_NO_DELETE'));
    const [d, ...more] = withCode(p, 'FIELD_NO_DELETE');
    assert.equal(more.length, 0);
    assert.equal(textAt(doc.text, d!.range), 'OrderPlaced');
    assert.equal(d!.severity, 1);
    assert.match(String(d!.message), /"customer_id"/);
    const related = d!.relatedInformation?.[0];
    assert.ok(related, 'related information into the baseline');
    assert.match(related.location.uri, /^event-schemas-baseline:\/.*\/acme\/orders\/v1\/orders\.proto\?baseline=git%3AHEAD$/);
    assert.equal(textAt(orders, related.location.range), 'customer_id');
    assert.match(String(related.message), /^as it was in git:HEAD \([0-9a-f]{7}\)$/);
    assert.ok(statuses.some((s) => s.state === 'ready' && /^git:HEAD \([0-9a-f]{7}\)$/.test(s.description ?? '')), JSON.stringify(statuses));
  });

  test('the baseline document behind the related information is the committed text', async () => {
    const p = await doc.edit(doc.text, hasCode('FIELD_NO_DELETE'));
    const uri = withCode(p, 'FIELD_NO_DELETE')[0]!.relatedInformation![0]!.location.uri;
    assert.deepEqual(await server.connection.sendRequest('eventSchemas/baselineContent', { uri }), { text: orders });
    // VS Code sends the uri back with its query re-encoded.
    const reencoded = uri.replace('?baseline=git%3AHEAD', '?baseline%3Dgit%3AHEAD');
    assert.deepEqual(await server.connection.sendRequest('eventSchemas/baselineContent', { uri: reencoded }), { text: orders });
    const forFile = (await server.connection.sendRequest('eventSchemas/baselineFor', { uri: doc.uri })) as { uri: string; label: string };
    assert.equal(forFile.uri, uri);
    assert.match(forFile.label, /^git:HEAD \([0-9a-f]{7}\)$/);
  });

  test('the reserve quick fix reserves the number and the name, and the finding goes away', async () => {
    const p = await doc.edit(doc.text, hasCode('FIELD_NO_DELETE'));
    const { action, published } = await doc.applyFix(withCode(p, 'FIELD_NO_DELETE')[0]!, /^Reserve/);
    assert.equal(action.title, `Reserve the deleted field's number 2 and name "customer_id"`);
    assert.equal(action.isPreferred, true);
    assert.equal(action.diagnostics?.[0]?.code, 'FIELD_NO_DELETE');
    assert.match(doc.text, /message OrderPlaced \{\n {2}reserved 2;\n {2}reserved "customer_id";\n {2}string order_id = 1;/);
    assert.deepEqual(published.diagnostics, [], 'the reserved statements are valid and nothing else breaks');
  });

  test('deleting an enum value: ENUM_VALUE_NO_DELETE on the enum, restored as reserved by the fix', async () => {
    const p = await doc.replace('  STATUS_CLOSED = 2;\n', '', hasCode('ENUM_VALUE_NO_DELETE'));
    const d = withCode(p, 'ENUM_VALUE_NO_DELETE')[0]!;
    assert.equal(textAt(doc.text, d.range), 'Status');
    assert.equal(textAt(orders, d.relatedInformation![0]!.location.range), 'STATUS_CLOSED');
    const { published } = await doc.applyFix(d, /^Reserve/);
    assert.match(doc.text, /enum Status \{\n {2}reserved 2;\n {2}reserved "STATUS_CLOSED";\n/);
    assert.deepEqual(published.diagnostics, []);
  });

  test('a changed field type is reported on the type itself', async () => {
    const p = await doc.replace('int64 total_cents = 3;', 'string total_cents = 3;', hasCode('FIELD_SAME_TYPE'));
    const d = withCode(p, 'FIELD_SAME_TYPE')[0]!;
    assert.equal(textAt(doc.text, d.range), 'string');
    await doc.replace('string total_cents = 3;', 'int64 total_cents = 3;', (q) => q.diagnostics.length === 0);
  });

  test('a file that is new at HEAD has nothing to break and no baseline document', async () => {
    const text = 'syntax = "proto3";\npackage acme.orders.v1;\nmessage Fresh { string id = 1; }\n';
    const fresh = await OpenDoc.open(server, 'acme/orders/v1/fresh.proto', text);
    const p = await fresh.replace('string id = 1;', '', () => true);
    assert.deepEqual(p.diagnostics, []);
    const answer = (await server.connection.sendRequest('eventSchemas/baselineFor', { uri: fresh.uri })) as { uri?: string; error?: string };
    assert.equal(answer.uri, undefined);
    assert.match(answer.error ?? '', /acme\/orders\/v1\/fresh\.proto is new: git:HEAD \([0-9a-f]{7}\) has no version of it/);
  });

  test('when HEAD moves (the edit is committed), the baseline is read again and the finding goes away', async () => {
    const p = await doc.replace('  string order_id = 1;\n', '', hasCode('FIELD_NO_DELETE'));
    assert.equal(withCode(p, 'FIELD_NO_DELETE').length, 1);
    const cleared = server.diagnostics(doc.uri, (q) => !hasCode('FIELD_NO_DELETE')(q), 15_000);
    writeFileSync(join(repo.dir, 'acme/orders/v1/orders.proto'), doc.text);
    repo.commit('drop order_id');
    assert.deepEqual((await cleared).diagnostics, []);
  });
});

describe('proto breaking settings', () => {
  test('severity per rule: another level, or off', async () => {
    const repo = committedRepo({ 'orders.proto': orders });
    const server = await startIn(repo, { settings: { breaking: { severity: { FIELD_NO_DELETE: 'warning', ENUM_VALUE_NO_DELETE: 'off' } } } });
    try {
      const doc = await OpenDoc.open(server, 'orders.proto', orders);
      const p = await doc.edit(orders.replace('  string customer_id = 2;\n', '').replace('  STATUS_CLOSED = 2;\n', ''), hasCode('FIELD_NO_DELETE'));
      assert.deepEqual(p.diagnostics.map((d) => [d.code, d.severity]), [['FIELD_NO_DELETE', 2]]);
    } finally {
      await server.stop();
    }
  });

  test('disabled: no findings', async () => {
    const repo = committedRepo({ 'orders.proto': orders });
    const server = await startIn(repo, { settings: { breaking: { enable: false } } });
    try {
      const doc = await OpenDoc.open(server, 'orders.proto', orders);
      // Syntax errors still come: the file is checked, only not compared.
      const p = await doc.edit(orders.replace('  string customer_id = 2;\n', '').replace('int64 total_cents = 3;', 'int64 total_cents = 3'), (q) => q.diagnostics.length > 0);
      assert.deepEqual(p.diagnostics.map((d) => d.code), ['syntax/missing-semicolon']);
    } finally {
      await server.stop();
    }
  });

  test('FILE rules see a message moved to another file of the package; PACKAGE rules do not', async () => {
    const a = 'syntax = "proto3";\npackage shop.v1;\n\nmessage Cart { string id = 1; }\nmessage Item { string sku = 1; }\n';
    const b = 'syntax = "proto3";\npackage shop.v1;\n\nmessage Price { int64 cents = 1; }\n';
    const movedA = 'syntax = "proto3";\npackage shop.v1;\n\nmessage Cart { string id = 1; }\n';
    const movedB = b + 'message Item { string sku = 1; }\n';
    for (const [rules, expected] of [
      ['FILE', ['MESSAGE_NO_DELETE']],
      ['PACKAGE', []],
    ] as const) {
      const repo = committedRepo({ 'shop/v1/a.proto': a, 'shop/v1/b.proto': b });
      const server = await startIn(repo, { settings: { breaking: { rules } } });
      try {
        const docB = await OpenDoc.open(server, 'shop/v1/b.proto', b);
        await docB.edit(movedB);
        const docA = await OpenDoc.open(server, 'shop/v1/a.proto', a);
        // Wait until the baseline is in: an unrelated deletion must show up first.
        await docA.edit(a.replace('string id = 1;', ''), hasCode('FIELD_NO_DELETE'));
        const p = await docA.edit(movedA, (q) => !hasCode('FIELD_NO_DELETE')(q));
        assert.deepEqual(p.diagnostics.map((d) => d.code), expected, rules);
      } finally {
        await server.stop();
      }
    }
  });

  test('a folder baseline: the old version laid out like the workspace', async () => {
    const repo = committedRepo({ 'schemas/orders.proto': orders, 'v1/schemas/orders.proto': orders });
    const server = await startIn(repo, { settings: { breaking: { baseline: 'v1' } } });
    try {
      const doc = await OpenDoc.open(server, 'schemas/orders.proto', orders);
      const p = await doc.replace('  string customer_id = 2;\n', '', hasCode('FIELD_NO_DELETE'));
      const related = withCode(p, 'FIELD_NO_DELETE')[0]!.relatedInformation![0]!;
      assert.match(related.location.uri, /\?baseline=v1$/);
      assert.match(String(related.message), /^as it was in v1$/);
    } finally {
      await server.stop();
    }
  });

  test('a baseline that cannot be loaded is reported in the status, and nothing is compared', async () => {
    const repo = committedRepo({ 'orders.proto': orders });
    const server = await startIn(repo, { settings: { breaking: { baseline: 'git:no-such-branch' } } });
    const statuses: { state: string; message?: string }[] = [];
    server.connection.onNotification('eventSchemas/baselineStatus', (p: { state: string }) => void statuses.push(p));
    try {
      const doc = await OpenDoc.open(server, 'orders.proto', orders);
      const deadline = Date.now() + 10_000;
      while (!statuses.some((s) => s.state === 'error') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      const error = statuses.find((s) => s.state === 'error');
      assert.match(error?.message ?? '', /unknown git revision `no-such-branch`/);
      const p = await doc.replace('  string customer_id = 2;\n', '');
      assert.deepEqual(p.diagnostics, []);
      const answer = (await server.connection.sendRequest('eventSchemas/baselineFor', { uri: doc.uri })) as { error?: string };
      assert.match(answer.error ?? '', /no-such-branch/);
    } finally {
      await server.stop();
    }
  });

  test('branches for the baseline pick come from the repository', async () => {
    const repo = committedRepo({ 'orders.proto': orders });
    repo.git('branch', 'release/1.x');
    const server = await startIn(repo);
    try {
      const answer = await server.connection.sendRequest('eventSchemas/gitBranches', { uri: server.uri('orders.proto') });
      assert.deepEqual(answer, { branches: ['main', 'release/1.x'], current: 'main' });
    } finally {
      await server.stop();
    }
  });
});
