import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseProto } from '../../../server/src/core/proto/parser';
import type {
  AnyDecl,
  Constant,
  EnumDecl,
  FieldDecl,
  MessageDecl,
  OptionDecl,
  ParseResult,
  ServiceDecl,
} from '../../../server/src/core/proto/ast';
import { assertSpansNested, lineCol, textFixture, type Span, type TextFixture } from './fixture';

interface Parsed extends ParseResult {
  readonly text: string;
  readonly fx: TextFixture;
  slice(span: Span | undefined): string | undefined;
}

function parse(source: string): Parsed {
  const fx = textFixture(source);
  const r = parseProto(fx.text);
  assertSpansNested(r.ast, fx.text.length);
  return { ...r, text: fx.text, fx, slice: (s) => (s ? fx.text.slice(s.start, s.end) : undefined) };
}

/** Parses and asserts that the diagnostics are exactly the marked ones: code and span. */
function expectDiagnostics(source: string): Parsed {
  const p = parse(source);
  const show = (code: string, s: Span) => `${code} ${lineCol(p.text, s.start)}-${lineCol(p.text, s.end)}`;
  const actual = p.diagnostics.map((d) => show(d.code, d.span)).sort();
  const expected = p.fx.marks.map((m) => show(m.label, m.span)).sort();
  assert.deepEqual(actual, expected, `actual: ${p.diagnostics.map((d) => `${show(d.code, d.span)} (${d.message})`).join('; ')}`);
  return p;
}

/** Parses text that must be free of diagnostics. */
function clean(source: string): Parsed {
  return expectDiagnostics(source);
}

/** A compact rendering of declarations, to assert the shape of a tree in one line per node. */
function outline(nodes: readonly AnyDecl[]): unknown[] {
  return nodes.map((n): unknown => {
    const opts = (o: readonly OptionDecl[]) => (o.length ? ` [${o.map(showOption).join(', ')}]` : '');
    switch (n.kind) {
      case 'syntax':
        return `${n.keyword} ${n.value ?? '?'}`;
      case 'package':
        return `package ${n.name?.text ?? '?'}`;
      case 'import':
        return `import${n.modifier ? ' ' + n.modifier.value : ''} ${n.path ?? '?'}`;
      case 'option':
        return `option ${showOption(n)}`;
      case 'message':
        return [`message ${n.name?.text ?? '?'}`, outline(n.body)];
      case 'enum':
        return [`enum ${n.name?.text ?? '?'}`, outline(n.body)];
      case 'service':
        return [`service ${n.name?.text ?? '?'}`, outline(n.body)];
      case 'extend':
        return [`extend ${n.extendee?.text ?? '?'}`, outline(n.body)];
      case 'oneof':
        return [`oneof ${n.name?.text ?? '?'}`, outline(n.body)];
      case 'field':
        return `${n.label ? n.label.value + ' ' : ''}${n.type.text} ${n.name?.text ?? '?'} = ${n.number?.text ?? '?'}${opts(n.options)}`;
      case 'mapField':
        return `map<${n.keyType?.text ?? '?'}, ${n.valueType?.text ?? '?'}> ${n.name?.text ?? '?'} = ${n.number?.text ?? '?'}${opts(n.options)}`;
      case 'group':
        return [`${n.label ? n.label.value + ' ' : ''}group ${n.name?.text ?? '?'} = ${n.number?.text ?? '?'}${opts(n.options)}`, outline(n.body)];
      case 'enumValue':
        return `${n.name.text} = ${n.number?.text ?? '?'}${opts(n.options)}`;
      case 'reserved':
        return `reserved ${[...n.ranges.map(showRange), ...n.names.map((x) => (x.quoted ? JSON.stringify(x.text) : x.text))].join(', ')}`;
      case 'extensions':
        return `extensions ${n.ranges.map(showRange).join(', ')}${opts(n.options)}`;
      case 'rpc':
        return `rpc ${n.name?.text ?? '?'}(${n.inputStream ? 'stream ' : ''}${n.input?.text ?? '?'}) returns (${n.outputStream ? 'stream ' : ''}${n.output?.text ?? '?'})${opts(n.options)}`;
      case 'empty':
        return ';';
    }
  });
}

function showRange(r: { start: { text: string }; end?: { kind: string; text?: string } }): string {
  return r.end ? `${r.start.text} to ${r.end.kind === 'max' ? 'max' : r.end.text}` : r.start.text;
}

function showOption(o: OptionDecl): string {
  const name = o.name.parts.map((p) => (p.extension ? `(${p.text})` : p.text)).join('.');
  return `${name} = ${o.value ? o.value.text : '?'}`;
}

const byKind = <K extends AnyDecl['kind']>(nodes: readonly AnyDecl[], kind: K) =>
  nodes.filter((n): n is Extract<AnyDecl, { kind: K }> => n.kind === kind);

// ------------------------------------------------------------------ constructs

