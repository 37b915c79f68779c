// Findings of checkAvroMode on small schemas: `^^^ CODE` under the new text marks where each
// finding must sit in the edited file, and under the old text where its baseline points.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AvroRegistry, parseAvro, type AvroSyntax } from '../../../../server/src/core/avro/index';
import { checkAvroMode, type AvroCompatMode, type AvroFinding } from '../../../../server/src/core/compat/avro/index';
import { marked } from '../../avro/helpers';

interface Case {
  readonly name: string;
  readonly mode: AvroCompatMode;
  /** Earlier versions, oldest first; markers only in the one the findings point into. */
  readonly old: string | readonly string[];
  readonly now: string;
  readonly syntax?: AvroSyntax;
  readonly oldSyntax?: AvroSyntax;
  /** Expected anchors, in finding order by position (default: all `element`). */
  readonly anchors?: readonly string[];
  /** Phrases the messages must contain. */
  readonly says?: readonly string[];
}

function run(c: Case): { findings: AvroFinding[]; now: ReturnType<typeof marked>; olds: ReturnType<typeof marked>[] } {
  const now = marked(c.now);
  const olds = (typeof c.old === 'string' ? [c.old] : c.old).map((o) => marked(o));
  const current = { file: parseAvro(now.text, c.syntax ?? 'avsc'), uri: 'file:///new' };
  const previous = olds.map((o, i) => ({ file: parseAvro(o.text, c.oldSyntax ?? c.syntax ?? 'avsc'), uri: `file:///old${i}`, label: `v${i + 1}` }));
  for (const f of [current, ...previous]) assert.deepEqual(f.file.diagnostics.filter((d) => d.severity === 'error'), [], 'fixtures parse');
  return { findings: checkAvroMode(current, previous, c.mode), now, olds };
}

const at = (text: string, s: { start: number; end: number }, code: string) => `${code} ${JSON.stringify(text.slice(s.start, s.end))} @${s.start}`;

function expectCase(c: Case): AvroFinding[] {
  const { findings, now, olds } = run(c);
  assert.deepEqual(findings.map((f) => at(now.text, f.span, f.code)).sort(), now.marks.map((m) => at(now.text, m, m.code)).sort(), `findings in the new text: ${c.name}`);
  const marksOld = olds.flatMap((o, i) => o.marks.map((m) => `${i} ${at(o.text, m, m.code)}`)).sort();
  const gotOld = findings.flatMap((f) =>
    (f.related ?? []).map((r) => {
      const i = Number(/old(\d+)$/.exec(r.uri)![1]);
      return `${i} ${at(olds[i]!.text, r.span, f.code)}`;
    }),
  );
  assert.deepEqual([...new Set(gotOld)].sort(), [...new Set(marksOld)].sort(), `baselines in the old text: ${c.name}`);
  for (const f of findings) {
    assert.equal(f.uri, 'file:///new');
    assert.equal(f.severity, 'error');
    assert.ok(f.message[0] === f.message[0]!.toLowerCase() && !f.message.endsWith('.'), `message style: ${f.message}`);
    assert.deepEqual(f.related?.[0]?.span, f.baseline!.span, 'related starts at the baseline');
    assert.ok(f.related?.[0]?.message.includes('old schema'));
  }
  if (c.anchors) assert.deepEqual(findings.map((f) => f.anchor), c.anchors, `anchors: ${c.name}`);
  else assert.ok(findings.every((f) => f.anchor === 'element'), `anchors: ${c.name}`);
  for (const w of c.says ?? []) assert.ok(findings.some((f) => f.message.includes(w)), `${JSON.stringify(findings.map((f) => f.message))} say "${w}"`);
  return findings;
}

