// Quick fixes of BACKWARD findings: applying one leaves a file that parses and checks cleanly and
// is compatible with the old schema.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkAvro, parseAvro, type AvroSyntax } from '../../../../server/src/core/avro/index';
import { checkAvroMode } from '../../../../server/src/core/compat/avro/index';
import { applyFix } from '../../avro/helpers';

interface Case {
  readonly name: string;
  readonly syntax: AvroSyntax;
  readonly old: string;
  readonly now: string;
  /** The fix titles offered, preferred first, and the text after applying the first one. */
  readonly titles: readonly string[];
  readonly fixed: string;
}

const findings = (now: string, old: string, syntax: AvroSyntax, mode: 'BACKWARD' | 'FORWARD' = 'BACKWARD') =>
  checkAvroMode({ file: parseAvro(now, syntax), uri: 'now' }, [{ file: parseAvro(old, syntax), uri: 'old' }], mode);

const rec = (fields: string, extra = '') => `{"type": "record", "name": "Order", "namespace": "shop"${extra}, "fields": [${fields}]}`;

const cases: Case[] = [
  {
    name: 'a new string field gets an empty default',
    syntax: 'avsc',
    old: rec('{"name": "id", "type": "string"}'),
    now: rec('{"name": "id", "type": "string"}, {"name": "note", "type": "string", "doc": "d"}'),
    titles: ['add the default ""'],
    fixed: rec('{"name": "id", "type": "string"}, {"name": "note", "type": "string", "default": "", "doc": "d"}'),
  },
  {
    name: 'a nullable field gets null',
    syntax: 'avsc',
    old: rec('{"name": "id", "type": "string"}'),
    now: rec('{"name": "id", "type": "string"}, {"name": "note", "type": ["null", "string"]}'),
    titles: ['add the default null'],
    fixed: rec('{"name": "id", "type": "string"}, {"name": "note", "type": ["null", "string"], "default": null}'),
  },
  {
    name: 'an enum field gets the enum default, a record field a record of defaults',
    syntax: 'avsc',
    old: rec('{"name": "k", "type": {"type": "enum", "name": "K", "symbols": ["A", "B"], "default": "B"}}'),
    now: rec('{"name": "k", "type": {"type": "enum", "name": "K", "symbols": ["A", "B"], "default": "B"}}, {"name": "k2", "type": "K"}'),
    titles: ['add the default "B"'],
    fixed: rec('{"name": "k", "type": {"type": "enum", "name": "K", "symbols": ["A", "B"], "default": "B"}}, {"name": "k2", "type": "K", "default": "B"}'),
  },
  {
    name: 'a record-typed field gets a record of defaults',
    syntax: 'avsc',
    old: rec('{"name": "id", "type": "string"}'),
    now: rec('{"name": "id", "type": "string"}, {"name": "m", "type": {"type": "record", "name": "Money", "fields": [{"name": "units", "type": "long"}, {"name": "cur", "type": "string", "default": "EUR"}]}}'),
    titles: ['add the default {"units": 0}'],
    fixed: rec('{"name": "id", "type": "string"}, {"name": "m", "type": {"type": "record", "name": "Money", "fields": [{"name": "units", "type": "long"}, {"name": "cur", "type": "string", "default": "EUR"}]}, "default": {"units": 0}}'),
  },
  {
    name: 'a renamed field gets the old name as an alias',
    syntax: 'avsc',
    old: rec('{"name": "id", "type": "string"}, {"name": "qty", "type": "int"}'),
    now: rec('{"name": "id", "type": "string"}, {"name": "quantity", "type": "int"}'),
    titles: ['add the alias "qty" (the field was renamed)', 'add the default 0'],
    fixed: rec('{"name": "id", "type": "string"}, {"name": "quantity", "aliases": ["qty"], "type": "int"}'),
  },
  {
    name: 'a renamed field with aliases gets one more',
    syntax: 'avsc',
    old: rec('{"name": "qty", "type": "int"}'),
    now: rec('{"name": "quantity", "type": "int", "aliases": ["amount"]}'),
    titles: ['add the alias "qty" (the field was renamed)', 'add the default 0'],
    fixed: rec('{"name": "quantity", "type": "int", "aliases": ["amount", "qty"]}'),
  },
  {
    name: 'a renamed record gets the old full name as an alias',
    syntax: 'avsc',
    old: rec('{"name": "id", "type": "string"}'),
    now: '{"type": "record", "name": "Purchase", "namespace": "shop", "fields": [{"name": "id", "type": "string"}]}',
    titles: ['add the alias "shop.Order"'],
    fixed: '{"type": "record", "name": "Purchase", "aliases": ["shop.Order"], "namespace": "shop", "fields": [{"name": "id", "type": "string"}]}',
  },
  {
    name: 'IDL: a new field gets `= value`',
    syntax: 'avdl',
    old: 'namespace shop; schema Order; record Order { string id; }',
    now: 'namespace shop; schema Order; record Order { string id; array<int> lines; }',
    titles: ['add the default []'],
    fixed: 'namespace shop; schema Order; record Order { string id; array<int> lines = []; }',
  },
  {
    name: 'IDL: a renamed field gets an @aliases annotation',
    syntax: 'avdl',
    old: 'namespace shop; schema Order; record Order { int qty; }',
    now: 'namespace shop; schema Order; record Order { int quantity; }',
    titles: ['add the alias "qty" (the field was renamed)', 'add the default 0'],
    fixed: 'namespace shop; schema Order; record Order { int @aliases(["qty"]) quantity; }',
  },
  {
    name: 'IDL: a renamed record gets an @aliases annotation',
    syntax: 'avdl',
    old: 'namespace shop; schema Order; record Order { int qty; }',
    now: 'namespace shop; schema Purchase; /** doc */ record Purchase { int qty; }',
    titles: ['add the alias "shop.Order"'],
    fixed: 'namespace shop; schema Purchase; /** doc */ @aliases(["shop.Order"]) record Purchase { int qty; }',
  },
];