test('file header: syntax, edition, package and every kind of import', () => {
  const p = clean(`
syntax = "proto3";
package foo.bar.v1;
import "a.proto";
import public "b.proto";
import weak 'c.proto';
import option "d.proto";
`);
  assert.deepEqual(outline(p.ast.body), [
    'syntax proto3',
    'package foo.bar.v1',
    'import a.proto',
    'import public b.proto',
    'import weak c.proto',
    'import option d.proto',
  ]);
  const [syntax, pkg, , pub] = p.ast.body as [AnyDecl, AnyDecl, AnyDecl, AnyDecl];
  assert.equal(p.slice(syntax.span), 'syntax = "proto3";');
  assert.ok(syntax.kind === 'syntax');
  assert.equal(p.slice(syntax.keywordSpan), 'syntax');
  assert.equal(p.slice(syntax.valueSpan), '"proto3"');
  assert.ok(pkg.kind === 'package' && pub.kind === 'import');
  assert.equal(p.slice(pkg.name!.span), 'foo.bar.v1');
  assert.equal(p.slice(pub.modifier!.span), 'public');
  assert.equal(p.slice(pub.pathSpan), '"b.proto"');
  assert.equal(p.slice(pub.span), 'import public "b.proto";');

  for (const edition of ['2023', '2024', '2026', 'UNSTABLE']) {
    const e = clean(`edition = "${edition}";`).ast.body[0]!;
    assert.ok(e.kind === 'syntax');
    assert.deepEqual([e.keyword, e.value], ['edition', edition]);
  }
});

test('option names and every kind of option value', () => {
  const p = clean(`
option java_package = "com.example";
option (my.ext).sub.field = -42;
option (.full.ext) = 0x1F;
option a.b = 1.5e3;
option f1 = -inf;
option f2 = inf;
option f3 = nan;
option f4 = -2.5;
option f5 = +7;
option b1 = true;
option b2 = false;
option e = SPEED;
option s = "a" "b"
  'c';
option (agg) = { a: 1, b: [1, 2]; c < d: "x}" > [ext.name] { } e: -inf };
option o = 017;
`);
  const opts = byKind(p.ast.body, 'option');
  assert.deepEqual(opts.map(showOption), [
    'java_package = "com.example"',
    '(my.ext).sub.field = -42',
    '(.full.ext) = 0x1F',
    'a.b = 1.5e3',
    'f1 = -inf',
    'f2 = inf',
    'f3 = nan',
    'f4 = -2.5',
    'f5 = +7',
    'b1 = true',
    'b2 = false',
    'e = SPEED',
    `s = "a" "b"\n  'c'`,
    '(agg) = { a: 1, b: [1, 2]; c < d: "x}" > [ext.name] { } e: -inf }',
    'o = 017',
  ]);
  const value = (i: number): Constant => opts[i]!.value!;
  const summary = (c: Constant) => (c.kind === 'aggregate' ? [c.kind] : [c.kind, c.value]);
  assert.deepEqual(
    opts.map((o) => summary(o.value!)),
    [
      ['string', 'com.example'],
      ['int', -42],
      ['int', 31],
      ['float', 1500],
      ['float', -Infinity],
      ['ident', 'inf'],
      ['ident', 'nan'],
      ['float', -2.5],
      ['int', 7],
      ['bool', true],
      ['bool', false],
      ['ident', 'SPEED'],
      ['string', 'abc'],
      ['aggregate'],
      ['int', 15],
    ],
  );
  // Extension parts span the name inside the parentheses; the whole name spans them too.
  const ext = opts[1]!.name;
  assert.deepEqual(
    ext.parts.map((x) => [x.text, x.extension, p.slice(x.span)]),
    [
      ['my.ext', true, 'my.ext'],
      ['sub', false, 'sub'],
      ['field', false, 'field'],
    ],
  );
  assert.equal(p.slice(ext.span), '(my.ext).sub.field');
  assert.equal(p.slice(opts[2]!.name.parts[0]!.span), '.full.ext');
  assert.equal(p.slice(value(1).span), '-42');
  assert.equal(p.slice(value(12).span), `"a" "b"\n  'c'`);
  assert.equal(p.slice(opts[12]!.span), `option s = "a" "b"\n  'c';`);
});

