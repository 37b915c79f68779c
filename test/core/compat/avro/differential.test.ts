// Reader/writer pairs of our own, one or more per rule, judged by our checker and by python3-avro
// in one python run. Each row also states the expected answer, so the table reads as the rules.
// Where Avro Java 1.12 (which we follow) and python3-avro 1.11 disagree, the row says why and
// states python's answer, which the test also checks, so a change on either side shows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PRIMITIVE_TYPES } from '../../../../server/src/core/avro/index';
import { AVRO_INCOMPATIBILITY_TYPES } from '../../../../server/src/core/compat/avro/index';
import { assertSameAsOracle, ours, pairs, sortedTypes } from './helpers';
import { oracle } from './oracle';

type J = unknown;
const rec = (name: string, fields: J[], extra: Record<string, J> = {}): J => ({ type: 'record', name, ...extra, fields });
const field = (name: string, type: J, extra: Record<string, J> = {}): J => ({ name, type, ...extra });
const enm = (name: string, symbols: string[], extra: Record<string, J> = {}): J => ({ type: 'enum', name, symbols, ...extra });
const fixed = (name: string, size: number, extra: Record<string, J> = {}): J => ({ type: 'fixed', name, size, ...extra });
const arr = (items: J): J => ({ type: 'array', items });
const map = (values: J): J => ({ type: 'map', values });

interface Row {
  readonly name: string;
  readonly reader: J;
  readonly writer: J;
  /** Our answer (Avro Java 1.12's): the incompatibilities as `TYPE location`, sorted; [] = compatible. */
  readonly expect: readonly string[];
  /** When python3-avro 1.11 answers otherwise: its types and why it differs. */
  readonly python?: { readonly types: readonly string[]; readonly why: string };
}

const R1 = rec('R', [field('a', 'int')]);
const linked = (extra: J[] = []): J => rec('Node', [field('value', 'int'), field('next', ['null', 'Node'], { default: null }), ...extra]);

