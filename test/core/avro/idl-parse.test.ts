// The IDL front end: tokens, spans on every lowered node, doc comments, and recovery from
// syntax errors so that one mistake yields one diagnostic and the rest of the file still checks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileToJson, parseAvdl, type EnumSchema, type FixedSchema, type RecordSchema, type UnionSchema } from '../../../server/src/core/avro/index';
import { lexIdl, stripDoc } from '../../../server/src/core/avro/idl/lexer';
import { applyFix, check, expectMarks } from './helpers';

const slice = (text: string, s: { start: number; end: number } | undefined) => (s ? text.slice(s.start, s.end) : undefined);

test('lexes identifiers with dots, dashes and backticks, numbers and strings', () => {
  const toks = lexIdl('org.acme.Foo java-class `record` 0x1F -12L 017 1.5e3 -Infinity 0x1p4 "a\\tb\\101\\u00e9"').tokens;
  assert.deepEqual(
    toks.map((t) => [t.kind, t.value]),
    [
      ['ident', 'org.acme.Foo'],
      ['ident', 'java-class'],
      ['ident', 'record'],
      ['int', '0x1F'],
      ['int', '-12L'],
      ['int', '017'],
      ['float', '1.5e3'],
      ['float', '-Infinity'],
      ['float', '0x1p4'],
      ['string', 'a\tbAé'],
      ['eof', ''],
    ],
  );
  assert.equal(toks[2]!.escaped, true);
  assert.deepEqual(toks.slice(3, 6).map((t) => t.integer), [31n, -12n, 15n]);
  assert.deepEqual([toks[6]!.number, toks[7]!.number, toks[8]!.number], [1500, -Infinity, 16]);
});

test('lexical errors are reported and lexing goes on', () => {
  const r = lexIdl('a # b "open\nc 09 "\\q" /* never');
  assert.deepEqual(
    r.diagnostics.map((d) => d.code),
    ['syntax/invalid-character', 'syntax/unterminated-string', 'syntax/invalid-number', 'syntax/invalid-escape', 'syntax/unterminated-comment'],
  );
  assert.ok(r.tokens.some((t) => t.value === 'c'));
});

test('the SUB character ends the file', () => {
  assert.deepEqual(check('schema int;\u001a anything at all', 'avdl').diagnostics, []);
});

test('doc comments lose their stars or their common indentation', () => {
  assert.equal(stripDoc(' One line. '), 'One line.');
  assert.equal(stripDoc('\n * First.\n *\n *   Indented.\n '), 'First.\n\n  Indented.');
  assert.equal(stripDoc('\n ** Double stars.\n ** Again.\n '), 'Double stars.\nAgain.');
  assert.equal(stripDoc('Title\n    body\n      deeper\n'), 'Title\nbody\n  deeper');
});

test('every lowered node keeps the span of its IDL text', () => {
  const text = `@namespace("shop")
protocol Shop {
  /** Money. */
  @aliases(["Cash"]) record Money {
    decimal(9, 2) amount = "\\u0000";
    string @order("descending") currency;
  }
  enum Kind { A, B } = B;
  fixed Hash(16);
  Money? pay(Money money, int times = 1) throws Oops;
  error Oops { string why; }
}`;
  const file = parseAvdl(text);
  assert.deepEqual(file.diagnostics, []);
  const p = file.protocol!;
  assert.equal(slice(text, p.name!.span), 'Shop');
  assert.equal(slice(text, p.namespaceAttr!.span), '"shop"');
  assert.equal(slice(text, p.span), text);
  const money = p.types[0] as RecordSchema;
  assert.equal(slice(text, money.span), text.slice(text.indexOf('@aliases'), text.indexOf('}\n  enum') + 1));
  assert.equal(slice(text, money.typeName!.span), 'record');
  assert.equal(slice(text, money.name!.span), 'Money');
  assert.equal(money.fullName, 'shop.Money');
  assert.equal(slice(text, money.doc!.span), '/** Money. */');
  assert.equal(money.doc!.text, 'Money.');
  assert.equal(slice(text, money.aliases[0]!.span), '"Cash"');
  const [amount, currency] = money.fields;
  assert.equal(slice(text, amount!.type!.span), 'decimal(9, 2)');
  assert.equal(slice(text, amount!.type!.logicalType!.span), 'decimal');
  assert.deepEqual(amount!.type!.props.map((q) => [q.key, slice(text, q.value.span)]), [['precision', '9'], ['scale', '2']]);
  assert.equal(slice(text, amount!.name!.span), 'amount');
  assert.equal(slice(text, amount!.default!.span), '"\\u0000"');
  assert.equal(slice(text, currency!.order!.span), '"descending"');
  assert.equal(slice(text, currency!.span), '@order("descending") currency');
  const kind = p.types[1] as EnumSchema;
  assert.deepEqual(kind.symbols.map((s) => slice(text, s.span)), ['A', 'B']);
  assert.equal(slice(text, kind.symbolsSpan), '{ A, B }');
  assert.equal(slice(text, kind.default!.span), 'B');
  const hash = p.types[2] as FixedSchema;
  assert.equal(slice(text, hash.size!.span), '16');
  const pay = p.messages[0]!;
  assert.equal(slice(text, pay.span), 'Money? pay(Money money, int times = 1) throws Oops;');
  assert.equal(slice(text, pay.response!.span), 'Money?');
  assert.deepEqual((pay.response as UnionSchema).branches.map((b) => slice(text, b.span)), ['?', 'Money']);
  assert.equal(slice(text, pay.requestSpan), '(Money money, int times = 1)');
  assert.deepEqual(pay.request.map((f) => slice(text, f.name!.span)), ['money', 'times']);
  assert.equal(slice(text, pay.errors[0]!.span), 'Oops');
});

