// `event-schemas breaking --against registry:URL#SUBJECT`: the bundled CLI against a small
// Confluent-compatible registry on 127.0.0.1 that this test starts and stops. Success, the
// subject's level as the default mode, credentials from the environment, and every failure:
// refused credentials, a missing subject, a closed port, a registry that never answers. No
// output ever holds a credential.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { closedPort, startFakeRegistry, type FakeRegistry, type FakeRegistryOptions } from '../host/baseline/fakeRegistry';
import { brief, cliPath, ensureBuilt, removeWorkspaces, workspace, type CliResult, type JsonReport } from './run';

before(ensureBuilt);
const running: FakeRegistry[] = [];
after(async () => {
  for (const r of running.splice(0)) await r.close();
  removeWorkspaces();
});

async function registry(options: FakeRegistryOptions): Promise<FakeRegistry> {
  const r = await startFakeRegistry(options);
  running.push(r);
  return r;
}

/** The CLI as a child process without blocking this process, which serves the registry. */
function cli(args: readonly string[], cwd: string, env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(process.execPath, [cliPath, ...args], { cwd, env: { ...cleanEnv(), NO_COLOR: '', ...env }, encoding: 'utf8' }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** The test's own environment without registry settings a developer may have exported. */
function cleanEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const k of Object.keys(env)) if (k.startsWith('EVENT_SCHEMAS_REGISTRY_')) delete env[k];
  return env;
}

function json(res: CliResult): JsonReport {
  try {
    return JSON.parse(res.stdout) as JsonReport;
  } catch {
    throw new Error(`stdout is not one JSON value (exit ${res.code}):\n${res.stdout}\nstderr:\n${res.stderr}`);
  }
}

const record = (fields: object[]) => JSON.stringify({ type: 'record', name: 'Order', namespace: 'acme', fields }, null, 2) + '\n';
const id = { name: 'id', type: 'string' };
const v1 = JSON.stringify({ type: 'record', name: 'Order', namespace: 'acme', fields: [id] });
const v2 = JSON.stringify({ type: 'record', name: 'Order', namespace: 'acme', fields: [id, { name: 'note', type: 'string' }] });
/** The current schema drops `note` (no default) and adds `total` (no default). */
const current = record([id, { name: 'total', type: 'long' }]);

test('the latest version of the subject is the baseline; BACKWARD when the registry says so', async () => {
  const r = await registry({ subjects: { 'orders-value': [{ schema: v1 }, { schema: v2 }] }, subjectLevels: { 'orders-value': 'BACKWARD' } });
  const ws = workspace({ 'order.avsc': current });
  const res = await cli(['breaking', 'order.avsc', '--against', `registry:${r.url}#orders-value`, '--format', 'json'], ws);
  assert.equal(res.code, 1, res.stderr);
  assert.deepEqual(brief(json(res)), ['order.avsc:10:14 error READER_FIELD_MISSING_DEFAULT_VALUE']);
  assert.equal(res.stderr, '');
  assert.ok(r.requests.includes('GET /subjects/orders-value/versions/2'));
  assert.ok(!r.requests.includes('GET /subjects/orders-value/versions/1'), 'a non-transitive level needs only the latest version');
});

test("without --mode the subject's level decides; --mode overrides it", async () => {
  const r = await registry({ subjects: { s: [{ schema: v2 }] }, subjectLevels: { s: 'FORWARD' } });
  const ws = workspace({ 'order.avsc': current });
  // FORWARD: the old reader needs `note`, which the new schema no longer writes.
  const forward = json(await cli(['breaking', 'order.avsc', '--against', `registry:${r.url}#s`, '--format', 'json'], ws));
  assert.deepEqual(brief(forward), ['order.avsc:2:10 error READER_FIELD_MISSING_DEFAULT_VALUE']);
  const none = await cli(['breaking', 'order.avsc', '--against', `registry:${r.url}#s`, '--mode', 'NONE', '--format', 'json'], ws);
  assert.equal(none.code, 0);
  assert.deepEqual(json(none).diagnostics, []);
});

test('a transitive level checks every version, and the text output points at the registry version', async () => {
  const old = JSON.stringify({ type: 'record', name: 'Order', namespace: 'acme', fields: [id, { name: 'total', type: 'string' }] });
  const r = await registry({ subjects: { s: [{ schema: old }, { schema: v1 }] }, globalLevel: 'FORWARD_TRANSITIVE' });
  const ws = workspace({ 'order.avsc': current });
  const res = await cli(['breaking', 'order.avsc', '--against', `registry:${r.url}#s`], ws);
  assert.equal(res.code, 1, res.stderr);
  assert.match(res.stdout, /error\[TYPE_MISMATCH\]: the old schema reads string and cannot read the new type long/);
  assert.ok(res.stdout.includes(`note: in the old schema (s version 1) (${r.url}/subjects/s/versions/1:1:`), res.stdout);
});

