// Registry baselines against a small Confluent-compatible registry on 127.0.0.1: versions,
// levels, references, schemas by id, authentication, and every way the registry can fail.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { BaselineError, loadBaseline, type BaselineRequest, type Credentials } from '../../../server/src/host/baseline';
import { closedPort, startFakeRegistry, type FakeRegistry } from './fakeRegistry';
import { removeTempDirs, tempDir } from './gitRepo';

const running: FakeRegistry[] = [];
after(async () => {
  for (const r of running.splice(0)) await r.close();
  removeTempDirs();
});

async function registry(...args: Parameters<typeof startFakeRegistry>): Promise<FakeRegistry> {
  const r = await startFakeRegistry(...args);
  running.push(r);
  return r;
}

const ws = tempDir();
const request: BaselineRequest = { base: ws, targets: [{ path: join(ws, 'schemas/order.avsc'), isFolder: false }] };
const order = (n: number) => JSON.stringify({ type: 'record', name: 'Order', fields: Array.from({ length: n }, (_, i) => ({ name: `f${i}`, type: 'int' })) });

async function rejects(p: Promise<unknown>, kind: string, message: RegExp, secrets: string[] = []): Promise<void> {
  await assert.rejects(p, (e: unknown) => {
    assert.ok(e instanceof BaselineError, String(e));
    assert.equal(e.kind, kind, e.message);
    assert.match(e.message, message);
    for (const s of secrets) assert.ok(!e.message.includes(s), `message leaks a secret: ${e.message}`);
    return true;
  });
}

test('the latest version stands for the one current file, with the subject level', async () => {
  const r = await registry({ subjects: { 'orders-value': [{ schema: order(1) }, { schema: order(2) }] }, subjectLevels: { 'orders-value': 'FORWARD' } });
  const b = await loadBaseline(`registry:${r.url}#orders-value`, request);
  assert.equal(b.compatibility, 'FORWARD');
  assert.equal(b.description, `registry:${r.url}#orders-value`);
  assert.deepEqual(b.versions.map((v) => v.label), ['orders-value version 2']);
  assert.deepEqual(b.versions[0]!.files, [
    { path: 'schemas/order.avsc', text: order(2), origin: `${r.url}/subjects/orders-value/versions/2`, schemaType: 'AVRO' },
  ]);
  assert.deepEqual(r.requests, ['GET /subjects/orders-value/versions', 'GET /config/orders-value', 'GET /subjects/orders-value/versions/2']);
});

test('a transitive level fetches every version, oldest first; the global level is the fallback', async () => {
  const r = await registry({ subjects: { s: [{ schema: order(1) }, { schema: order(2) }, { schema: order(3) }] }, globalLevel: 'BACKWARD_TRANSITIVE' });
  const b = await loadBaseline(`registry:${r.url}#s`, request);
  assert.equal(b.compatibility, 'BACKWARD_TRANSITIVE');
  assert.deepEqual(b.versions.map((v) => [v.label, v.files[0]!.text]), [
    ['s version 1', order(1)],
    ['s version 2', order(2)],
    ['s version 3', order(3)],
  ]);
  assert.ok(r.requests.includes('GET /config'));
  // The caller's choice wins over the level.
  const latest = await loadBaseline(`registry:${r.url}#s`, request, { registry: { allVersions: false } });
  assert.deepEqual(latest.versions.map((v) => v.label), ['s version 3']);
});

test('references are fetched transitively, once each, and marked as references', async () => {
  const money = 'syntax = "proto3";\npackage acme;\nmessage Money { int64 units = 1; }\n';
  const currency = 'syntax = "proto3";\npackage acme;\nmessage Currency { string code = 1; }\n';
  const r = await registry({
    subjects: {
      currency: [{ schema: currency, schemaType: 'PROTOBUF' }],
      money: [{ schema: money, schemaType: 'PROTOBUF', references: [{ name: 'acme/currency.proto', subject: 'currency', version: 1 }] }],
      orders: [
        {
          schema: 'syntax = "proto3";\nimport "acme/money.proto";\nimport "acme/currency.proto";\nmessage O { acme.Money m = 1; }\n',
          schemaType: 'PROTOBUF',
          references: [
            { name: 'acme/money.proto', subject: 'money', version: 1 },
            { name: 'acme/currency.proto', subject: 'currency', version: 1 },
          ],
        },
      ],
    },
  });
  const proto: BaselineRequest = { base: ws, targets: [{ path: ws, isFolder: true }], singleFile: join(ws, 'orders.proto') };
  const b = await loadBaseline(`registry:${r.url}#orders`, proto);
  assert.deepEqual(
    b.versions[0]!.files.map((f) => [f.path, f.reference ?? false, f.schemaType]),
    [
      ['orders.proto', false, 'PROTOBUF'],
      ['acme/money.proto', true, 'PROTOBUF'],
      ['acme/currency.proto', true, 'PROTOBUF'],
    ],
  );
  assert.equal(r.requests.filter((q) => q === 'GET /subjects/currency/versions/1').length, 1);
});