test('T? puts null first, or last when the default is not null', () => {
  const file = parseAvdl('record R { int? a; int? b = null; int? c = 3; }');
  const types = (file.types[0] as RecordSchema).fields.map((f) => fileToJsonOf(f.type!));
  assert.deepEqual(types, [['null', 'int'], ['null', 'int'], ['int', 'null']]);
});

function fileToJsonOf(schema: NonNullable<RecordSchema['fields'][number]['type']>): unknown {
  return fileToJson({ syntax: 'avdl', text: '', schema, types: [], imports: [], diagnostics: [] });
}

test('a doc comment before a declaration documents it; a stray one warns with a fix', () => {
  const { text, diagnostics } = expectMarks(
    `
    /** Not attached: the namespace has no doc. */
    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ avro/misplaced-doc-comment
    namespace n;
    /** First. */ /** The record. */ record R { /** The field. */ int f; /** Dangling. */ }
    ^^^^^^^^^^^^^ avro/misplaced-doc-comment
                                                                         ^^^^^^^^^^^^^^^^ avro/misplaced-doc-comment
    `,
    'avdl',
  );
  const r = parseAvdl(text).types[0] as RecordSchema;
  assert.equal(r.doc!.text, 'The record.');
  assert.equal(r.fields[0]!.doc!.text, 'The field.');
  const fixed = applyFix(text, diagnostics[0]!.fixes![0]!);
  assert.ok(fixed.startsWith('/*  Not attached'));
});

test('syntax errors: a missing semicolon gets an insert fix and the rest still parses', () => {
  const src = 'protocol P {\n  record A {\n    int x\n    string y;\n  }\n  record B { A a; Nope n; }\n}';
  const { diagnostics } = check(src, 'avdl');
  assert.deepEqual(
    diagnostics.map((d) => [d.code, slice(src, d.span)]),
    [
      ['syntax/missing-semicolon', ''],
      ['avro/unknown-type', 'Nope'],
    ],
  );
  assert.equal(diagnostics[0]!.span.start, src.indexOf('int x') + 5);
  const fixed = applyFix(src, diagnostics[0]!.fixes![0]!);
  assert.deepEqual(check(fixed, 'avdl').diagnostics.map((d) => d.code), ['avro/unknown-type']);
});

test('syntax errors: recovery at the next declaration after garbage', () => {
  const { diagnostics, file } = check('protocol P {\n  record A { int 5; string ok; }\n  %%% ;\n  enum E { X, Y }\n  fixed F(x);\n}', 'avdl');
  assert.deepEqual(diagnostics.map((d) => [d.code, d.message]), [
    ['syntax/unexpected-token', 'unexpected number 5: expected a field name'],
    ['syntax/invalid-character', 'unexpected characters "%%%"; remove them'],
    ['syntax/unexpected-token', 'unexpected `;`: remove it'],
    ['syntax/unexpected-token', 'unexpected `x`: expected the size in bytes, such as 16'],
  ]);
  const p = file.protocol!;
  assert.deepEqual(p.types.map((t) => (t as RecordSchema).fullName), ['A', 'E', 'F']);
  assert.deepEqual((p.types[0] as RecordSchema).fields.map((f) => f.name?.text), ['ok']);
});

test('syntax errors: unclosed blocks are reported once each, at the end', () => {
  const src = 'protocol P { record R { int a; ';
  const { diagnostics } = check(src, 'avdl');
  assert.deepEqual(diagnostics.map((d) => d.code), ['syntax/missing-brace', 'syntax/missing-brace']);
});