test('messages: labels, maps, groups, oneofs, reserved, extensions, nested declarations, options', () => {
  const p = clean(`
syntax = "proto2";
message Outer {
  option deprecated = true;
  required int32 id = 1;
  optional .pkg.Other other = 2 [default = 5, (validate.rules).int32 = { gt: 0 }];
  repeated foo.Bar bars = 3;
  map<string, Outer.Inner> inners = 4;
  optional group Result = 5 [deprecated = true] {
    required string url = 6;
  }
  oneof choice {
    option (oneof_opt) = 1;
    string name = 7;
    group Pick = 8 { optional int32 n = 9; }
  }
  reserved 10, 12 to 14, 100 to max;
  reserved "old", "older";
  extensions 1000 to 1999 [declaration = { number: 1000, full_name: ".x.y", type: ".x.Z" }, verification = DECLARATION];
  extensions 5000, 6000 to max;
  message Inner { enum Kind { KIND_UNSPECIFIED = 0; } }
  enum Color { RED = 1; }
  extend Other { optional int32 ext = 100; }
  ;
}
`);
  assert.deepEqual(outline(p.ast.body), [
    'syntax proto2',
    [
      'message Outer',
      [
        'option deprecated = true',
        'required int32 id = 1',
        'optional .pkg.Other other = 2 [default = 5, (validate.rules).int32 = { gt: 0 }]',
        'repeated foo.Bar bars = 3',
        'map<string, Outer.Inner> inners = 4',
        ['optional group Result = 5 [deprecated = true]', ['required string url = 6']],
        ['oneof choice', ['option (oneof_opt) = 1', 'string name = 7', ['group Pick = 8', ['optional int32 n = 9']]]],
        'reserved 10, 12 to 14, 100 to max',
        'reserved "old", "older"',
        'extensions 1000 to 1999 [declaration = { number: 1000, full_name: ".x.y", type: ".x.Z" }, verification = DECLARATION]',
        'extensions 5000, 6000 to max',
        ['message Inner', [['enum Kind', ['KIND_UNSPECIFIED = 0']]]],
        ['enum Color', ['RED = 1']],
        ['extend Other', ['optional int32 ext = 100']],
        ';',
      ],
    ],
  ]);
  const outer = p.ast.body[1] as MessageDecl;
  const [, , other, , map, group] = outer.body;
  assert.ok(other!.kind === 'field' && map!.kind === 'mapField' && group!.kind === 'group');
  assert.equal(p.slice(other.type.span), '.pkg.Other');
  assert.equal(p.slice(other.label!.span), 'optional');
  assert.equal(p.slice(other.number!.span), '2');
  assert.equal(p.slice(other.optionsSpan), '[default = 5, (validate.rules).int32 = { gt: 0 }]');
  assert.equal(p.slice(other.options[1]!.span), '(validate.rules).int32 = { gt: 0 }');
  assert.equal(p.slice(map.typeSpan), 'map<string, Outer.Inner>');
  assert.equal(p.slice(map.span), 'map<string, Outer.Inner> inners = 4;');
  assert.equal(p.slice(group.keywordSpan), 'group');
  assert.ok(p.slice(group.span)!.startsWith('optional group Result') && p.slice(group.span)!.endsWith('}'));
  const reserved = outer.body[7]!;
  assert.ok(reserved.kind === 'reserved');
  assert.deepEqual(reserved.ranges.map((r) => p.slice(r.span)), ['10', '12 to 14', '100 to max']);
  assert.equal(reserved.ranges[2]!.end!.kind, 'max');
  assert.ok(p.slice(outer.span)!.startsWith('message Outer {') && p.slice(outer.span)!.endsWith('}'));
});

test('editions: identifier reserved names and export/local visibility', () => {
  const p = clean(`
edition = "2024";
export message A {
  reserved foo, bar;
  local enum E { E_UNSPECIFIED = 0; }
  int32 local = 1;
  string export = 2;
  export message B {}
}
local message C {}
export enum F { F_UNSPECIFIED = 0; reserved BAR; }
`);
  assert.deepEqual(outline(p.ast.body), [
    'edition 2024',
    ['message A', ['reserved foo, bar', ['enum E', ['E_UNSPECIFIED = 0']], 'int32 local = 1', 'string export = 2', ['message B', []]]],
    ['message C', []],
    ['enum F', ['F_UNSPECIFIED = 0', 'reserved BAR']],
  ]);
  const a = p.ast.body[1] as MessageDecl;
  assert.ok(p.slice(a.span)!.startsWith('export message A {'));
  const reserved = a.body[0]!;
  assert.ok(reserved.kind === 'reserved');
  assert.deepEqual(reserved.names.map((n) => [n.text, n.quoted, p.slice(n.span)]), [
    ['foo', false, 'foo'],
    ['bar', false, 'bar'],
  ]);
  assert.equal(p.slice((p.ast.body[2] as MessageDecl).span), 'local message C {}');
});