for (const c of cases) {
  test(c.name, () => {
    const before = findings(c.now, c.old, c.syntax);
    assert.equal(before.length, 1, `one finding: ${JSON.stringify(before.map((f) => f.message))}`);
    const fixes = before[0]!.fixes ?? [];
    assert.deepEqual(fixes.map((f) => f.title), c.titles);
    assert.equal(fixes[0]!.preferred, true);
    assert.ok(fixes.slice(1).every((f) => !f.preferred), 'one preferred fix');
    for (const fix of fixes) {
      const text = applyFix(c.now, fix);
      const file = parseAvro(text, c.syntax);
      assert.deepEqual(checkAvro(file).filter((d) => d.severity !== 'hint').map((d) => d.message), [], `"${fix.title}" leaves a clean file:\n${text}`);
      assert.deepEqual(findings(text, c.old, c.syntax), [], `"${fix.title}" makes it compatible:\n${text}`);
    }
    assert.equal(applyFix(c.now, fixes[0]!), c.fixed);
  });
}

test('forward findings and types from other files offer no fixes', () => {
  const old = rec('{"name": "id", "type": "string"}, {"name": "gone", "type": "int"}');
  const now = rec('{"name": "id", "type": "string"}');
  const forward = findings(now, old, 'avsc', 'FORWARD');
  assert.deepEqual(forward.map((f) => [f.code, f.fixes]), [['READER_FIELD_MISSING_DEFAULT_VALUE', undefined]]);
  const mismatch = findings(rec('{"name": "id", "type": "int"}'), rec('{"name": "id", "type": "string"}'), 'avsc');
  assert.deepEqual(mismatch.map((f) => [f.code, f.fixes]), [['TYPE_MISMATCH', undefined]]);
});
