// Breaking changes of Avro files in the language server: schema resolution against git:HEAD as
// you type (BACKWARD by default), the add-default and alias quick fixes, IDL, and a schema
// registry subject as the baseline with credentials handed over by the client.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { TestServer } from './client';
import { removeTempDirs } from '../host/baseline/gitRepo';
import { startFakeRegistry, type FakeRegistry } from '../host/baseline/fakeRegistry';
import { committedRepo, hasCode, OpenDoc, startIn, textAt, withCode } from './breakingHelpers';

const placed = `{
  "type": "record",
  "name": "OrderPlaced",
  "namespace": "acme.orders",
  "fields": [
    {"name": "order_id", "type": "string"},
    {"name": "quantity", "type": "int"}
  ]
}
`;

after(() => removeTempDirs());

describe('avro breaking changes against git:HEAD', () => {
  let server: TestServer;
  let doc: OpenDoc;
  before(async () => {
    const repo = committedRepo({ 'events/order-placed.avsc': placed });
    server = await startIn(repo);
    doc = await OpenDoc.open(server, 'events/order-placed.avsc', placed);
  });
  after(() => server.stop());

  test('a new field without a default: READER_FIELD_MISSING_DEFAULT_VALUE on its name, fixed by a default', async () => {
    const p = await doc.replace('{"name": "quantity", "type": "int"}', '{"name": "quantity", "type": "int"},\n    {"name": "currency", "type": "string"}', hasCode('READER_FIELD_MISSING_DEFAULT_VALUE'));
    const d = withCode(p, 'READER_FIELD_MISSING_DEFAULT_VALUE')[0]!;
    assert.equal(textAt(doc.text, d.range), '"currency"');
    assert.match(String(d.message), /field currency has no default and old data lacks it; add a default/);
    assert.equal(textAt(placed, d.relatedInformation![0]!.location.range), '"OrderPlaced"');
    const actions = await doc.actions(d);
    // No field was lost, so there is no rename to guess.
    assert.deepEqual(actions.map((a) => a.title), ['Add default "" to "currency"']);
    const { published } = await doc.applyFix(d, /^Add default/);
    assert.match(doc.text, /\{"name": "currency", "type": "string", "default": ""\}/);
    assert.deepEqual(published.diagnostics, []);
  });

  test('a renamed field: the alias quick fix keeps the old name, and the finding goes away', async () => {
    const p = await doc.replace('{"name": "quantity", "type": "int"}', '{"name": "count", "type": "int"}', hasCode('READER_FIELD_MISSING_DEFAULT_VALUE'));
    const d = withCode(p, 'READER_FIELD_MISSING_DEFAULT_VALUE')[0]!;
    assert.equal(textAt(doc.text, d.range), '"count"');
    const actions = await doc.actions(d);
    assert.deepEqual(actions.map((a) => a.title), ['Add default 0 to "count"', 'Add alias "quantity" to "count" (renamed from "quantity")']);
    const { published } = await doc.applyFix(d, /^Add alias/);
    assert.match(doc.text, /\{"name": "count", "aliases": \["quantity"\], "type": "int"\}/);
    assert.deepEqual(published.diagnostics, []);
  });

  test('a renamed record: NAME_MISMATCH on the name, fixed by an alias', async () => {
    const p = await doc.replace('"name": "OrderPlaced"', '"name": "OrderCreated"', hasCode('NAME_MISMATCH'));
    const d = withCode(p, 'NAME_MISMATCH')[0]!;
    assert.equal(textAt(doc.text, d.range), '"OrderCreated"');
    const { action, published } = await doc.applyFix(d, /^Add alias/);
    assert.equal(action.title, 'Add alias "OrderPlaced" to "OrderCreated"');
    assert.match(doc.text, /"name": "OrderCreated", "aliases": \["OrderPlaced"\]/);
    assert.deepEqual(published.diagnostics, []);
  });

  test('a type change that old data cannot be read as: TYPE_MISMATCH on the type', async () => {
    const p = await doc.replace('{"name": "order_id", "type": "string"}', '{"name": "order_id", "type": "long"}', hasCode('TYPE_MISMATCH'));
    const d = withCode(p, 'TYPE_MISMATCH')[0]!;
    assert.equal(textAt(doc.text, d.range), '"long"');
    await doc.replace('{"name": "order_id", "type": "long"}', '{"name": "order_id", "type": "string"}', (q) => q.diagnostics.length === 0);
  });
});