test('enums: negative values, hex, compact options, reserved ranges and names, options', () => {
  const p = clean(`
enum E {
  option allow_alias = true;
  ZERO = 0;
  NEG = -1 [deprecated = true, (my.opt) = "x"];
  HEX = 0x10;
  ALIAS = 0 [(a).b = { c: 1 }];
  reserved -5 to -2, 20 to max;
  reserved "GONE";
  option = 3;
  reserved = 4;
}
`);
  assert.deepEqual(outline(p.ast.body), [
    [
      'enum E',
      [
        'option allow_alias = true',
        'ZERO = 0',
        'NEG = -1 [deprecated = true, (my.opt) = "x"]',
        'HEX = 0x10',
        'ALIAS = 0 [(a).b = { c: 1 }]',
        'reserved -5 to -2, 20 to max',
        'reserved "GONE"',
        'option = 3',
        'reserved = 4',
      ],
    ],
  ]);
  const values = byKind((p.ast.body[0] as EnumDecl).body, 'enumValue');
  assert.deepEqual(values.map((v) => v.number!.value), [0, -1, 16, 0, 3, 4]);
  assert.equal(p.slice(values[1]!.number!.span), '-1');
  assert.equal(p.slice(values[1]!.optionsSpan), '[deprecated = true, (my.opt) = "x"]');
  assert.equal(p.slice(values[1]!.span), 'NEG = -1 [deprecated = true, (my.opt) = "x"];');
});

test('services: streaming, option bodies, empty statements', () => {
  const p = clean(`
service S {
  option (svc) = "x";
  rpc A(Req) returns (Resp);
  rpc B(stream .pkg.Req) returns (stream Resp) {}
  rpc C(Req) returns (Resp) {
    option idempotency_level = NO_SIDE_EFFECTS;
    ;
    option (http) = { get: "/v1/{name=*}" body: "*" };
  };
  rpc stream(stream) returns (returns);
}
`);
  assert.deepEqual(outline(p.ast.body), [
    [
      'service S',
      [
        'option (svc) = "x"',
        'rpc A(Req) returns (Resp)',
        'rpc B(stream .pkg.Req) returns (stream Resp)',
        'rpc C(Req) returns (Resp) [idempotency_level = NO_SIDE_EFFECTS, (http) = { get: "/v1/{name=*}" body: "*" }]',
        ';',
        'rpc stream(stream) returns (returns)',
      ],
    ],
  ]);
  const rpcs = byKind((p.ast.body[0] as ServiceDecl).body, 'rpc');
  assert.equal(p.slice(rpcs[1]!.inputStream), 'stream');
  assert.equal(p.slice(rpcs[1]!.input!.span), '.pkg.Req');
  assert.equal(p.slice(rpcs[1]!.span), 'rpc B(stream .pkg.Req) returns (stream Resp) {}');
  assert.equal(p.slice(rpcs[0]!.span), 'rpc A(Req) returns (Resp);');
});

test('top-level extend, with a fully-qualified extendee and a group', () => {
  const p = clean(`
extend .google.protobuf.FieldOptions {
  optional string my_opt = 50000;
  repeated group Extra = 50001 { optional int32 a = 1; }
}
`);
  assert.deepEqual(outline(p.ast.body), [
    ['extend .google.protobuf.FieldOptions', ['optional string my_opt = 50000', ['repeated group Extra = 50001', ['optional int32 a = 1']]]],
  ]);
});

test('keywords are contextual: they are valid names of fields, types and values', () => {
  const p = clean(`
syntax = "proto2";
message option {
  optional string message = 1;
  optional int32 to = 2;
  optional int32 max = 3;
  optional option option = 4;
  optional message.enum syntax = 5;
  required group group = 6;
  repeated map map = 7;
  message foo = 8;
  enum bar = 9;
  oneof baz = 10;
  extend qux = 11;
  reserved r = 12;
  extensions x = 13;
  stream returns = 14;
  reserved 15 to max;
}
message message {}
message enum { }
enum service { rpc = 0; service = 1; max = 2; }
`);
  assert.deepEqual(outline(p.ast.body), [
    'syntax proto2',
    [
      'message option',
      [
        'optional string message = 1',
        'optional int32 to = 2',
        'optional int32 max = 3',
        'optional option option = 4',
        'optional message.enum syntax = 5',
        'required group group = 6',
        'repeated map map = 7',
        'message foo = 8',
        'enum bar = 9',
        'oneof baz = 10',
        'extend qux = 11',
        'reserved r = 12',
        'extensions x = 13',
        'stream returns = 14',
        'reserved 15 to max',
      ],
    ],
    ['message message', []],
    ['message enum', []],
    ['enum service', ['rpc = 0', 'service = 1', 'max = 2']],
  ]);
});

test('the result carries every token but comments, and every comment', () => {
  const p = clean(`
// a
message A { /* b */ int32 x = 1; }
`);
  assert.deepEqual(
    p.tokens.map((t) => t.text),
    ['message', 'A', '{', 'int32', 'x', '=', '1', ';', '}', ''],
  );
  assert.deepEqual(
    p.ast.comments.map((c) => p.slice(c.span)),
    ['// a', '/* b */'],
  );
  assert.deepEqual(p.ast.span, { start: 0, end: p.text.length });
});