const cases: Case[] = [
  {
    name: 'a new field without a default sits on its name',
    mode: 'BACKWARD',
    old: `
    {"type": "record", "name": "R", "fields": [{"name": "a", "type": "int"}]}
                               ^^^ READER_FIELD_MISSING_DEFAULT_VALUE
    `,
    now: `
    {"type": "record", "name": "R", "fields": [{"name": "a", "type": "int"}, {"name": "b", "type": "string"}]}
                                                                                      ^^^ READER_FIELD_MISSING_DEFAULT_VALUE
    `,
    says: ['field b has no default', 'add a default'],
  },
  {
    name: 'a field removed while old readers need it sits on the record, pointing at the old field',
    mode: 'FORWARD',
    old: `
    {"type": "record", "name": "R", "fields": [{"name": "a", "type": "int"}, {"name": "b", "type": "string"}]}
                                                                                      ^^^ READER_FIELD_MISSING_DEFAULT_VALUE
    `,
    now: `
    {"type": "record", "name": "R", "fields": [{"name": "a", "type": "int"}]}
                               ^^^ READER_FIELD_MISSING_DEFAULT_VALUE
    `,
    anchors: ['parent'],
    says: ['record R no longer has field b'],
  },
  {
    name: 'a removed enum symbol sits on the symbols, pointing at the old symbol',
    mode: 'BACKWARD',
    old: `
    {"type": "enum", "name": "Suit", "symbols": ["HEARTS", "SPADES", "CLUBS"]}
                                                           ^^^^^^^^ MISSING_ENUM_SYMBOLS
    `,
    now: `
    {"type": "enum", "name": "Suit", "symbols": ["HEARTS", "CLUBS"]}
                                                ^^^^^^^^^^^^^^^^^^^ MISSING_ENUM_SYMBOLS
    `,
    anchors: ['parent'],
    says: ['enum Suit lacks symbol SPADES', 'default'],
  },
  {
    name: 'two removed symbols: related information points at each',
    mode: 'BACKWARD',
    old: `
    {"type": "enum", "name": "E", "symbols": ["A", "B", "C"]}
                                              ^^^ MISSING_ENUM_SYMBOLS
                                                   ^^^ MISSING_ENUM_SYMBOLS
    `,
    now: `
    {"type": "enum", "name": "E", "symbols": ["C"]}
                                             ^^^^^ MISSING_ENUM_SYMBOLS
    `,
    anchors: ['parent'],
    says: ['symbols A, B'],
  },
  {
    name: 'an added enum symbol old readers lack sits on the symbol',
    mode: 'FORWARD',
    old: `
    {"type": "enum", "name": "E", "symbols": ["A", "B"]}
                                             ^^^^^^^^^^ MISSING_ENUM_SYMBOLS
    `,
    now: `
    {"type": "enum", "name": "E", "symbols": ["A", "B", "NEW"]}
                                                        ^^^^^ MISSING_ENUM_SYMBOLS
    `,
    says: ['the old enum E lacks the new symbol NEW'],
  },
  {
    name: 'an enum default makes removed symbols readable',
    mode: 'BACKWARD',
    old: `{"type": "enum", "name": "E", "symbols": ["A", "B", "C"]}`,
    now: `{"type": "enum", "name": "E", "symbols": ["A", "B"], "default": "A"}`,
  },
  {
    name: 'a changed field type sits on the new type',
    mode: 'BACKWARD',
    old: `
    {"type": "record", "name": "R", "fields": [{"name": "n", "type": "long"}]}
                                                                     ^^^^^^ TYPE_MISMATCH
    `,
    now: `
    {"type": "record", "name": "R", "fields": [{"name": "n", "type": "int"}]}
                                                                     ^^^^^ TYPE_MISMATCH
    `,
    says: ['the new type int cannot read long', 'float or double'],
  },
  {
    name: 'a promotion is fine backward but not forward',
    mode: 'FORWARD',
    old: `
    {"type": "record", "name": "R", "fields": [{"name": "n", "type": "int"}]}
                                                                     ^^^^^ TYPE_MISMATCH
    `,
    now: `
    {"type": "record", "name": "R", "fields": [{"name": "n", "type": "long"}]}
                                                                     ^^^^^^ TYPE_MISMATCH
    `,
    says: ['the old schema reads int and cannot read the new type long', 'keep int'],
  },
  {
    name: 'a renamed record sits on its name',
    mode: 'BACKWARD',
    old: `
    {"type": "record", "name": "Order", "namespace": "shop", "fields": []}
                               ^^^^^^^ NAME_MISMATCH
    `,
    now: `
    {"type": "record", "name": "Purchase", "namespace": "shop", "fields": []}
                               ^^^^^^^^^^ NAME_MISMATCH
    `,
    says: ['add the alias "shop.Order"'],
  },
  {
    name: 'a resized fixed sits on the size',
    mode: 'BACKWARD',
    old: `
    {"type": "fixed", "name": "Hash", "size": 16}
                                              ^^ FIXED_SIZE_MISMATCH
    `,
    now: `
    {"type": "fixed", "name": "Hash", "size": 32}
                                              ^^ FIXED_SIZE_MISMATCH
    `,
    says: ['fixed Hash has size 32', 'keep size 16'],
  },
  {
    name: 'a removed union branch sits on the union, pointing at the old branch',
    mode: 'BACKWARD',
    old: `
    {"type": "record", "name": "R", "fields": [{"name": "v", "type": ["null", "string", "long"]}]}
                                                                                        ^^^^^^ MISSING_UNION_BRANCH
    `,
    now: `
    {"type": "record", "name": "R", "fields": [{"name": "v", "type": ["null", "string"]}]}
                                                                     ^^^^^^^^^^^^^^^^^^ MISSING_UNION_BRANCH
    `,
    anchors: ['parent'],
    says: ['the union lacks long'],
  },
  {
    name: 'an added union branch old readers lack sits on the branch',
    mode: 'FORWARD',
    old: `
    {"type": "record", "name": "R", "fields": [{"name": "v", "type": ["null", "string"]}]}
                                                                     ^^^^^^^^^^^^^^^^^^ MISSING_UNION_BRANCH
    `,
    now: `
    {"type": "record", "name": "R", "fields": [{"name": "v", "type": ["null", "string", {"type": "array", "items": "int"}]}]}
                                                                                                 ^^^^^^^ MISSING_UNION_BRANCH
    `,
    says: ['the old union has no branch for the new array'],
  },
  {
    name: 'a type turned into a union the old data does not fit',
    mode: 'BACKWARD',
    old: `
    {"type": "record", "name": "R", "fields": [{"name": "v", "type": "int"}]}
                                                                     ^^^^^ MISSING_UNION_BRANCH
    `,
    now: `
    {"type": "record", "name": "R", "fields": [{"name": "v", "type": ["null", "string"]}]}
                                                                     ^^^^^^^^^^^^^^^^^^ MISSING_UNION_BRANCH
    `,
    says: ['no branch of the union reads int'],
  },
  {
    name: 'a change inside a named type used by reference: the reference for the type, the definition for its name',
    mode: 'BACKWARD',
    old: `
    {"type": "record", "name": "R", "fields": [
      {"name": "a", "type": {"type": "enum", "name": "E", "symbols": ["X"]}},
                                                     ^^^ NAME_MISMATCH
      {"name": "b", "type": "E"},
      {"name": "c", "type": "E"}
                            ^^^ TYPE_MISMATCH
    ]}
    `,
    now: `
    {"type": "record", "name": "R", "fields": [
      {"name": "a", "type": {"type": "enum", "name": "F", "symbols": ["X"]}},
                                                     ^^^ NAME_MISMATCH
      {"name": "b", "type": "F"},
      {"name": "c", "type": "string"}
                            ^^^^^^^^ TYPE_MISMATCH
    ]}
    `,
  },
  {
    name: 'FULL reports both directions',
    mode: 'FULL',
    old: `
    {"type": "record", "name": "R", "fields": [{"name": "a", "type": "int"}, {"name": "gone", "type": "int"}]}
                               ^^^ READER_FIELD_MISSING_DEFAULT_VALUE
                                                                                      ^^^^^^ READER_FIELD_MISSING_DEFAULT_VALUE
    `,
    now: `
    {"type": "record", "name": "R", "fields": [{"name": "a", "type": "int"}, {"name": "new", "type": "int"}]}
                               ^^^ READER_FIELD_MISSING_DEFAULT_VALUE
                                                                                      ^^^^^ READER_FIELD_MISSING_DEFAULT_VALUE
    `,
    anchors: ['parent', 'element'],
  },
  {
    name: 'a new enum field without a default: Java calls it a type mismatch, we show it as a missing default',
    mode: 'BACKWARD',
    old: `
    {"type": "record", "name": "R", "fields": []}
                               ^^^ TYPE_MISMATCH
    `,
    now: `
    {"type": "record", "name": "R", "fields": [{"name": "e", "type": {"type": "enum", "name": "E", "symbols": ["A"], "default": "A"}}]}
                                                        ^^^ TYPE_MISMATCH
    `,
    says: ['field e has no default', 'add a default'],
  },
  {
    name: 'NONE checks nothing',
    mode: 'NONE',
    old: `{"type": "record", "name": "R", "fields": [{"name": "a", "type": "int"}]}`,
    now: `{"type": "enum", "name": "R", "symbols": []}`,
  },
];

