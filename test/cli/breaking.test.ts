// `event-schemas breaking` end to end on folders, files and version globs: the bundled CLI,
// real files, the JSON contract of DESIGN.md and its exit codes.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { brief, cli, cliJson, ensureBuilt, removeWorkspaces, workspace } from './run';

before(ensureBuilt);
after(removeWorkspaces);

const record = (fields: object[], name = 'Order') => JSON.stringify({ type: 'record', name, namespace: 'acme', fields }, null, 2) + '\n';
const id = { name: 'id', type: 'string' };

test('an Avro field added without a default breaks BACKWARD (the default mode), on the field name', () => {
  const ws = workspace({
    'old/order.avsc': record([id]),
    'new/order.avsc': record([id, { name: 'total', type: 'long' }]),
  });
  const res = cliJson(['breaking', 'new', '--against', 'old'], ws);
  assert.equal(res.code, 1);
  assert.equal(res.stderr, '');
  assert.deepEqual(res.json.diagnostics, [
    {
      file: 'new/order.avsc',
      range: { start: { line: 10, character: 14 }, end: { line: 10, character: 21 } },
      severity: 'error',
      code: 'READER_FIELD_MISSING_DEFAULT_VALUE',
      message: res.json.diagnostics[0]!.message,
      source: 'event-schemas',
    },
  ]);
  assert.match(res.json.diagnostics[0]!.message, /field total has no default.*add a default/);
});

test('a compatible change is clean: exit 0 and an empty diagnostics list', () => {
  const ws = workspace({
    'old/order.avsc': record([id]),
    'new/order.avsc': record([id, { name: 'total', type: 'long', default: 0 }]),
  });
  const res = cli(['breaking', 'new', '--against', 'old', '--format', 'json'], ws);
  assert.equal(res.stdout, '{"diagnostics":[]}\n');
  assert.equal(res.stderr, '');
  assert.equal(res.code, 0);
});

test('--mode picks the direction: removing a field without default breaks FORWARD, not BACKWARD', () => {
  const ws = workspace({
    'old/order.avsc': record([id, { name: 'note', type: 'string' }]),
    'new/order.avsc': record([id]),
  });
  assert.deepEqual(brief(cliJson(['breaking', 'new', '--against', 'old', '--mode', 'BACKWARD'], ws).json), []);
  // The new record lacks the field the old reader needs: the finding sits on the record's name.
  const forward = cliJson(['breaking', 'new', '--against', 'old', '--mode', 'forward'], ws);
  assert.equal(forward.code, 1);
  assert.deepEqual(brief(forward.json), ['new/order.avsc:2:10 error READER_FIELD_MISSING_DEFAULT_VALUE']);
  assert.deepEqual(brief(cliJson(['breaking', 'new', '--against', 'old', '--mode', 'FULL'], ws).json), ['new/order.avsc:2:10 error READER_FIELD_MISSING_DEFAULT_VALUE']);
  const none = cliJson(['breaking', 'new', '--against', 'old', '--mode', 'NONE'], ws);
  assert.deepEqual(brief(none.json), []);
  assert.equal(none.code, 0);
});

test('syntax and semantic errors of the current files are reported as check reports them', () => {
  const ws = workspace({ 'old/order.avsc': record([id]), 'new/order.avsc': '{"type": "record", "name": "Order", "fields": [\n' });
  const breaking = cliJson(['breaking', 'new', '--against', 'old'], ws);
  const check = cliJson(['check', 'new'], ws);
  assert.equal(breaking.code, 1);
  assert.ok(breaking.json.diagnostics.length > 0);
  assert.deepEqual(breaking.json, check.json);
});

test('a folder baseline is matched file by file by path; new and removed Avro files are not findings', () => {
  const ws = workspace({
    'old/orders/order.avsc': record([id]),
    'old/orders/refund.avsc': record([id], 'Refund'),
    'old/gone.avsc': record([id], 'Gone'),
    'new/orders/order.avsc': record([id, { name: 'n', type: 'int' }]),
    'new/orders/refund.avsc': record([{ name: 'id', type: 'int' }], 'Refund'),
    'new/added.avsc': record([id, { name: 'x', type: 'int' }], 'Added'),
  });
  const res = cliJson(['breaking', 'new', '--against', 'old'], ws);
  assert.deepEqual(brief(res.json), [
    'new/orders/order.avsc:10:14 error READER_FIELD_MISSING_DEFAULT_VALUE',
    'new/orders/refund.avsc:7:14 error TYPE_MISMATCH',
  ]);
});

test('a single file is compared with a single baseline file whatever their names', () => {
  const ws = workspace({ 'order-v1.avsc': record([{ name: 'id', type: 'long' }]), 'order.avsc': record([{ name: 'id', type: 'int' }]) });
  const res = cliJson(['breaking', 'order.avsc', '--against', 'order-v1.avsc'], ws);
  assert.deepEqual(brief(res.json), ['order.avsc:7:14 error TYPE_MISMATCH']);
});

test('a baseline folder inside PATH is the old version, not more current files', () => {
  const ws = workspace({ 'baseline/order.avsc': record([id]), 'order.avsc': record([id, { name: 'n', type: 'int' }]) });
  const res = cliJson(['breaking', '.', '--against', 'baseline'], ws);
  assert.deepEqual(brief(res.json), ['order.avsc:10:14 error READER_FIELD_MISSING_DEFAULT_VALUE']);
});