test('without docs or comments, the tree is the same and its comment list empty', () => {
  const text = `// a
syntax = "proto3";
/* b */ message A { // c
  int32 x = 1; /* d
  */ string y = 2 [(o.p) = "/* e */"];
}
/* unclosed`;
  const kept = parseProto(text, { docs: false });
  const dropped = parseProto(text, { docs: false, comments: false });
  assert.equal(kept.ast.comments.length, 5);
  assert.deepEqual(dropped.ast.comments, []);
  assert.deepEqual(dropped.ast.body, kept.ast.body);
  assert.deepEqual(dropped.diagnostics, kept.diagnostics);
  assert.deepEqual(
    dropped.diagnostics.map((d) => d.code),
    ['syntax/unterminated-comment'],
  );
  // Doc comments need the comments: asking for docs keeps them.
  assert.equal(parseProto(text, { comments: false }).ast.comments.length, 5);
});

test('CRLF line breaks and a byte order mark change nothing', () => {
  const lf = '// Leading.\nsyntax = "proto3";\n\n/* Block\n * two\n */\nmessage A { // t\n  int32 a = 1;\n}\n';
  const crlf = parseProto('\uFEFF' + lf.replace(/\n/g, '\r\n'));
  const plain = parseProto(lf);
  assert.deepEqual(crlf.diagnostics, []);
  assert.deepEqual(outline(crlf.ast.body), outline(plain.ast.body));
  assert.deepEqual(
    crlf.ast.body.map((d) => d.docs),
    [{ leading: 'Leading.' }, { leading: 'Block\ntwo', trailing: 't' }],
  );
  assert.deepEqual(plain.ast.body.map((d) => d.docs), crlf.ast.body.map((d) => d.docs));
});

// ------------------------------------------------------------------ comments

test('comments attach as protoc attaches them: leading, trailing, detached', () => {
  const p = clean(`
// Copyright header.

syntax = "proto3";

// Detached from Foo.

// Leading for Foo,
// two lines.
message Foo { // Trailing for Foo (after its brace).
  // Leading for a.
  int32 a = 1; // Trailing for a.
  int32 b = 2;
  // Trailing for b: a blank line follows.

  // Leading for c.
  int32 c = 3;
  // Trailing for c: the scope ends.
}

/**
 * Javadoc-style block,
 *   indented line.
 */
enum E {
  /* Block leading */ V = 0; /* Block trailing */
  W = 1; /* dropped: another token follows on this line */ X = 2;
}
`);
  const [syntax, foo, e] = p.ast.body as [AnyDecl, MessageDecl, EnumDecl];
  assert.deepEqual(syntax.docs, { detached: ['Copyright header.'] });
  assert.deepEqual(foo.docs, {
    leading: 'Leading for Foo,\ntwo lines.',
    trailing: 'Trailing for Foo (after its brace).',
    detached: ['Detached from Foo.'],
  });
  const [a, b, c] = foo.body as FieldDecl[];
  assert.deepEqual(a!.docs, { leading: 'Leading for a.', trailing: 'Trailing for a.' });
  assert.deepEqual(b!.docs, { trailing: 'Trailing for b: a blank line follows.' });
  assert.deepEqual(c!.docs, { leading: 'Leading for c.', trailing: 'Trailing for c: the scope ends.' });
  assert.deepEqual(e.docs, { leading: 'Javadoc-style block,\n  indented line.' });
  const [v, w, x] = e.body;
  assert.deepEqual(v!.docs, { leading: 'Block leading', trailing: 'Block trailing' });
  assert.deepEqual(w!.docs, {});
  assert.deepEqual(x!.docs, {});
});

test('a comment block directly above the next declaration leads it rather than trailing the previous one', () => {
  const p = clean(`
message M {
  int32 a = 1;
  // Leads b: no blank line between.
  int32 b = 2;
  // Trails b.

  /* one */
  /* two */
  int32 c = 3;
}
`);
  const [a, b, c] = (p.ast.body[0] as MessageDecl).body;
  assert.deepEqual(a!.docs, {});
  assert.deepEqual(b!.docs, { leading: 'Leads b: no blank line between.', trailing: 'Trails b.' });
  // Each block comment is a block of its own: the first is detached from c.
  assert.deepEqual(c!.docs, { leading: 'two', detached: ['one'] });
});

test('comment markers are stripped, with one leading space and trailing blanks per line', () => {
  const p = clean(`
//   indented text keeps its extra indentation  
//
/// triple-slash
message M {}
/*no space*/
message N {}
`);
  const [m, n] = p.ast.body;
  assert.equal(m!.docs.leading, '  indented text keeps its extra indentation\n\ntriple-slash');
  assert.equal(n!.docs.leading, 'no space');
});

test('comments inside declarations and before unparsed text attach to nothing', () => {
  const p = clean(`
message M {
  int32 /* inside */ a = 1;
}
`);
  assert.deepEqual((p.ast.body[0] as MessageDecl).body[0]!.docs, {});
  assert.equal(p.ast.comments.length, 1);
});

// ------------------------------------------------------------------ recovery