test('syntax errors: a trailing comma in an enum or a JSON default has a removal fix', () => {
  const { text, diagnostics } = expectMarks(
    `
    record R { array<int> xs = [1, 2,]; }
                                    ^ syntax/unexpected-token
    enum E { A, B, }
                 ^ syntax/unexpected-token
    `,
    'avdl',
  );
  let fixed = text;
  for (const d of [...diagnostics].reverse()) fixed = applyFix(fixed, d.fixes![0]!);
  assert.deepEqual(check(fixed, 'avdl').diagnostics, []);
});

test('schema syntax: namespace and schema must come first', () => {
  expectMarks(
    `
    record A { int x; }
    namespace late;
              ^^^^ syntax/unexpected-token
    schema A;
    ^^^^^^ syntax/unexpected-token
    `,
    'avdl',
  );
});

test('a file holds one protocol', () => {
  expectMarks(
    `
    protocol A { }
    protocol B { }
    ^^^^^^^^ syntax/unexpected-token
    `,
    'avdl',
  );
});

test('a type reference cannot be annotated', () => {
  expectMarks(
    `
    record A { int x; }
    record B { @foo("bar") A a; }
               ^^^^^^^^^^^ avro/annotated-reference
    `,
    'avdl',
  );
});

test('@logicalType on a field warns and the fix moves it onto the type', () => {
  const { text, diagnostics } = expectMarks(
    `
    record R { long @logicalType("timestamp-millis") at; }
                     ^^^^^^^^^^^ avro/logical-type-on-field
    `,
    'avdl',
  );
  const fixed = applyFix(text, diagnostics[0]!.fixes![0]!);
  assert.equal(fixed, 'record R { @logicalType("timestamp-millis") long at; }');
  assert.deepEqual(check(fixed, 'avdl').diagnostics, []);
});

test('IDL names do not fall back to the null namespace (Avro Java qualifies them first)', () => {
  expectMarks(
    `
    @namespace("") enum Top { A }
    @namespace("n") record R { Top t; }
                               ^^^ avro/unknown-type
    `,
    'avdl',
  );
  assert.deepEqual(check('[{"type": "enum", "name": "Top", "symbols": ["A"]}, {"type": "record", "name": "n.R", "fields": [{"name": "t", "type": "Top"}]}]').diagnostics, []);
});

test('every check applies to IDL: names, defaults, duplicates, unions, logical types', () => {
  expectMarks(
    `
    namespace n;
    record R {
      int a = "x";
              ^^^ avro/default-type-mismatch
      union { null, string } b = "s";
                                 ^^^ avro/union-default-not-first
      string a;
             ^ avro/duplicate-field
      union { int, int } c;
                   ^^^ avro/duplicate-union-branch
      union { null, union { int } } d;
                    ^^^^^^^^^^^^^ avro/nested-union
      @logicalType("date") long e;
                   ^^^^^^ avro/invalid-logical-type
      Strng f;
      ^^^^^ avro/unknown-type
      int bad-name;
          ^^^^^^^^ avro/invalid-name
    }
    enum E { A, A } = C;
                ^ avro/duplicate-symbol
                      ^ avro/invalid-enum-default
    fixed F(-1);
            ^^ avro/invalid-fixed-size
    `,
    'avdl',
  );
});

test('one-way messages must return void; a message declared twice warns', () => {
  expectMarks(
    `
    protocol P { int ping() oneway; void ping(); }
                            ^^^^^^ avro/invalid-one-way
                                         ^^^^ avro/duplicate-message
    `,
    'avdl',
  );
});

test('IDL type keywords cannot name a type, unless escaped where Avro Java allows it', () => {
  expectMarks(
    `
    record \`date\` { }
           ^^^^^^ avro/reserved-name
    fixed \`decimal\`(4);
    `,
    'avdl',
  );
});

test('an empty file and an empty protocol are valid', () => {
  assert.deepEqual(check('', 'avdl').diagnostics, []);
  assert.deepEqual(check('// nothing\n', 'avdl').diagnostics, []);
  assert.deepEqual(check('protocol P {}', 'avdl').diagnostics, []);
});

test('deeply nested types are reported instead of overflowing the stack', () => {
  const text = `schema ${'array<'.repeat(5000)}int${'>'.repeat(5000)};`;
  const { diagnostics } = check(text, 'avdl');
  assert.ok(diagnostics.some((d) => d.code === 'syntax/nesting-too-deep'));
});