for (const c of cases) test(c.name, () => void expectCase(c));

test('a rename with an alias is fine backward and fails forward on the name', () => {
  const old = `{"type": "record", "name": "Order", "namespace": "shop", "fields": []}`;
  const now = `{"type": "record", "name": "Purchase", "namespace": "shop", "aliases": ["Order"], "fields": []}`;
  const check = (mode: AvroCompatMode) =>
    checkAvroMode({ file: parseAvro(now, 'avsc'), uri: 'n' }, [{ file: parseAvro(old, 'avsc'), uri: 'o' }], mode).map((f) => `${f.direction} ${f.code} ${now.slice(f.span.start, f.span.end)}`);
  assert.deepEqual(check('BACKWARD'), []);
  assert.deepEqual(check('FORWARD'), ['forward NAME_MISMATCH "Purchase"']);
  assert.deepEqual(check('FULL'), ['forward NAME_MISMATCH "Purchase"']);
});

// Avro IDL lowers to the same tree, so findings land on IDL text the same way.
const idlCases: Case[] = [
  {
    name: 'IDL schema syntax against the .avsc it replaces',
    mode: 'BACKWARD',
    syntax: 'avdl',
    oldSyntax: 'avsc',
    old: `
    {"type": "record", "name": "Order", "namespace": "shop", "fields": [
                               ^^^^^^^ READER_FIELD_MISSING_DEFAULT_VALUE
      {"name": "id", "type": "string"},
      {"name": "qty", "type": "long"},
                              ^^^^^^ TYPE_MISMATCH
      {"name": "kind", "type": {"type": "enum", "name": "Kind", "symbols": ["A", "B", "C"]}}
                                                                                      ^^^ MISSING_ENUM_SYMBOLS
    ]}
    `,
    now: `
    namespace shop;
    schema Order;
    enum Kind { A, B }
              ^^^^^^^^ MISSING_ENUM_SYMBOLS
    record Order {
      string id;
      int qty;
      ^^^ TYPE_MISMATCH
      Kind kind;
      string? note = null;
      int added;
          ^^^^^ READER_FIELD_MISSING_DEFAULT_VALUE
    }
    `,
    anchors: ['parent', 'element', 'element'],
  },
  {
    name: 'IDL nullable shorthand: the union is the text that implies it',
    mode: 'BACKWARD',
    syntax: 'avdl',
    old: `
    namespace shop;
    schema Order;
    record Order { union { null, string, long } note = null; }
                                         ^^^^ MISSING_UNION_BRANCH
    `,
    now: `
    namespace shop;
    schema Order;
    record Order { string? note = null; }
                   ^^^^^^^ MISSING_UNION_BRANCH
    `,
    anchors: ['parent'],
  },
  {
    name: 'IDL protocols are compared type by type, by full name or alias',
    mode: 'BACKWARD',
    syntax: 'avdl',
    old: `
    @namespace("shop")
    protocol Shop {
      record Customer { string name; }
             ^^^^^^^^ READER_FIELD_MISSING_DEFAULT_VALUE
      record Order { string id; }
                     ^^^^^^ TYPE_MISMATCH
      record Gone { int x; }
    }
    `,
    now: `
    @namespace("shop")
    protocol Shop {
      @aliases(["Customer"]) record Client { string name; string email; }
                                                                 ^^^^^ READER_FIELD_MISSING_DEFAULT_VALUE
      record Order { int id; }
                     ^^^ TYPE_MISMATCH
      record Brand { string label; }
    }
    `,
  },
];