test('sarif and github output point related locations at the registry version', async () => {
  const r = await registry({ subjects: { s: [{ schema: v1 }] } });
  const ws = workspace({ 'order.avsc': current });
  const sarif = JSON.parse((await cli(['breaking', 'order.avsc', '--against', `registry:${r.url}#s`, '--format', 'sarif'], ws)).stdout);
  const related = sarif.runs[0].results[0].relatedLocations[0];
  assert.equal(related.physicalLocation.artifactLocation.uri, `${r.url}/subjects/s/versions/1`);
  assert.equal(related.physicalLocation.artifactLocation.uriBaseId, undefined);
  const github = (await cli(['breaking', 'order.avsc', '--against', `registry:${r.url}#s`, '--format', 'github'], ws)).stdout;
  assert.ok(github.includes(`%0Ain the old schema (s version 1): ${r.url}/subjects/s/versions/1:1:`), github);
});

test('credentials from the environment: basic and bearer are accepted and never printed', async () => {
  const r = await registry({ subjects: { s: [{ schema: v1 }] }, auth: { basic: { user: 'ci-bot', password: 'pa55-w0rd-basic' }, bearer: 'tok-bearer-8f3a' } });
  const ws = workspace({ 'order.avsc': current });
  const envs: Record<string, string>[] = [
    { EVENT_SCHEMAS_REGISTRY_USER: 'ci-bot', EVENT_SCHEMAS_REGISTRY_PASSWORD: 'pa55-w0rd-basic' },
    { EVENT_SCHEMAS_REGISTRY_TOKEN: 'tok-bearer-8f3a' },
  ];
  for (const env of envs) {
    for (const format of ['text', 'json', 'github', 'sarif']) {
      const res = await cli(['breaking', 'order.avsc', '--against', `registry:${r.url}#s`, '--format', format], ws, env);
      assert.equal(res.code, 1, res.stderr);
      assertNoSecrets(res, ['pa55-w0rd-basic', 'tok-bearer-8f3a', 'Y2ktYm90OnBhNTUtdzByZC1iYXNpYw==']);
    }
  }
});