test('a version answered without its text is read through /schemas/ids/{id}', async () => {
  const r = await registry({ subjects: { s: [{ schema: order(1), omitSchema: true }] } });
  const b = await loadBaseline(`registry:${r.url}#s`, request);
  assert.equal(b.versions[0]!.files[0]!.text, order(1));
  assert.ok(r.requests.includes('GET /schemas/ids/1'));
});

test('subjects with reserved characters are percent-encoded in the path', async () => {
  const r = await registry({ subjects: { 'a/b c#d': [{ schema: order(1) }] } });
  const b = await loadBaseline(`registry:${r.url}#a%2Fb%20c%23d`, request);
  assert.equal(b.versions[0]!.files[0]!.text, order(1));
  assert.equal(r.requests[0], 'GET /subjects/a%2Fb%20c%23d/versions');
});

test('basic and bearer credentials are sent, and accepted', async () => {
  const r = await registry({ subjects: { s: [{ schema: order(1) }] }, auth: { basic: { user: 'alice', password: 's3cret-pw' }, bearer: 'tok-123456' } });
  const basic: Credentials = { kind: 'basic', username: 'alice', password: 's3cret-pw' };
  assert.equal((await loadBaseline(`registry:${r.url}#s`, request, { registry: { credentials: basic } })).versions.length, 1);
  assert.equal((await loadBaseline(`registry:${r.url}#s`, request, { registry: { credentials: { kind: 'bearer', token: 'tok-123456' } } })).versions.length, 1);
  // User info in the address is basic authentication too; Node's fetch would refuse it in the URL.
  const withUserInfo = r.url.replace('http://', 'http://alice:s3cret-pw@');
  const b = await loadBaseline(`registry:${withUserInfo}#s`, request);
  assert.equal(b.description, `registry:${r.url}#s`);
  assert.ok(!JSON.stringify(b).includes('s3cret-pw'));
  assert.ok(r.authorizations.every((a) => a === 'Basic YWxpY2U6czNjcmV0LXB3' || a === 'Bearer tok-123456'));
});

test('refused or missing credentials are an auth error that never shows them', async () => {
  const r = await registry({ subjects: { s: [{ schema: order(1) }] }, auth: { basic: { user: 'alice', password: 'right-pw' } } });
  await rejects(loadBaseline(`registry:${r.url}#s`, request), 'auth', /needs credentials and none were given \(401 on \/subjects\/s\/versions\)/);
  await rejects(
    loadBaseline(`registry:${r.url}#s`, request, { registry: { credentials: { kind: 'basic', username: 'alice', password: 'wrong-pw' } } }),
    'auth',
    /refused the credentials \(401/,
    ['wrong-pw', 'YWxpY2U6d3JvbmctcHc='],
  );
  await rejects(loadBaseline(`registry:${r.url.replace('http://', 'http://mallory:leaky-pw@')}#s`, request), 'auth', /refused the credentials/, ['leaky-pw', 'mallory']);
  await rejects(loadBaseline(`registry:${r.url}#s`, request, { registry: { credentials: { kind: 'bearer', token: 'bad-token-xyz' } } }), 'auth', /refused/, ['bad-token-xyz']);
});

test('a missing subject is a not-found error naming it (40401)', async () => {
  const r = await registry({ subjects: { other: [{ schema: order(1) }] } });
  await rejects(loadBaseline(`registry:${r.url}#orders-value`, request), 'not-found', /subject orders-value does not exist in the registry at http:\/\/127\.0\.0\.1:\d+: check the subject name/);
});

test('an address that is no registry gives a clear not-found or bad-response error', async () => {
  const r = await registry({ rawBody: '<html>hello</html>' });
  await rejects(loadBaseline(`registry:${r.url}#s`, request), 'bad-response', /with something that is not JSON: check that the address points at a schema registry/);
  const json = await registry({ rawBody: '{"hello":1}' });
  await rejects(loadBaseline(`registry:${json.url}#s`, request), 'bad-response', /something other than a list of version numbers/);
  const r404 = await registry({});
  await rejects(loadBaseline(`registry:${r404.url}/not/here#s`, request), 'not-found', /\/not\/here answered 404 for \/subjects\/s\/versions: check that the address points at a schema registry/);
});

test('a closed port is an unreachable error', async () => {
  const port = await closedPort();
  await rejects(loadBaseline(`registry:http://u:p4ssw0rd@127.0.0.1:${port}#s`, request), 'unreachable', new RegExp(`cannot reach the registry at http://127\\.0\\.0\\.1:${port} \\(ECONNREFUSED\\)`), ['p4ssw0rd']);
});

test('a registry that never answers is a timeout error', async () => {
  const r = await registry({ stall: true });
  await rejects(loadBaseline(`registry:${r.url}#s`, request, { registry: { timeoutMs: 300 } }), 'timeout', /did not answer within 300 ms/);
});

test('a registry subject needs one current file to stand for', async () => {
  const r = await registry({ subjects: { s: [{ schema: order(1) }] } });
  await rejects(loadBaseline(`registry:${r.url}#s`, { base: ws, targets: [{ path: ws, isFolder: true }] }), 'usage', /PATH must be one schema file/);
  assert.deepEqual(r.requests, []);
});