for (const c of idlCases) test(c.name, () => void expectCase(c));

test('a file with a main schema against a protocol: the main schema is matched by name', () => {
  const now = parseAvro('{"type": "record", "name": "shop.Order", "fields": [{"name": "id", "type": "int"}]}', 'avsc');
  const old = parseAvro('@namespace("shop") protocol P { record Customer { string name; } record Order { string id; } }', 'avdl');
  const findings = checkAvroMode({ file: now, uri: 'n' }, [{ file: old, uri: 'o' }], 'BACKWARD');
  assert.deepEqual(findings.map((f) => [f.code, f.location, f.schemaName]), [['TYPE_MISMATCH', '/fields/0/type', 'shop.Order']]);
});

test('the schema option restricts the comparison to one named type', () => {
  const now = parseAvro('@namespace("s") protocol P { record A { int x; } record B { int y; } }', 'avdl');
  const old = parseAvro('@namespace("s") protocol P { record A { string x; } record B { string y; } }', 'avdl');
  const names = (schema?: string) =>
    checkAvroMode({ file: now, uri: 'n' }, [{ file: old, uri: 'o' }], 'BACKWARD', schema ? { schema } : {}).map((f) => f.schemaName);
  assert.deepEqual(names(), ['s.A', 's.B']);
  assert.deepEqual(names('s.B'), ['s.B']);
  assert.deepEqual(names('s.Missing'), []);
});