test('a missing `;` is reported right after the previous token, with a fix, and parsing continues', () => {
  const p = expectDiagnostics(`
syntax = "proto3"
//               | syntax/missing-semicolon
message A {
  int32 a = 1
  //         | syntax/missing-semicolon
  int32 b = 2;
  option deprecated = true
  //                      | syntax/missing-semicolon
}
`);
  assert.deepEqual(outline(p.ast.body), ['syntax proto3', ['message A', ['int32 a = 1', 'int32 b = 2', 'option deprecated = true']]]);
  const d = p.diagnostics[1]!;
  assert.equal(d.message, 'expected `;` after the field declaration');
  assert.deepEqual(d.fixes?.[0]?.edits, [{ span: d.span, newText: ';' }]);
  assert.equal(p.slice((p.ast.body[1] as MessageDecl).body[0]!.span), 'int32 a = 1');
});

test('a missing `;` before `}` on the same line', () => {
  const p = expectDiagnostics(`
message A { int32 a = 1 }
//                     | syntax/missing-semicolon
`);
  assert.deepEqual(outline(p.ast.body), [['message A', ['int32 a = 1']]]);
});

test('an unexpected token on the same line skips to the next `;`', () => {
  const p = expectDiagnostics(`
message A {
  int32 a = 1 2;
  //          ^ syntax/unexpected-token
  int32 b = 3;
}
`);
  assert.equal(p.diagnostics[0]!.message, 'unexpected `2`: expected `;` after the field declaration');
  assert.deepEqual(outline(p.ast.body), [['message A', ['int32 a = 1', 'int32 b = 3']]]);
});

test('missing field numbers, names and `=`', () => {
  const p = expectDiagnostics(`
message A {
  int32 a = ;
  //        ^ syntax/missing-field-number
  int32 b;
  //     ^ syntax/missing-field-number
  int32 = 3;
  //    ^ syntax/missing-name
  string d = x;
  //         ^ syntax/missing-field-number
  string e = 5;
}
`);
  assert.equal(p.diagnostics[0]!.message, 'expected a field number after `=`');
  assert.equal(p.diagnostics[1]!.message, 'expected `=` and a field number after the field name');
  assert.deepEqual(outline(p.ast.body), [
    ['message A', ['int32 a = ?', 'int32 b = ?', 'int32 ? = ?', 'string d = ?', 'string e = 5']],
  ]);
  const a = (p.ast.body[0] as MessageDecl).body[0]!;
  assert.equal(p.slice(a.span), 'int32 a =');
});

test('a stray `}` at the top level', () => {
  const p = expectDiagnostics(`
message A {}
}
^ syntax/unexpected-token
message B {}
`);
  assert.match(p.diagnostics[0]!.message, /^unexpected `}`/);
  assert.deepEqual(outline(p.ast.body), [['message A', []], ['message B', []]]);
});

test('unclosed blocks at the end of the file are one diagnostic, at the innermost brace', () => {
  const p = expectDiagnostics(`
message A {
  int32 a = 1;
  message B {
  //        ^ syntax/missing-brace
    int32 b = 1;
`);
  assert.equal(p.diagnostics[0]!.message, 'expected `}` to close message `B` before the end of the file');
  assert.deepEqual(outline(p.ast.body), [['message A', ['int32 a = 1', ['message B', ['int32 b = 1']]]]]);
  // The spans end at the last token that parsed.
  assert.ok(p.slice(p.ast.body[0]!.span)!.endsWith('int32 b = 1;'));
});

test('a forgotten `}` in the middle nests what follows and is reported once', () => {
  const p = expectDiagnostics(`
message A {
//        ^ syntax/missing-brace
  int32 a = 1;

message B {
  int32 b = 1;
}
`);
  assert.deepEqual(outline(p.ast.body), [['message A', ['int32 a = 1', ['message B', ['int32 b = 1']]]]]);
});

test('independent errors in one file are all reported, and the valid declarations around them kept', () => {
  const p = expectDiagnostics(`
syntax = "proto3";
message A {
  int32 ok1 = 1;
  int32 bad = ;
  //          ^ syntax/missing-field-number
  int32 ok2 = 2;
}
message B {
  string s = 1 [deprecated = ];
  //                         ^ syntax/unexpected-token
  string t = 2;
}
message C {
  repeated = 1;
  //       ^ syntax/unexpected-token
  bytes u = 3;
}
enum E {
  X 0;
  //^ syntax/missing-enum-number
  Y = 1;
}
service S {
  rpc Get(Req) returns Resp;
  //                   ^^^^ syntax/unexpected-token
  rpc List(Req) returns (Resp);
}
`);
  assert.deepEqual(outline(p.ast.body), [
    'syntax proto3',
    ['message A', ['int32 ok1 = 1', 'int32 bad = ?', 'int32 ok2 = 2']],
    ['message B', ['string s = 1', 'string t = 2']],
    ['message C', ['bytes u = 3']],
    ['enum E', ['X = ?', 'Y = 1']],
    ['service S', ['rpc Get(Req) returns (?)', 'rpc List(Req) returns (Resp)']],
  ]);
});