const rows: Row[] = [
  // Records: fields by name, defaults, aliases, order.
  { name: 'identical records', reader: R1, writer: R1, expect: [] },
  { name: 'reader adds a field with a default', reader: rec('R', [field('a', 'int'), field('b', 'string', { default: '' })]), writer: R1, expect: [] },
  { name: 'reader adds a field with a null default', reader: rec('R', [field('a', 'int'), field('b', ['null', 'string'], { default: null })]), writer: R1, expect: [] },
  { name: 'reader adds a field without a default', reader: rec('R', [field('a', 'int'), field('b', 'string')]), writer: R1, expect: ['READER_FIELD_MISSING_DEFAULT_VALUE /fields/1'] },
  { name: 'reader drops a field', reader: rec('R', []), writer: R1, expect: [] },
  { name: 'fields reordered', reader: rec('R', [field('b', 'long'), field('a', 'int')]), writer: rec('R', [field('a', 'int'), field('b', 'long')]), expect: [] },
  { name: 'field renamed with a reader alias', reader: rec('R', [field('z', 'int', { aliases: ['a'] })]), writer: R1, expect: [] },
  { name: 'field renamed without an alias', reader: rec('R', [field('z', 'int')]), writer: R1, expect: ['READER_FIELD_MISSING_DEFAULT_VALUE /fields/0'] },
  { name: 'a writer field alias does not help', reader: rec('R', [field('z', 'int')]), writer: rec('R', [field('a', 'int', { aliases: ['z'] })]), expect: ['READER_FIELD_MISSING_DEFAULT_VALUE /fields/0'] },
  { name: 'alias match keeps type checking', reader: rec('R', [field('z', 'string', { aliases: ['a'] })]), writer: R1, expect: ['TYPE_MISMATCH /fields/0/type'] },
  { name: 'second alias matches', reader: rec('R', [field('z', 'int', { aliases: ['y', 'a'] })]), writer: R1, expect: [] },
  { name: 'field type changes incompatibly', reader: rec('R', [field('a', 'string')]), writer: R1, expect: ['TYPE_MISMATCH /fields/0/type'] },
  { name: 'field promoted', reader: rec('R', [field('a', 'double')]), writer: R1, expect: [] },
  { name: 'every field problem at once', reader: rec('R', [field('x', 'string'), field('y', 'int'), field('a', 'boolean')]), writer: rec('R', [field('a', 'int'), field('x', 'int')]), expect: ['READER_FIELD_MISSING_DEFAULT_VALUE /fields/1', 'TYPE_MISMATCH /fields/0/type', 'TYPE_MISMATCH /fields/2/type'] },
  { name: 'nested record field', reader: rec('R', [field('in', rec('In', [field('p', 'int'), field('q', 'bytes')]))]), writer: rec('R', [field('in', rec('In', [field('p', 'int'), field('q', 'int')]))]), expect: ['TYPE_MISMATCH /fields/0/type/fields/1/type'] },
  { name: 'nested record gains a field without default', reader: rec('R', [field('in', rec('In', [field('p', 'int')]))]), writer: rec('R', [field('in', rec('In', []))]), expect: ['READER_FIELD_MISSING_DEFAULT_VALUE /fields/0/type/fields/0'] },
  {
    name: 'enum-typed reader field missing in the writer, enum with a default (Java quirk)',
    reader: rec('R', [field('e', enm('E', ['A', 'B'], { default: 'A' }))]),
    writer: rec('R', []),
    expect: ['TYPE_MISMATCH /fields/0/type'],
  },
  { name: 'enum-typed reader field missing in the writer, no enum default', reader: rec('R', [field('e', enm('E', ['A']))]), writer: rec('R', []), expect: ['READER_FIELD_MISSING_DEFAULT_VALUE /fields/0'] },
  { name: 'enum field missing in the writer but with a field default', reader: rec('R', [field('e', enm('E', ['A'], { default: 'A' }), { default: 'A' })]), writer: rec('R', []), expect: [] },
  // Names: unqualified, reader aliases by full name.
  { name: 'record renamed', reader: rec('S', [field('a', 'int')]), writer: R1, expect: ['NAME_MISMATCH /name'] },
  { name: 'record renamed with a full-name reader alias', reader: rec('S', [field('a', 'int')], { aliases: ['R'] }), writer: R1, expect: [] },
  { name: 'a writer alias does not help a renamed record', reader: rec('S', [field('a', 'int')]), writer: rec('R', [field('a', 'int')], { aliases: ['S'] }), expect: ['NAME_MISMATCH /name'] },
  { name: 'namespace change only', reader: rec('R', [field('a', 'int')], { namespace: 'x' }), writer: rec('R', [field('a', 'int')], { namespace: 'y' }), expect: [] },
  { name: 'renamed across namespaces with a qualified alias', reader: rec('S', [], { namespace: 'x', aliases: ['y.R'] }), writer: rec('R', [], { namespace: 'y' }), expect: [] },
  { name: 'an alias qualified into the wrong namespace', reader: rec('S', [], { namespace: 'x', aliases: ['R'] }), writer: rec('R', [], { namespace: 'y' }), expect: ['NAME_MISMATCH /name'] },
  {
    name: 'relative alias in the same namespace',
    reader: rec('S', [], { namespace: 'x', aliases: ['R'] }),
    writer: rec('R', [], { namespace: 'x' }),
    expect: [],
    python: { types: ['NAME_MISMATCH'], why: 'python compares the alias as written ("R") with the full name "x.R"; Java qualifies the alias with the namespace' },
  },
  {
    name: 'dotted names in different namespaces',
    reader: rec('a.R', []),
    writer: rec('b.R', []),
    expect: [],
    python: { types: ['NAME_MISMATCH'], why: 'python compares the names as written ("a.R", "b.R"); Java compares the simple names' },
  },
  { name: 'record and nested enum renamed', reader: rec('S', [field('e', enm('F', ['A']))]), writer: rec('R', [field('e', enm('E', ['A']))]), expect: ['NAME_MISMATCH /fields/0/type/name', 'NAME_MISMATCH /name'] },
  // Enums.
  { name: 'identical enums', reader: enm('E', ['A', 'B']), writer: enm('E', ['A', 'B']), expect: [] },
  { name: 'reader adds a symbol', reader: enm('E', ['A', 'B', 'C']), writer: enm('E', ['A', 'B']), expect: [] },
  { name: 'symbols reordered', reader: enm('E', ['B', 'A']), writer: enm('E', ['A', 'B']), expect: [] },
  { name: 'reader lacks symbols', reader: enm('E', ['A']), writer: enm('E', ['A', 'C', 'B']), expect: ['MISSING_ENUM_SYMBOLS /symbols'] },
  { name: 'reader lacks a symbol but has a default', reader: enm('E', ['A', 'B'], { default: 'A' }), writer: enm('E', ['A', 'B', 'C']), expect: [] },
  { name: 'only the writer has a default', reader: enm('E', ['A', 'B']), writer: enm('E', ['A', 'B', 'C'], { default: 'A' }), expect: ['MISSING_ENUM_SYMBOLS /symbols'] },
  { name: 'enum renamed and lacking symbols', reader: enm('F', ['A']), writer: enm('E', ['A', 'B']), expect: ['MISSING_ENUM_SYMBOLS /symbols', 'NAME_MISMATCH /name'] },
  { name: 'enum renamed with an alias', reader: enm('F', ['A'], { aliases: ['E'] }), writer: enm('E', ['A']), expect: [] },
  {
    name: 'one enum used twice is judged once and reported twice',
    reader: rec('R', [field('a', enm('E', ['A'])), field('b', 'E')]),
    writer: rec('R', [field('a', enm('E', ['A', 'B'])), field('b', 'E')]),
    expect: ['MISSING_ENUM_SYMBOLS /fields/0/type/symbols', 'MISSING_ENUM_SYMBOLS /fields/0/type/symbols'],
  },
  // Fixed.
  { name: 'identical fixed', reader: fixed('F', 16), writer: fixed('F', 16), expect: [] },
  { name: 'fixed size changed', reader: fixed('F', 8), writer: fixed('F', 16), expect: ['FIXED_SIZE_MISMATCH /size'] },
  { name: 'fixed renamed', reader: fixed('G', 16), writer: fixed('F', 16), expect: ['NAME_MISMATCH /name'] },
  { name: 'fixed renamed and resized', reader: fixed('G', 4), writer: fixed('F', 16), expect: ['FIXED_SIZE_MISMATCH /size', 'NAME_MISMATCH /name'] },
  { name: 'fixed with a logical type on one side', reader: { ...(fixed('F', 12) as object), logicalType: 'duration' }, writer: fixed('F', 12), expect: [] },
  // Arrays and maps recurse.
  { name: 'array items promoted', reader: arr('long'), writer: arr('int'), expect: [] },
  { name: 'array items mismatch', reader: arr('int'), writer: arr('long'), expect: ['TYPE_MISMATCH /items'] },
  { name: 'map values mismatch', reader: map('string'), writer: map('boolean'), expect: ['TYPE_MISMATCH /values'] },
  { name: 'map of arrays of records', reader: map(arr(rec('X', [field('n', 'int')]))), writer: map(arr(rec('X', []))), expect: ['READER_FIELD_MISSING_DEFAULT_VALUE /values/items/fields/0'] },
  { name: 'array against map', reader: arr('int'), writer: map('int'), expect: ['TYPE_MISMATCH /'] },
  // Unions.
  { name: 'reader union is a superset', reader: ['null', 'string', 'int'], writer: ['null', 'int'], expect: [] },
  { name: 'union reordered', reader: ['int', 'null'], writer: ['null', 'int'], expect: [] },
  { name: 'reader union lacks a writer branch', reader: ['null', 'string'], writer: ['null', 'string', 'long'], expect: ['MISSING_UNION_BRANCH /2'] },
  { name: 'reader union reads a writer branch by promotion', reader: ['null', 'double'], writer: ['null', 'float'], expect: [] },
  { name: 'non-union writer, reader union containing it', reader: ['null', 'string'], writer: 'string', expect: [] },
  { name: 'non-union writer promoted into a union branch', reader: ['null', 'long'], writer: 'int', expect: [] },
  { name: 'non-union writer, reader union lacking it', reader: ['null', 'string'], writer: 'int', expect: ['MISSING_UNION_BRANCH /'] },
  { name: 'union writer, reader reads every branch', reader: 'double', writer: ['int', 'float'], expect: [] },
  { name: 'union writer, reader reads some branches', reader: rec('R', [field('f', 'string')]), writer: rec('R', [field('f', ['null', 'string'])]), expect: ['TYPE_MISMATCH /fields/0/type/0'] },
  { name: 'union writer of records, reader one record', reader: arr(rec('A', [])), writer: arr([rec('A', []), rec('B', [])]), expect: ['NAME_MISMATCH /items/1/name'] },
  {
    name: 'a problem inside a union branch surfaces as a missing branch',
    reader: rec('R', [field('o', ['null', rec('In', [field('p', 'int')])])]),
    writer: rec('R', [field('o', ['null', rec('In', [])])]),
    expect: ['MISSING_UNION_BRANCH /fields/0/type/1'],
  },
  {
    name: 'non-union writer needs one reader branch that reads it completely',
    reader: ['null', rec('R', [field('a', 'int'), field('b', 'int')])],
    writer: R1,
    expect: ['MISSING_UNION_BRANCH /'],
  },
  { name: 'event union gains a record', reader: [rec('A', []), rec('B', []), rec('C', [])], writer: [rec('A', []), rec('B', [])], expect: [] },
  { name: 'event union loses a record', reader: [rec('A', []), rec('C', [])], writer: [rec('A', []), rec('B', [])], expect: ['MISSING_UNION_BRANCH /1'] },
  { name: 'empty unions', reader: [], writer: [], expect: [] },
  { name: 'empty reader union', reader: [], writer: 'int', expect: ['MISSING_UNION_BRANCH /'] },
  { name: 'union against a nested union in an array', reader: arr(['null', 'int']), writer: arr(['null', 'int', 'string']), expect: ['MISSING_UNION_BRANCH /items/2'] },
  // Type mismatches of every kind.
  { name: 'record against enum', reader: rec('X', []), writer: enm('X', ['A']), expect: ['TYPE_MISMATCH /'] },
  { name: 'enum against string', reader: enm('E', ['A']), writer: 'string', expect: ['TYPE_MISMATCH /'] },
  { name: 'string against enum', reader: 'string', writer: enm('E', ['A']), expect: ['TYPE_MISMATCH /'] },
  { name: 'fixed against bytes', reader: fixed('F', 4), writer: 'bytes', expect: ['TYPE_MISMATCH /'] },
  { name: 'bytes against fixed', reader: 'bytes', writer: fixed('F', 4), expect: ['TYPE_MISMATCH /'] },
  { name: 'map against record', reader: map('int'), writer: rec('R', []), expect: ['TYPE_MISMATCH /'] },
  { name: 'record against union of one record', reader: rec('A', []), writer: [rec('A', [])], expect: [] },
  // Logical types and doc are ignored.
  { name: 'logical type added', reader: { type: 'int', logicalType: 'date' }, writer: 'int', expect: [] },
  { name: 'decimal precision changed', reader: { type: 'bytes', logicalType: 'decimal', precision: 10, scale: 2 }, writer: { type: 'bytes', logicalType: 'decimal', precision: 4, scale: 1 }, expect: [] },
  { name: 'doc changed', reader: rec('R', [field('a', 'int', { doc: 'x' })], { doc: 'y' }), writer: R1, expect: [] },
  // Recursion.
  { name: 'recursive record, identical', reader: linked(), writer: linked(), expect: [] },
  { name: 'recursive record, reader adds a field with a default', reader: linked([field('w', 'int', { default: 0 })]), writer: linked(), expect: [] },
  { name: 'recursive record, reader adds a field without a default', reader: linked([field('w', 'int')]), writer: linked(), expect: ['READER_FIELD_MISSING_DEFAULT_VALUE /fields/2'] },
  {
    name: 'mutually recursive records',
    reader: rec('A', [field('b', ['null', rec('B', [field('a', ['null', 'A']), field('n', 'long')])])]),
    writer: rec('A', [field('b', ['null', rec('B', [field('a', ['null', 'A']), field('n', 'int')])])]),
    expect: [],
  },
];

