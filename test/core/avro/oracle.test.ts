// Our own schemas judged by python3-avro (Debian) as an oracle. Each row states what python3-avro
// does and what we do; the test runs python to prove the first column and checks the second.
// Where the two differ the row says why: python 1.11 validates less than the spec and Avro Java
// 1.12 (no default, field-name or enum-default-symbol checks) and misreads the null namespace.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, errors, pythonAvro, render } from './helpers';
import { Type as AvscType } from 'avsc';

type Verdict = 'accept' | 'reject';
interface Row {
  readonly schema: string;
  readonly python: Verdict;
  readonly ours: Verdict;
  /** Required when the verdicts differ. */
  readonly why?: string;
}

const rec = (fields: string, extra = '') => `{"type": "record", "name": "R"${extra}, "fields": [${fields}]}`;

const rows: Row[] = [
  // Accepted by both.
  { schema: '"string"', python: 'accept', ours: 'accept' },
  { schema: '["null", "string", {"type": "array", "items": "int"}, {"type": "map", "values": "int"}]', python: 'accept', ours: 'accept' },
  { schema: rec('{"name": "a", "type": ["null", "R"], "default": null}'), python: 'accept', ours: 'accept' },
  { schema: rec('{"name": "a", "type": "int"}', ', "namespace": "x.y", "aliases": ["Old", "z.Older"], "doc": "d"'), python: 'accept', ours: 'accept' },
  { schema: '{"type": "enum", "name": "E", "symbols": ["A", "B"], "default": "B"}', python: 'accept', ours: 'accept' },
  { schema: '{"type": "fixed", "name": "F", "size": 0}', python: 'accept', ours: 'accept' },
  { schema: '{"type": "error", "name": "Oops", "fields": []}', python: 'accept', ours: 'accept' },
  { schema: '{"type": "string", "logicalType": "uuid", "x-extra": 1}', python: 'accept', ours: 'accept' },
  { schema: '{"type": "bytes", "logicalType": "decimal", "precision": 0}', python: 'accept', ours: 'accept' },
  { schema: '{"type": "int", "logicalType": "timestamp-millis"}', python: 'accept', ours: 'accept' },
  { schema: '{"type": "long", "logicalType": "my-own-type"}', python: 'accept', ours: 'accept' },
  { schema: '[]', python: 'accept', ours: 'accept' },
  { schema: rec('{"name": "a", "type": "double", "default": "NaN"}'), python: 'accept', ours: 'accept' },
  { schema: rec('{"name": "a", "type": ["null", "string"], "default": "x"}'), python: 'accept', ours: 'accept' },
  { schema: rec('{"name": "a", "type": {"type": "array", "items": "int", "default": []}}'), python: 'accept', ours: 'accept' },
  { schema: '{"type": "map", "values": "int", "name": "Ignored"}', python: 'accept', ours: 'accept' },
  // Rejected by both.
  { schema: '{"type": "panther"}', python: 'reject', ours: 'reject' },
  { schema: rec('{"name": "a", "type": "Missing"}'), python: 'reject', ours: 'reject' },
  { schema: '{"type": "record", "name": "R"}', python: 'reject', ours: 'reject' },
  { schema: '{"type": "enum", "name": "E"}', python: 'reject', ours: 'reject' },
  { schema: '{"type": "array"}', python: 'reject', ours: 'reject' },
  { schema: '{"type": "fixed", "name": "F"}', python: 'reject', ours: 'reject' },
  { schema: '{"type": "fixed", "name": "F", "size": -1}', python: 'reject', ours: 'reject' },
  { schema: '{"type": "fixed", "name": "F", "size": "16"}', python: 'reject', ours: 'reject' },
  { schema: '{"type": "fixed", "name": "int", "size": 1}', python: 'reject', ours: 'reject' },
  { schema: '{"type": "record", "name": "my-rec", "fields": []}', python: 'reject', ours: 'reject' },
  { schema: rec('{"name": "a", "type": "int"}', ', "namespace": "a..b"'), python: 'reject', ours: 'reject' },
  { schema: rec('{"name": "a", "type": "int"}', ', "namespace": 5'), python: 'reject', ours: 'reject' },
  { schema: rec('{"name": "a", "type": "int"}, {"name": "a", "type": "long"}'), python: 'reject', ours: 'reject' },
  { schema: '{"type": "enum", "name": "E", "symbols": ["A", "A"]}', python: 'reject', ours: 'reject' },
  { schema: '{"type": "enum", "name": "E", "symbols": ["1A"]}', python: 'reject', ours: 'reject' },
  { schema: '{"type": "enum", "name": "E", "symbols": ["A"], "default": "B"}', python: 'reject', ours: 'reject' },
  { schema: '["int", ["null", "string"]]', python: 'reject', ours: 'reject' },
  { schema: '["int", "int"]', python: 'reject', ours: 'reject' },
  { schema: '["int", {"type": "int", "logicalType": "date"}]', python: 'reject', ours: 'reject' },
  { schema: '[{"type": "array", "items": "int"}, {"type": "array", "items": "long"}]', python: 'reject', ours: 'reject' },
  { schema: rec('{"name": "r", "type": {"type": "record", "name": "R", "fields": []}}'), python: 'reject', ours: 'reject' },
  { schema: rec('{"name": "a", "type": "int", "order": "up"}'), python: 'reject', ours: 'reject' },
  { schema: rec('{"name": "a", "type": "int", "order": "ASCENDING"}'), python: 'reject', ours: 'reject' },
  { schema: rec('{"type": "int"}'), python: 'reject', ours: 'reject' },
  { schema: rec('{"name": "a"}'), python: 'reject', ours: 'reject' },
  { schema: '{"type": {"type": "int"}}', python: 'reject', ours: 'reject' },
  { schema: '[{"type": "fixed", "name": "F", "size": 1}, {"type": "array", "items": {"type": "F"}}]', python: 'reject', ours: 'reject' },
  { schema: rec('{"name": "a", "type": "int"},'), python: 'reject', ours: 'reject' },
  { schema: '{"type": "int", /* note */ "x": 1}', python: 'reject', ours: 'accept', why: 'Avro Java allows comments, so they are a warning (syntax/json-comment), not an error' },
  { schema: '[{"type": "record", "name": "A", "fields": [{"name": "b", "type": "B"}]}, {"type": "record", "name": "B", "fields": []}]', python: 'reject', ours: 'accept', why: 'Avro Java 1.12 resolves forward references, so they are a warning (avro/forward-reference)' },
  // python3-avro 1.11 validates less than the spec and Avro Java 1.12.
  { schema: rec('{"name": "a", "type": "int", "default": "x"}'), python: 'accept', ours: 'reject', why: 'python does not validate defaults; Java 1.12 does' },
  { schema: rec('{"name": "a", "type": "int", "default": 2147483648}'), python: 'accept', ours: 'reject', why: 'python does not validate defaults' },
  { schema: rec('{"name": "a", "type": ["null", "int"], "default": "x"}'), python: 'accept', ours: 'reject', why: 'python does not validate defaults' },
  { schema: rec('{"name": "a", "type": "bytes", "default": "\\u0100"}'), python: 'accept', ours: 'reject', why: 'a bytes default holds code points 0-255 only' },
  { schema: rec('{"name": "e", "type": {"type": "enum", "name": "E", "symbols": ["A"]}, "default": "B"}'), python: 'accept', ours: 'reject', why: 'python does not validate defaults' },
  { schema: rec('{"name": "1a", "type": "int"}'), python: 'accept', ours: 'reject', why: 'python does not validate field names; the spec and Java do' },
  { schema: '{"type": "fixed", "name": "a.int", "size": 1}', python: 'accept', ours: 'reject', why: 'the spec forbids primitive names in any namespace; python checks the bare name only' },
  { schema: rec('{"name": "a", "type": "int", "aliases": "x"}'), python: 'accept', ours: 'reject', why: 'Java rejects aliases that are not an array' },
  { schema: rec('{"name": "a", "type": "int"}', ', "doc": 5'), python: 'accept', ours: 'accept' },
  // python3-avro 1.11 misreads the null namespace.
  {
    schema: rec('{"name": "s", "type": {"type": "record", "namespace": "x", "name": "Y", "fields": [{"name": "e", "type": {"type": "enum", "namespace": "", "name": "Z", "symbols": ["A"]}}]}}, {"name": "t", "type": "Z"}'),
    python: 'reject',
    ours: 'accept',
    why: 'the spec makes "" the null namespace; Avro C and Java accept this (c-schema-tests pass/namespace_null_enum)',
  },
];