test('garbage at the top level is skipped up to the next declaration keyword at the start of a line', () => {
  const p = expectDiagnostics(`
this is not protobuf at all
^^^^ syntax/unexpected-token
  nor = this;
message A {}
messag B { int32 x = 1; }
^^^^^^ syntax/unexpected-token
enum E { A = 0; }
`);
  assert.deepEqual(outline(p.ast.body), [['message A', []], ['enum E', ['A = 0']]]);
});

test('a word that can start a declaration but does not here is one diagnostic', () => {
  const p = expectDiagnostics(`
export foo;
^^^^^^ syntax/unexpected-token
local = 1;
^^^^^ syntax/unexpected-token
{ int32 a = 1; }
^ syntax/unexpected-token
service S {
  stream x;
  ^^^^^^ syntax/unexpected-token
  rpc A(B) returns (C);
}
`);
  assert.deepEqual(outline(p.ast.body), [['service S', ['rpc A(B) returns (C)']]]);
});

test('a header typed over leaves its indented body and closing brace to it, not to the file', () => {
  const p = expectDiagnostics(`
messa
^^^^^ syntax/unexpected-token
  int32 a = 1;
  string b = 2;
}
message B {
  messa
    int32 a = 1;
    //    ^ syntax/missing-field-number
  }
  int32 c = 3;
}
`);
  assert.deepEqual(outline(p.ast.body), [['message B', ['messa int32 = ?', 'int32 c = 3']]]);
});

test('a broken header still parses the body', () => {
  const p = expectDiagnostics(`
message {
//      ^ syntax/missing-name
  int32 a = 1;
}
message X Y {
//        ^ syntax/missing-brace
  int32 b = 2;
}
enum {
//   ^ syntax/missing-name
  Z = 0;
}
`);
  assert.deepEqual(outline(p.ast.body), [
    ['message ?', ['int32 a = 1']],
    ['message X', ['int32 b = 2']],
    ['enum ?', ['Z = 0']],
  ]);
});

test('a declaration typed halfway is reported at the end of its line and ends there', () => {
  const p = expectDiagnostics(`
message Draft
//           | syntax/missing-brace
message Next {
  int32
  //   | syntax/missing-name
}
service Half {
  rpc Get(
  //      | syntax/unexpected-token
}
`);
  assert.equal(p.diagnostics[0]!.message, 'expected `{` after the message name');
  assert.equal(p.diagnostics[1]!.message, 'expected a field name');
  assert.deepEqual(outline(p.ast.body), [['message Draft', []], ['message Next', ['int32 ? = ?']], ['service Half', ['rpc Get(?) returns (?)']]]);
});

test('an error inside `[...]` resumes after the `]`, keeping the declaration', () => {
  const p = expectDiagnostics(`
message A {
  string a = 1 [
    deprecated = ,
    //           ^ syntax/unexpected-token
    json_name = "x"
  ];
  string b = 2 [(x) 1, (y) = 2];
  //                ^ syntax/unexpected-token
  string c = 3;
}
enum E { V = 0 [a = ]; W = 1; }
//                  ^ syntax/unexpected-token
`);
  assert.deepEqual(outline(p.ast.body), [
    ['message A', ['string a = 1', 'string b = 2', 'string c = 3']],
    ['enum E', ['V = 0', 'W = 1']],
  ]);
  const a = (p.ast.body[0] as MessageDecl).body[0] as FieldDecl;
  assert.ok(p.slice(a.span)!.endsWith('];'));
  assert.ok(p.slice(a.optionsSpan)!.startsWith('[') && p.slice(a.optionsSpan)!.endsWith(']'));
});

test('a forgotten `{` before an indented body: only the `{` is reported', () => {
  const p = expectDiagnostics(`
message A
//       | syntax/missing-brace
  int32 a = 1;
}
service S {
  rpc Get(Req) returns (Resp)
  //                         | syntax/missing-brace
    option deprecated = true;
  }
}
`);
  assert.deepEqual(outline(p.ast.body), [
    ['message A', ['int32 a = 1']],
    ['service S', ['rpc Get(Req) returns (Resp) [deprecated = true]']],
  ]);
});

test('a forgotten `}` shows where a declaration that cannot be inside the block begins', () => {
  const p = expectDiagnostics(`
enum E {
  A = 0;
  //    | syntax/missing-brace
message M {
  enum Inner {
    X = 0;
    //    | syntax/missing-brace
  int32 f = 1;
  repeated string g = 2;
  oneof o {
    string h = 3;
    //           | syntax/missing-brace
  reserved 10;
}
service S {
  rpc A(B) returns (C) {
    option deprecated = true;
    //                       | syntax/missing-brace
  rpc D(E) returns (F);
}
`);
  assert.equal(p.diagnostics[0]!.message, 'expected `}` to close enum `E`');
  assert.deepEqual(p.diagnostics[0]!.fixes?.[0]?.edits.map((e) => e.newText), ['\n}']);
  assert.deepEqual(outline(p.ast.body), [
    ['enum E', ['A = 0']],
    ['message M', [['enum Inner', ['X = 0']], 'int32 f = 1', 'repeated string g = 2', ['oneof o', ['string h = 3']], 'reserved 10']],
    ['service S', ['rpc A(B) returns (C) [deprecated = true]', 'rpc D(E) returns (F)']],
  ]);
});

