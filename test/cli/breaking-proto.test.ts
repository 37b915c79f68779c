// `event-schemas breaking` on .proto files: the bundled CLI against buf 1.75's own answers on
// buf's breaking-change test cases, and the parts the CLI adds around the rules: git baselines
// with old imports read at the revision, --rules, buf.yaml's breaking config, and registry
// subjects with references.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { startFakeRegistry, type FakeRegistry } from '../host/baseline/fakeRegistry';
import { Repo, removeTempDirs } from '../host/baseline/gitRepo';
import { importsOf } from '../../server/src/host/breaking/protoImage';
import { main } from '../../server/src/cli/main';
import { brief, cli, cliJson, cliPath, ensureBuilt, removeWorkspaces, workspace, type JsonReport } from './run';

before(ensureBuilt);
const running: FakeRegistry[] = [];
after(async () => {
  for (const r of running.splice(0)) await r.close();
  removeWorkspaces();
  removeTempDirs();
});

const corpus = join(__dirname, '..', '..', '..', 'shared', 'corpus', 'buf-bufcheck');
const goldens = join(corpus, 'breaking-goldens-buf-1.75.0');
/** Cases that need buf plugins or policy files this project does not have. */
const NEEDS_PLUGINS = /^breaking_(custom_plugins|policy_)/;

interface Golden {
  path?: string;
  start_line?: number;
  type: string;
}

/** The command in this process (58 child processes would take half a minute), with its output captured. */
async function inProcess(argv: string[], cwd: string): Promise<{ code: number; json: JsonReport; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    cwd,
    color: false,
    out: (t) => void (stdout += t),
    error: (m) => void (stderr += `error: ${m}\n`),
    note: (m) => void (stderr += `note: ${m}\n`),
    errText: (t) => void (stderr += t),
  });
  return { code, json: JSON.parse(stdout) as JsonReport, stderr };
}

test('buf breaking test cases: the same rule IDs on the same files and lines as buf 1.75', async () => {
  const cases = readdirSync(join(corpus, 'breaking', 'current')).filter((c) => !NEEDS_PLUGINS.test(c));
  assert.ok(cases.length >= 50, `only ${cases.length} cases found`);
  const mismatches: string[] = [];
  for (const name of cases) {
    const rows = readFileSync(join(goldens, `${name}.jsonl`), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as Golden);
    const res = await inProcess(['breaking', '.', '--against', `../../previous/${name}`, '--format', 'json'], join(corpus, 'breaking', 'current', name));
    const expectedCode = readFileSync(join(goldens, `${name}.rc`), 'utf8').trim() === '100' ? 1 : 0;
    if (res.code !== expectedCode) mismatches.push(`${name}: exit ${res.code}, expected ${expectedCode}\n${res.stderr}`);
    // buf gives a deleted file no path, and a finding about a whole file line 1 (we point at its
    // package statement): those are compared by rule ID and file only.
    const key = (file: string, line: number | undefined, code: string) => `${file} ${line ?? '*'} ${code}`;
    const expected = rows.map((r) => (r.path ? key(r.path.replace(`current/${name}/`, ''), r.start_line === 1 ? undefined : r.start_line, r.type) : key('(deleted)', undefined, r.type))).sort();
    const actual = res.json.diagnostics
      .map((d) => {
        const deleted = d.file.startsWith('../');
        const expectedLine = rows.some((r) => r.path?.endsWith(`/${d.file}`) && r.type === d.code && r.start_line === d.range.start.line + 1 && r.start_line !== 1);
        return key(deleted ? '(deleted)' : d.file, deleted || !expectedLine ? undefined : d.range.start.line + 1, d.code);
      })
      .sort();
    if (JSON.stringify(actual) !== JSON.stringify(expected)) mismatches.push(`${name}:\n  buf: ${expected.join('\n       ')}\n  we:  ${actual.join('\n       ')}`);
  }
  assert.deepEqual(mismatches, []);
});

const money = (name: string) => `syntax = "proto3";\npackage acme.common;\n\nmessage ${name} {\n  int64 units = 1;\n}\n`;