test('a glob of versions: FORWARD checks the newest only, FORWARD_TRANSITIVE every one, naming the failing version', () => {
  const ws = workspace({
    'history/order.v1.avsc': record([{ name: 'x', type: 'long' }]),
    'history/order.v2.avsc': record([{ name: 'x', type: 'double' }]),
    'history/order.v10.avsc': record([{ name: 'x', type: 'double' }]),
    'order.avsc': record([{ name: 'x', type: 'double' }]),
  });
  assert.deepEqual(brief(cliJson(['breaking', 'order.avsc', '--against', 'history/order.v*.avsc', '--mode', 'FORWARD'], ws).json), []);
  const res = cli(['breaking', 'order.avsc', '--against', 'history/order.v*.avsc', '--mode', 'FORWARD_TRANSITIVE'], ws);
  assert.equal(res.code, 1);
  assert.match(res.stdout, /error\[TYPE_MISMATCH\]: the old schema reads long and cannot read the new type double/);
  assert.match(res.stdout, /--> order\.avsc:8:15\n/);
  assert.match(res.stdout, /note: in the old schema \(history\/order\.v1\.avsc\) \(history\/order\.v1\.avsc:8:15\)/);
});

test('a baseline that cannot be loaded exits 2 with the reason, and still prints one report', () => {
  const ws = workspace({ 'order.avsc': record([id]) });
  const res = cliJson(['breaking', '.', '--against', 'nowhere'], ws);
  assert.equal(res.code, 2);
  assert.deepEqual(res.json.diagnostics, []);
  assert.match(res.stderr, /^event-schemas: error: the baseline nowhere does not exist: give a folder, a file, git:REV or registry:URL#SUBJECT\n$/);
});

test('a file baseline against a PATH of many files exits 2', () => {
  const ws = workspace({ 'a.avsc': record([id], 'A'), 'b.avsc': record([id], 'B'), 'old.avsc': record([id], 'A') });
  const res = cli(['breaking', 'a.avsc', 'b.avsc', '--against', 'old.avsc'], ws);
  assert.equal(res.code, 2);
  assert.match(res.stderr, /the baseline old\.avsc is one file, so PATH must be one schema file too/);
});

const usageErrors: { args: string[]; message: RegExp }[] = [
  { args: ['breaking', '.'], message: /no baseline given: add --against BASELINE, e\.g\. --against git:main/ },
  { args: ['breaking', '--against', 'old', '--rules', 'STRICT'], message: /unknown rules `STRICT`: use one of FILE, PACKAGE, WIRE_JSON, WIRE, CONFLUENT/ },
  { args: ['breaking', '--against', 'old', '--mode', 'SIDEWAYS'], message: /unknown mode `SIDEWAYS`: use one of BACKWARD, BACKWARD_TRANSITIVE/ },
  { args: ['breaking', '--against', 'old', '--format', 'xml'], message: /unknown format `xml`: use --format text, json, github or sarif/ },
  { args: ['breaking', '--against', 'git:--output=x'], message: /the git revision `--output=x` starts with `-`/ },
  { args: ['breaking', '--against', 'registry:http://localhost:1'], message: /the registry baseline names no subject/ },
  { args: ['breaking', '--against', ''], message: /the baseline is empty/ },
];

for (const { args, message } of usageErrors) {
  test(`usage error: ${JSON.stringify(args)}`, () => {
    const res = cli(args, workspace({ 'a.avsc': record([id]) }));
    assert.equal(res.code, 2);
    assert.equal(res.stdout, '');
    assert.match(res.stderr, /^event-schemas: error: /);
    assert.match(res.stderr, message);
    assert.match(res.stderr, /Usage: event-schemas breaking/);
  });
}

test('breaking --help prints the command usage', () => {
  const res = cli(['breaking', '--help'], workspace({}));
  assert.equal(res.code, 0);
  assert.match(res.stdout, /^Usage: event-schemas breaking \[PATH\.\.\.\] \[-I DIR\]\.\.\. --against BASELINE/);
  assert.match(res.stdout, /registry:URL#SUBJECT/);
  const help = cli(['help', 'breaking'], workspace({}));
  assert.equal(help.stdout, res.stdout);
});

test('.avdl files are compared type by type', () => {
  const idl = (symbols: string, extra = '') => `@namespace("acme")\nprotocol Orders {\n  enum Status { ${symbols} }\n  record Order {\n    string id;\n    Status status;${extra}\n  }\n}\n`;
  const ws = workspace({ 'old/orders.avdl': idl('NEW, PAID, SHIPPED'), 'new/orders.avdl': idl('NEW, PAID', '\n    long total;') });
  const res = cliJson(['breaking', 'new', '--against', 'old'], ws);
  assert.equal(res.code, 1);
  assert.deepEqual(res.json.diagnostics.map((d) => `${d.file}:${d.range.start.line} ${d.code}`), [
    'new/orders.avdl:2 MISSING_ENUM_SYMBOLS',
    'new/orders.avdl:6 READER_FIELD_MISSING_DEFAULT_VALUE',
  ]);
});