test('options without their `[` and message values without their `{`', () => {
  const p = expectDiagnostics(`
message A {
  string a = 1
  //          | syntax/missing-bracket
    (validate.rules).string.min_len = 1];
  string b = 2 (deprecated) = true];
  //           ^ syntax/missing-bracket
  int32 c = 3
  //         | syntax/missing-bracket
    features.field_presence = EXPLICIT];
  string d = 4 [(x) = { a: 1 ];
  //                        | syntax/missing-brace
}
option (y) = a: 1 };
//           ^ syntax/missing-brace
`);
  assert.deepEqual(outline(p.ast.body), [
    [
      'message A',
      [
        'string a = 1 [(validate.rules).string.min_len = 1]',
        'string b = 2 [(deprecated) = true]',
        'int32 c = 3 [features.field_presence = EXPLICIT]',
        'string d = 4',
      ],
    ],
    'option (y) = a: 1 }',
  ]);
});

test('an unclosed `{ ... }` option value stops at the next line that starts a declaration', () => {
  const p = expectDiagnostics(`
option (x) = { a: 1
//           ^ syntax/missing-brace
message A { int32 b = 1; }
`);
  assert.deepEqual(outline(p.ast.body), ['option (x) = ?', ['message A', ['int32 b = 1']]]);
});

test('map fields are rejected where they cannot be represented', () => {
  const p = expectDiagnostics(`
message A {
  oneof o {
    map<string, int32> m = 1;
    ^^^ syntax/map-not-allowed
    int32 n = 2;
  }
  repeated map<string, int32> r = 3;
  ^^^^^^^^ syntax/map-not-allowed
}
`);
  assert.deepEqual(outline(p.ast.body), [['message A', [['oneof o', ['int32 n = 2']], 'map<string, int32> r = 3']]]);
});

test('lexer diagnostics are merged and a parser error never repeats at the same offset', () => {
  const p = expectDiagnostics(`
message 1A { int32 a = 1; }
//      ^^ syntax/invalid-number
message B { string s = "open;
//                     ^^^^^^ syntax/unterminated-string
}
message C {}
`);
  assert.equal(p.diagnostics.length, 2);
  assert.deepEqual(
    p.diagnostics.map((d) => d.span.start),
    [...p.diagnostics.map((d) => d.span.start)].sort((a, b) => a - b),
  );
  assert.deepEqual(outline(p.ast.body).length, 3);
});

test('broken compact options, ranges and rpc bodies', () => {
  const p = expectDiagnostics(`
message A {
  int32 a = 1 [deprecated = true;
  //                            ^ syntax/unexpected-token
  reserved 1 to;
  //           ^ syntax/unexpected-token
  extensions 10 to 20 [;
  //                   ^ syntax/unexpected-token
  int32 ok = 2;
}
service S {
  rpc A(B) returns (C) { option x = ; }
  //                                ^ syntax/unexpected-token
  rpc D(E) returns (F);
}
`);
  assert.deepEqual(outline(p.ast.body), [
    ['message A', ['int32 a = 1 [deprecated = true]', 'reserved ', 'extensions 10 to 20', 'int32 ok = 2']],
    ['service S', ['rpc A(B) returns (C) [x = ?]', 'rpc D(E) returns (F)']],
  ]);
});

test('nesting deeper than the limit is skipped with one diagnostic', () => {
  const depth = 150;
  const text = 'message M { '.repeat(depth) + '}'.repeat(depth) + '\nmessage After {}\n';
  const r = parseProto(text);
  assert.deepEqual(
    r.diagnostics.map((d) => d.code),
    ['syntax/nesting-too-deep'],
  );
  assert.equal(r.ast.body.length, 2);
  assertSpansNested(r.ast, text.length);
});

test('messages are lowercase and have no trailing period', () => {
  const inputs = [
    'message { int32 a = ; } }',
    'syntax "proto3"',
    'import foo;',
    'option = 1;',
    'service S { rpc ( }',
    'enum E { A = x; }',
    'message A { map<int32 x = 1; }',
    'extend { }',
    'message A { oneof { } }',
  ];
  for (const input of inputs) {
    const r = parseProto(input);
    assert.ok(r.diagnostics.length > 0, input);
    for (const d of r.diagnostics) {
      assert.match(d.message, /^[a-z`]/, d.message);
      assert.doesNotMatch(d.message, /\.$/, d.message);
    }
  }
});