test('a type defined in another file resolves through the registry, and findings stay in the current file', () => {
  const money = (type: string) => parseAvro(`{"type": "record", "name": "x.Money", "fields": [{"name": "units", "type": "${type}"}]}`, 'avsc');
  const nowRegistry = new AvroRegistry();
  nowRegistry.setFile('money-new', money('int'));
  const oldRegistry = new AvroRegistry();
  oldRegistry.setFile('money-old', money('long'));
  const text = '{"type": "record", "name": "x.Order", "fields": [{"name": "price", "type": "Money"}]}';
  const findings = checkAvroMode(
    { file: parseAvro(text, 'avsc'), uri: 'order', registry: nowRegistry },
    [{ file: parseAvro(text, 'avsc'), uri: 'order-old', registry: oldRegistry }],
    'BACKWARD',
  );
  assert.deepEqual(findings.map((f) => [f.code, f.location, text.slice(f.span.start, f.span.end)]), [['TYPE_MISMATCH', '/fields/0/type/fields/0/type', '"Money"']]);
});

test('unresolved and broken schemas are judged where possible and never throw', () => {
  const texts = [
    '{"type": "record", "name": "R", "fields": [{"name": "a", "type": "Nowhere"}]}',
    '{"type": "record", "name": "R", "fields": [{"name": "a"}, {"type": "int"}, {"name": "c", "type": "int"}]}',
    '{"type": "record", "name": "R", "fields": [{"name": "a", "type": ',
    '{"type": "fixed", "name": "F", "size": "x"}',
    '{"type": "enum", "name": "E"}',
    '[',
    '',
    '{"type": "array"}',
  ];
  for (const a of texts) {
    for (const b of texts) {
      for (const mode of ['FULL', 'BACKWARD'] as const) {
        const findings = checkAvroMode({ file: parseAvro(a, 'avsc'), uri: 'a' }, [{ file: parseAvro(b, 'avsc'), uri: 'b' }], mode);
        for (const f of findings) assert.ok(f.span.start >= 0 && f.span.end <= a.length, `span inside the text for ${a} / ${b}`);
      }
    }
  }
  const unresolved = checkAvroMode({ file: parseAvro(texts[0]!, 'avsc'), uri: 'a' }, [{ file: parseAvro('{"type": "record", "name": "R", "fields": [{"name": "a", "type": "int"}]}', 'avsc'), uri: 'b' }], 'FULL');
  assert.deepEqual(unresolved, [], 'an unresolved type is not judged');
});