test('our verdicts against python3-avro on our own schemas', () => {
  const verdicts = pythonAvro(rows.map((r) => ({ text: r.schema, kind: 'avsc' })));
  rows.forEach((row, i) => {
    const python: Verdict = verdicts[i]!.ok ? 'accept' : 'reject';
    assert.equal(python, row.python, `python3-avro on ${row.schema}: ${verdicts[i]!.error ?? 'accepted'}`);
    const errs = errors(check(row.schema).diagnostics);
    const ours: Verdict = errs.length === 0 ? 'accept' : 'reject';
    assert.equal(ours, row.ours, `ours on ${row.schema}: ${render(row.schema, errs).join('; ')}`);
    if (row.python !== row.ours) assert.ok(row.why, `a deviation needs a reason: ${row.schema}`);
  });
});


/** Where avsc departs from the spec or Avro Java; our verdict follows Java, with a warning where avsc differs. */
const avscRows: { schema: string; avsc: Verdict; ours: Verdict; warning?: string; why: string }[] = [
  { schema: rec('{"name": "a", "type": "double", "default": "NaN"}'), avsc: 'reject', ours: 'accept', warning: 'avro/non-portable-default', why: 'Java parses string float defaults' },
  { schema: rec('{"name": "a", "type": ["null", "string"], "default": "x"}'), avsc: 'reject', ours: 'accept', warning: 'avro/union-default-not-first', why: 'Java 1.12 accepts any branch' },
  { schema: rec('{"name": "n", "type": {"type": "enum", "name": "Z", "namespace": "", "symbols": ["A"]}}, {"name": "z", "type": "Z"}', ', "namespace": "a"'), avsc: 'reject', ours: 'accept', why: 'Java falls back to the null namespace for a simple name' },
  { schema: '{"type": "fixed", "size": 4}', avsc: 'accept', ours: 'reject', why: 'the spec requires a name; avsc allows anonymous types' },
  { schema: '[{"type": "enum", "name": "E", "symbols": ["A"]}, {"type": "E"}]', avsc: 'reject', ours: 'reject', why: 'all agree: a named type is referenced by its name alone' },
];

test('our verdicts against avsc where avsc departs from the spec', () => {
  for (const row of avscRows) {
    let verdict: Verdict = 'accept';
    try {
      AvscType.forSchema(JSON.parse(row.schema));
    } catch {
      verdict = 'reject';
    }
    assert.equal(verdict, row.avsc, `avsc on ${row.schema}`);
    const ds = check(row.schema).diagnostics;
    assert.equal(errors(ds).length === 0 ? 'accept' : 'reject', row.ours, `ours on ${row.schema}`);
    if (row.warning) assert.ok(ds.some((d) => d.code === row.warning && d.severity === 'warning'), `${row.warning} on ${row.schema}`);
  }
});