describe('avro IDL and modes', () => {
  test('IDL: a new field gets ` = default` after its name', async () => {
    const idl = 'namespace acme.orders;\n\nrecord OrderPlaced {\n  string order_id;\n  int quantity;\n}\n';
    const repo = committedRepo({ 'order.avdl': idl });
    const server = await startIn(repo);
    try {
      const doc = await OpenDoc.open(server, 'order.avdl', idl);
      const p = await doc.replace('  int quantity;\n', '  int quantity;\n  boolean gift;\n', hasCode('READER_FIELD_MISSING_DEFAULT_VALUE'));
      const d = withCode(p, 'READER_FIELD_MISSING_DEFAULT_VALUE')[0]!;
      assert.equal(textAt(doc.text, d.range), 'gift');
      const { published } = await doc.applyFix(d, /^Add default/);
      assert.match(doc.text, /boolean gift = false;/);
      assert.deepEqual(published.diagnostics, []);
    } finally {
      await server.stop();
    }
  });

  test('FORWARD: removing a field old readers need is reported on the record, without fixes for the reader side', async () => {
    const repo = committedRepo({ 'events/order-placed.avsc': placed });
    const server = await startIn(repo, { settings: { breaking: { mode: 'FORWARD' } } });
    try {
      const doc = await OpenDoc.open(server, 'events/order-placed.avsc', placed);
      const p = await doc.replace(',\n    {"name": "quantity", "type": "int"}', '', hasCode('READER_FIELD_MISSING_DEFAULT_VALUE'));
      const d = withCode(p, 'READER_FIELD_MISSING_DEFAULT_VALUE')[0]!;
      assert.equal(textAt(doc.text, d.range), '"OrderPlaced"');
      assert.equal(textAt(placed, d.relatedInformation![0]!.location.range), '"quantity"');
      assert.deepEqual(await doc.actions(d), []);
    } finally {
      await server.stop();
    }
  });
});

describe('avro against a schema registry subject', () => {
  let registry: FakeRegistry;
  before(async () => {
    registry = await startFakeRegistry({
      subjects: { 'orders-value': [{ schema: JSON.stringify(JSON.parse(placed)) }] },
      auth: { basic: { user: 'alice', password: 's3cret-pw' } },
    });
  });
  after(() => registry.close());

  test('credentials from the client: refused without, compared with; never shown', async () => {
    const repo = committedRepo({ 'order.avsc': placed });
    const baseline = `registry:${registry.url}#orders-value`;
    const server = await startIn(repo, { settings: { breaking: { baseline } } });
    const statuses: { state: string; message?: string; description?: string }[] = [];
    server.connection.onNotification('eventSchemas/baselineStatus', (p: { state: string }) => void statuses.push(p));
    try {
      const doc = await OpenDoc.open(server, 'order.avsc', placed);
      const broken = placed.replace('{"name": "quantity", "type": "int"}', '{"name": "quantity", "type": "int"},\n    {"name": "note", "type": "string"}');
      const deadline = Date.now() + 10_000;
      while (!statuses.some((s) => s.state === 'error') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      const refused = statuses.find((s) => s.state === 'error');
      assert.match(refused?.message ?? '', /refused|401|credentials/i);
      assert.ok(!JSON.stringify(statuses).includes('s3cret-pw'));
      assert.deepEqual((await doc.edit(broken)).diagnostics, []);

      await server.connection.sendRequest('eventSchemas/setRegistryCredentials', {
        url: `${registry.url}/`,
        credentials: { kind: 'basic', username: 'alice', password: 's3cret-pw' },
      });
      const p = await server.diagnostics(doc.uri, hasCode('READER_FIELD_MISSING_DEFAULT_VALUE'));
      assert.equal(textAt(doc.text, withCode(p, 'READER_FIELD_MISSING_DEFAULT_VALUE')[0]!.range), '"note"');
      assert.ok(registry.authorizations.includes(`Basic ${Buffer.from('alice:s3cret-pw').toString('base64')}`));
      // The subject stands for the file of the same record, not for every Avro file of the folder.
      const payment = '{"type": "record", "name": "PaymentTaken", "namespace": "acme.payments", "fields": [{"name": "id", "type": "string"}]}\n';
      const other = await OpenDoc.open(server, 'payment.avsc', payment);
      const otherBaseline = (await server.connection.sendRequest('eventSchemas/baselineFor', { uri: other.uri })) as { uri?: string };
      assert.ok(otherBaseline.uri, 'the subject loaded for payment.avsc too');
      assert.deepEqual((await other.replace('"type": "string"}]', '"type": "string"}, {"name": "amount", "type": "long"}]')).diagnostics, []);
      const ready = statuses.filter((s) => s.state === 'ready').pop();
      assert.match(ready?.description ?? '', /orders-value/);
      assert.ok(!JSON.stringify(statuses).includes('s3cret-pw'));
    } finally {
      await server.stop();
    }
  });
});