test('refused credentials exit 2 with an auth message that holds none of them', async () => {
  const r = await registry({ subjects: { s: [{ schema: v1 }] }, auth: { basic: { user: 'ci-bot', password: 'right-one' } } });
  const ws = workspace({ 'order.avsc': current });
  const none = await cli(['breaking', 'order.avsc', '--against', `registry:${r.url}#s`, '--format', 'json'], ws);
  assert.equal(none.code, 2);
  assert.deepEqual(json(none).diagnostics, []);
  assert.match(none.stderr, /registry at http:\/\/127\.0\.0\.1:\d+ needs credentials and none were given \(401/);

  const wrong = await cli(['breaking', 'order.avsc', '--against', `registry:${r.url}#s`], ws, { EVENT_SCHEMAS_REGISTRY_USER: 'ci-bot', EVENT_SCHEMAS_REGISTRY_PASSWORD: 'wrong-secret-123' });
  assert.equal(wrong.code, 2);
  assert.match(wrong.stderr, /refused the credentials \(401 on \/subjects\/s\/versions\): check the registry user and password or token/);
  assertNoSecrets(wrong, ['wrong-secret-123', 'Y2ktYm90Ondyb25nLXNlY3JldC0xMjM=']);

  const inUrl = await cli(['breaking', 'order.avsc', '--against', `registry:${r.url.replace('//', '//ci-bot:url-secret-456@')}#s`], ws);
  assert.equal(inUrl.code, 2);
  assert.match(inUrl.stderr, /refused the credentials/);
  assertNoSecrets(inUrl, ['url-secret-456', 'ci-bot:']);

  const token = await cli(['breaking', 'order.avsc', '--against', `registry:${r.url}#s`], ws, { EVENT_SCHEMAS_REGISTRY_TOKEN: 'tok-wrong-789' });
  assert.equal(token.code, 2);
  assertNoSecrets(token, ['tok-wrong-789']);
});

test('a missing subject exits 2 naming the subject', async () => {
  const r = await registry({ subjects: { 'orders-value': [{ schema: v1 }] } });
  const res = await cli(['breaking', 'order.avsc', '--against', `registry:${r.url}#orders-key`], workspace({ 'order.avsc': current }));
  assert.equal(res.code, 2);
  assert.match(res.stderr, /^event-schemas: error: subject orders-key does not exist in the registry at http:\/\/127\.0\.0\.1:\d+: check the subject name/m);
});

test('a closed port exits 2: the registry cannot be reached', async () => {
  const port = await closedPort();
  const res = await cli(['breaking', 'order.avsc', '--against', `registry:http://127.0.0.1:${port}#s`], workspace({ 'order.avsc': current }), { EVENT_SCHEMAS_REGISTRY_TOKEN: 'tok-unreachable-1' });
  assert.equal(res.code, 2);
  assert.match(res.stderr, new RegExp(`cannot reach the registry at http://127\\.0\\.0\\.1:${port} \\(ECONNREFUSED\\): check the address and that the registry is running`));
  assertNoSecrets(res, ['tok-unreachable-1']);
});

test('a registry that never answers exits 2 after the timeout', async () => {
  const r = await registry({ stall: true });
  const res = await cli(['breaking', 'order.avsc', '--against', `registry:${r.url}#s`], workspace({ 'order.avsc': current }), { EVENT_SCHEMAS_REGISTRY_TIMEOUT_MS: '300' });
  assert.equal(res.code, 2);
  assert.match(res.stderr, /the registry at http:\/\/127\.0\.0\.1:\d+ did not answer within 300 ms/);
});

test('a bad timeout or a password without a user is a usage error', async () => {
  const ws = workspace({ 'order.avsc': current });
  const bad = await cli(['breaking', 'order.avsc', '--against', 'registry:http://127.0.0.1:1#s'], ws, { EVENT_SCHEMAS_REGISTRY_TIMEOUT_MS: 'soon' });
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /EVENT_SCHEMAS_REGISTRY_TIMEOUT_MS must be a whole number of milliseconds above 0, not `soon`/);
  const lonely = await cli(['breaking', 'order.avsc', '--against', 'registry:http://127.0.0.1:1#s'], ws, { EVENT_SCHEMAS_REGISTRY_PASSWORD: 'lonely-pw-000' });
  assert.equal(lonely.code, 2);
  assert.match(lonely.stderr, /EVENT_SCHEMAS_REGISTRY_PASSWORD is set but EVENT_SCHEMAS_REGISTRY_USER is not/);
  assertNoSecrets(lonely, ['lonely-pw-000']);
});

test('a subject of another schema type exits 2 instead of comparing apples with pears', async () => {
  const r = await registry({ subjects: { s: [{ schema: 'syntax = "proto3";\nmessage Order { string id = 1; }\n', schemaType: 'PROTOBUF' }] } });
  const res = await cli(['breaking', 'order.avsc', '--against', `registry:${r.url}#s`], workspace({ 'order.avsc': current }));
  assert.equal(res.code, 2);
  assert.match(res.stderr, /the registry subject holds a PROTOBUF schema but order\.avsc is an Avro file: compare it with a subject of its own format/);
});

test('Avro references: a type the subject takes from another subject is compared too', async () => {
  const money = (type: string) => JSON.stringify({ type: 'record', name: 'Money', namespace: 'acme', fields: [{ name: 'units', type }] });
  const r = await registry({
    subjects: {
      'acme-money': [{ schema: money('long') }],
      'orders-value': [
        {
          schema: JSON.stringify({ type: 'record', name: 'Order', namespace: 'acme', fields: [id, { name: 'total', type: 'acme.Money' }] }),
          references: [{ name: 'acme.Money', subject: 'acme-money', version: 1 }],
        },
      ],
    },
  });
  // Money lives beside order.avsc and now has int units, which cannot read the old long ones.
  const ws = workspace({ 'schemas/money.avsc': money('int') + '\n', 'schemas/order.avsc': record([id, { name: 'total', type: 'acme.Money' }]) });
  const res = await cli(['breaking', 'schemas/order.avsc', '--against', `registry:${r.url}#orders-value`, '--format', 'json'], ws);
  assert.equal(res.code, 1, res.stderr);
  // The finding sits where order.avsc uses the type, since Money's own file is not being checked.
  assert.deepEqual(brief(json(res)), ['schemas/order.avsc:11:14 error TYPE_MISMATCH']);
  assert.ok(r.requests.includes('GET /subjects/acme-money/versions/1'));
});

function assertNoSecrets(res: CliResult, secrets: readonly string[]): void {
  for (const s of secrets) {
    assert.ok(!res.stdout.includes(s), `stdout holds a secret (${s}):\n${res.stdout}`);
    assert.ok(!res.stderr.includes(s), `stderr holds a secret (${s}):\n${res.stderr}`);
  }
}