// Every primitive against every primitive: the promotion table.
for (const r of PRIMITIVE_TYPES) {
  for (const w of PRIMITIVE_TYPES) {
    const ok = r === w || (w === 'int' && ['long', 'float', 'double'].includes(r)) || (w === 'long' && ['float', 'double'].includes(r)) || (w === 'float' && r === 'double') || (r === 'string' && w === 'bytes') || (r === 'bytes' && w === 'string');
    rows.push({ name: `primitive ${r} reads ${w}`, reader: r, writer: w, expect: ok ? [] : ['TYPE_MISMATCH /'] });
  }
}

test('the table covers every incompatibility type', () => {
  const seen = new Set(rows.flatMap((r) => r.expect.map((e) => e.split(' ')[0])));
  assert.deepEqual([...seen].sort(), [...AVRO_INCOMPATIBILITY_TYPES].sort());
});

test('our verdicts equal python3-avro on every pair of the table', () => {
  const texts = rows.map((r) => ({ reader: JSON.stringify(r.reader, null, 1), writer: JSON.stringify(r.writer, null, 1) }));
  const answers = oracle(texts);
  rows.forEach((row, i) => {
    const got = ours(texts[i]!.reader, texts[i]!.writer);
    assert.deepEqual(pairs(got), [...row.expect].sort(), `our answer for "${row.name}"`);
    assert.equal(got.compatible, row.expect.length === 0, `our verdict for "${row.name}"`);
    const answer = answers[i]!;
    if (row.python) {
      assert.ok(answer.ok, `python3-avro judges "${row.name}": ${answer.error}`);
      assert.deepEqual(answer.types, [...row.python.types].sort(), `python3-avro still differs on "${row.name}" (${row.python.why})`);
      assert.notDeepEqual(sortedTypes(got), answer.types);
    } else {
      assertSameAsOracle(got, answer, `"${row.name}"`);
    }
  });
});

test('details are Java\'s messages', () => {
  const details = (reader: J, writer: J) => ours(JSON.stringify(reader), JSON.stringify(writer)).incompatibilities.map((i) => i.detail);
  assert.deepEqual(details(enm('E', ['A']), enm('E', ['C', 'A', 'B'])), ['[B, C]']);
  assert.deepEqual(details(fixed('F', 8), fixed('F', 16)), ['expected: 16, found: 8']);
  assert.deepEqual(details(rec('S', [], { namespace: 'x' }), rec('R', [], { namespace: 'y' })), ['expected: y.R']);
  assert.deepEqual(details(rec('R', [field('b', 'int')]), rec('R', [])), ['b']);
  assert.deepEqual(details('string', 'int'), ['reader type: STRING not compatible with writer type: INT']);
  assert.deepEqual(details(['null'], ['null', 'long']), ['reader union lacking writer type: LONG']);
  assert.deepEqual(details(['null'], rec('R', [])), ['reader union lacking writer type: RECORD']);
});