test('git baseline: old imports are read at the revision from the import roots, and related info points into git', () => {
  const repo = new Repo().write({
    'buf.yaml': 'version: v2\nmodules:\n  - path: proto\n',
    'proto/acme/common/money.proto': money('Money'),
    'proto/acme/orders/orders.proto':
      'syntax = "proto3";\npackage acme.orders;\n\nimport "acme/common/money.proto";\n\nmessage OrderPlaced {\n  string id = 1;\n  common.Money total = 2;\n  string note = 3;\n}\n',
  });
  repo.commit('v1');
  repo.write({
    'proto/acme/common/money.proto': money('Amount'),
    'proto/acme/orders/orders.proto':
      'syntax = "proto3";\npackage acme.orders;\n\nimport "acme/common/money.proto";\n\nmessage OrderPlaced {\n  string id = 1;\n  acme.common.Amount total = 2;\n}\n',
  });
  const res = cliJson(['breaking', 'proto/acme/orders', '--against', 'git:HEAD'], repo.dir);
  assert.equal(res.code, 1);
  assert.deepEqual(brief(res.json), [
    'proto/acme/orders/orders.proto:5:8 error FIELD_NO_DELETE',
    'proto/acme/orders/orders.proto:7:2 error FIELD_SAME_TYPE',
  ]);
  // `common.Money` only resolves to acme.common.Money with the old money.proto, which exists
  // only at the revision: the disk's money.proto defines Amount.
  assert.match(res.json.diagnostics[1]!.message, /changed type from "acme\.common\.Money" to "acme\.common\.Amount"/);
  const text = cli(['breaking', 'proto/acme/orders', '--against', 'git:HEAD'], repo.dir);
  assert.match(text.stdout, /note: as it was in the baseline \(git:HEAD:proto\/acme\/orders\/orders\.proto:9:10\)/);
});

test('git baseline: a deleted .proto file is FILE_NO_DELETE at its old path', () => {
  const repo = new Repo().write({ 'a.proto': 'syntax = "proto3";\npackage p;\nmessage A {}\n', 'b.proto': 'syntax = "proto3";\npackage p;\nmessage B {}\n' });
  repo.commit('v1');
  repo.remove('b.proto');
  const res = cliJson(['breaking', '--against', 'git:HEAD'], repo.dir);
  assert.equal(res.code, 1);
  assert.deepEqual(
    res.json.diagnostics.map((d) => [d.file, d.code, d.message]),
    [['b.proto', 'FILE_NO_DELETE', 'previously present file "b.proto" was deleted']],
  );
});

test('deleting every .proto file is still a breaking change', () => {
  const repo = new Repo().write({ 'proto/a.proto': 'syntax = "proto3";\npackage p;\nmessage A {}\n', 'schemas/order.avsc': '"string"\n' });
  repo.commit('v1');
  repo.remove('proto/a.proto');
  const res = cliJson(['breaking', '--against', 'git:HEAD'], repo.dir);
  assert.equal(res.code, 1);
  assert.deepEqual(res.json.diagnostics.map((d) => [d.file, d.code]), [['proto/a.proto', 'FILE_NO_DELETE']]);
});

const v1 = 'syntax = "proto3";\npackage acme;\n\nmessage Order {\n  string id = 1;\n  string note = 2;\n}\n';
const renamed = 'syntax = "proto3";\npackage acme;\n\nmessage Order {\n  string id = 1;\n  string comment = 2;\n}\n';

test('--rules picks the buf category: a renamed field breaks FILE and WIRE_JSON but not WIRE', () => {
  const ws = workspace({ 'old/order.proto': v1, 'new/order.proto': renamed });
  assert.deepEqual(brief(cliJson(['breaking', 'new', '--against', 'old'], ws).json), ['new/order.proto:5:9 error FIELD_SAME_JSON_NAME', 'new/order.proto:5:9 error FIELD_SAME_NAME']);
  // JSON decoders accept the field's proto name too, so WIRE_JSON keeps FIELD_SAME_NAME.
  assert.deepEqual(brief(cliJson(['breaking', 'new', '--against', 'old', '--rules', 'WIRE_JSON'], ws).json), ['new/order.proto:5:9 error FIELD_SAME_JSON_NAME', 'new/order.proto:5:9 error FIELD_SAME_NAME']);
  const wire = cliJson(['breaking', 'new', '--against', 'old', '--rules', 'wire'], ws);
  assert.deepEqual(wire.json.diagnostics, []);
  assert.equal(wire.code, 0);
});

test("buf.yaml's breaking config is honoured without --rules; --rules replaces `use` and keeps the ignores", () => {
  const bufYaml = 'version: v1\nbreaking:\n  use:\n    - WIRE\n  ignore:\n    - legacy\n';
  const ws = workspace({
    'old/buf.yaml': bufYaml,
    'old/order.proto': v1,
    'old/legacy/old.proto': v1.replace('package acme;', 'package acme.legacy;'),
    'new/buf.yaml': bufYaml,
    'new/order.proto': renamed.replace('string comment = 2;', 'int64 comment = 2;'),
    'new/legacy/old.proto': renamed.replace('package acme;', 'package acme.legacy;').replace('string comment = 2;', 'int64 comment = 2;'),
  });
  assert.deepEqual(brief(cliJson(['breaking', 'new', '--against', 'old'], ws).json), ['new/order.proto:5:2 error FIELD_WIRE_COMPATIBLE_TYPE']);
  assert.deepEqual(brief(cliJson(['breaking', 'new', '--against', 'old', '--rules', 'FILE'], ws).json), [
    'new/order.proto:5:2 error FIELD_SAME_TYPE',
    'new/order.proto:5:8 error FIELD_SAME_JSON_NAME',
    'new/order.proto:5:8 error FIELD_SAME_NAME',
  ]);
});

test('an unknown rule in buf.yaml exits 2 and says which', () => {
  const ws = workspace({ 'old/order.proto': v1, 'new/order.proto': v1, 'new/buf.yaml': 'version: v1\nbreaking:\n  use:\n    - FIELD_NO_DELEET\n' });
  const res = cliJson(['breaking', 'new', '--against', 'old'], ws);
  assert.equal(res.code, 2);
  assert.match(res.stderr, /unknown breaking rule or category "FIELD_NO_DELEET"/);
});

test('Protobuf registry subject with references: old imports come from the referenced subjects', async () => {
  const r = await startFakeRegistry({
    subjects: {
      'acme-money': [{ schema: money('Money'), schemaType: 'PROTOBUF' }],
      'orders-value': [
        {
          schema: 'syntax = "proto3";\npackage acme.orders;\nimport "acme/common/money.proto";\nmessage OrderPlaced {\n  string id = 1;\n  common.Money total = 2;\n}\n',
          schemaType: 'PROTOBUF',
          references: [{ name: 'acme/common/money.proto', subject: 'acme-money', version: 1 }],
        },
      ],
    },
  });
  running.push(r);
  const ws = workspace({
    'acme/common/money.proto': money('Amount'),
    'acme/orders/orders.proto': 'syntax = "proto3";\npackage acme.orders;\n\nimport "acme/common/money.proto";\n\nmessage OrderPlaced {\n  string id = 1;\n  acme.common.Amount total = 2;\n}\n',
  });
  const res = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    execFile(process.execPath, [cliPath, 'breaking', 'acme/orders/orders.proto', '-I', '.', '--against', `registry:${r.url}#orders-value`, '--rules', 'FILE', '--format', 'json'], { cwd: ws, encoding: 'utf8' }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr }),
    ),
  );
  assert.equal(res.code, 1, res.stderr);
  const report = JSON.parse(res.stdout) as JsonReport;
  assert.deepEqual(brief(report), ['acme/orders/orders.proto:7:2 error FIELD_SAME_TYPE']);
  assert.match(report.diagnostics[0]!.message, /from "acme\.common\.Money" to "acme\.common\.Amount"/);
});

test('the import scan finds every form of import statement, and only statements', () => {
  const text = [
    'syntax = "proto3"; import "a.proto";',
    'import public "b/c.proto";',
    "import weak 'd.proto';",
    'import',
    '  "e.proto";',
    'message M { string import = 1; }',
    'option (x) = "import \\"f.proto\\"";',
  ].join('\n');
  assert.deepEqual(importsOf(text), ['a.proto', 'b/c.proto', 'd.proto', 'e.proto']);
});

test('--mode applies Schema Registry rules to Protobuf: kind changes break, field removal does not', () => {
  const root = mkdtempSync(join(tmpdir(), 'es-confluent-'));
  const write = (rel: string, text: string) => {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  };
  write('old/e.proto', 'syntax = "proto3";\npackage e;\nmessage M {\n  string a = 1;\n  string gone = 2;\n  int32 n = 3;\n}\n');
  write('new/e.proto', 'syntax = "proto3";\npackage e;\nmessage M {\n  string a = 1;\n  M n = 3;\n}\n');
  const res = spawnSync(process.execPath, [cliPath, 'breaking', 'new', '--against', 'old', '--mode', 'BACKWARD', '--format', 'json'], {
    cwd: root,
    encoding: 'utf8',
  });
  const codes = (JSON.parse(res.stdout) as { diagnostics: { code: string; range: { start: { line: number } } }[] }).diagnostics.map(
    (d) => [d.code, d.range.start.line],
  );
  assert.deepEqual(codes, [['FIELD_KIND_CHANGED', 4]]);
  assert.equal(res.status, 1);
});
