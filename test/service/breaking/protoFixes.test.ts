// The reserve quick fix for deleted Protobuf fields and enum values, as data: the current text,
// the container the finding sits on, what the baseline had, and the text after the fix.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseProto } from '../../../server/src/core/proto/parser';
import { isAcknowledged, reserveFix, type DeletedElement } from '../../../server/src/service/breaking/protoFixes';

interface Case {
  readonly name: string;
  readonly text: string;
  /** The container's declaration, e.g. `message Order`: the finding sits on its name. */
  readonly on: string;
  readonly deleted: DeletedElement;
  readonly title?: string;
  /** The text after the fix; undefined when no fix is offered. */
  readonly after: string | undefined;
}

const field = (number: number, name: string): DeletedElement => ({ kind: 'field', number, names: [name] });

const cases: Case[] = [
  {
    name: 'number and name, at the top of the message, indented like its fields',
    text: 'syntax = "proto3";\nmessage Order {\n    string id = 1;\n}\n',
    on: 'message Order',
    deleted: field(2, 'note'),
    title: `Reserve the deleted field's number 2 and name "note"`,
    after: 'syntax = "proto3";\nmessage Order {\n    reserved 2;\n    reserved "note";\n    string id = 1;\n}\n',
  },
  {
    name: 'a number already reserved: only the name',
    text: 'syntax = "proto3";\nmessage Order {\n  reserved 2 to 4;\n  string id = 1;\n}\n',
    on: 'message Order',
    deleted: field(3, 'note'),
    title: `Reserve the deleted field's name "note"`,
    after: 'syntax = "proto3";\nmessage Order {\n  reserved "note";\n  reserved 2 to 4;\n  string id = 1;\n}\n',
  },
  {
    name: 'a name still in use (the field was renumbered): only the number',
    text: 'syntax = "proto3";\nmessage Order {\n  string id = 1;\n  string note = 5;\n}\n',
    on: 'message Order',
    deleted: field(2, 'note'),
    title: `Reserve the deleted field's number 2`,
    after: 'syntax = "proto3";\nmessage Order {\n  reserved 2;\n  string id = 1;\n  string note = 5;\n}\n',
  },
  {
    name: 'a name used inside a oneof counts as used',
    text: 'syntax = "proto3";\nmessage Order {\n  oneof kind {\n    string note = 7;\n  }\n}\n',
    on: 'message Order',
    deleted: field(2, 'note'),
    after: 'syntax = "proto3";\nmessage Order {\n  reserved 2;\n  oneof kind {\n    string note = 7;\n  }\n}\n',
  },
  {
    name: 'everything reserved already: no fix',
    text: 'syntax = "proto3";\nmessage Order {\n  reserved 2;\n  reserved "note";\n}\n',
    on: 'message Order',
    deleted: field(2, 'note'),
    after: undefined,
  },
  {
    name: 'editions write reserved names as identifiers',
    text: 'edition = "2023";\nmessage Order {\n  string id = 1;\n}\n',
    on: 'message Order',
    deleted: field(2, 'note'),
    after: 'edition = "2023";\nmessage Order {\n  reserved 2;\n  reserved note;\n  string id = 1;\n}\n',
  },
  {
    name: 'a nested message, one step in from its parent when it is empty',
    text: 'syntax = "proto3";\nmessage Outer {\n  message Inner {}\n}\n',
    on: 'message Inner',
    deleted: field(1, 'x'),
    after: 'syntax = "proto3";\nmessage Outer {\n  message Inner {\n    reserved 1;\n    reserved "x";}\n}\n',
  },
  {
    name: 'tabs stay tabs',
    text: 'syntax = "proto3";\nmessage Order {\n\tstring id = 1;\n}\n',
    on: 'message Order',
    deleted: field(2, 'note'),
    after: 'syntax = "proto3";\nmessage Order {\n\treserved 2;\n\treserved "note";\n\tstring id = 1;\n}\n',
  },
  {
    name: 'an enum value with aliases reserves every name its number had',
    text: 'syntax = "proto3";\nenum Status {\n  option allow_alias = true;\n  STATUS_UNSPECIFIED = 0;\n}\n',
    on: 'enum Status',
    deleted: { kind: 'enumValue', number: 1, names: ['STATUS_OPEN', 'STATUS_STARTED'] },
    title: `Reserve the deleted enum value's number 1 and name "STATUS_OPEN", "STATUS_STARTED"`,
    after: 'syntax = "proto3";\nenum Status {\n  reserved 1;\n  reserved "STATUS_OPEN", "STATUS_STARTED";\n  option allow_alias = true;\n  STATUS_UNSPECIFIED = 0;\n}\n',
  },
  {
    name: 'an enum nested in a message',
    text: 'syntax = "proto3";\nmessage Order {\n  enum Kind { KIND_UNSPECIFIED = 0; }\n}\n',
    on: 'enum Kind',
    deleted: { kind: 'enumValue', number: 1, names: ['KIND_GIFT'] },
    after: 'syntax = "proto3";\nmessage Order {\n  enum Kind {\n    reserved 1;\n    reserved "KIND_GIFT"; KIND_UNSPECIFIED = 0; }\n}\n',
  },
  {
    name: 'a message of that name but the wrong kind of container: no fix',
    text: 'syntax = "proto3";\nmessage Order {}\n',
    on: 'message Order',
    deleted: { kind: 'enumValue', number: 1, names: ['A'] },
    after: undefined,
  },
];

function nameSpanOf(text: string, decl: string) {
  const at = text.indexOf(decl);
  assert.ok(at >= 0, decl);
  const start = at + decl.indexOf(' ') + 1;
  return { start, end: at + decl.length };
}

for (const c of cases) {
  test(`reserve fix: ${c.name}`, () => {
    const ast = parseProto(c.text).ast;
    const fix = reserveFix(ast, c.text, nameSpanOf(c.text, c.on), c.deleted);
    if (c.after === undefined) {
      assert.equal(fix, undefined);
      return;
    }
    assert.ok(fix);
    if (c.title) assert.equal(fix.title, c.title);
    assert.equal(fix.preferred, true);
    let out = c.text;
    for (const e of [...fix.edits].sort((a, b) => b.span.start - a.span.start)) out = out.slice(0, e.span.start) + e.newText + out.slice(e.span.end);
    assert.equal(out, c.after);
    // The fixed text parses cleanly, and the deletion now counts as deliberate.
    assert.deepEqual(parseProto(out).diagnostics.map((d) => d.code), []);
    assert.equal(isAcknowledged(parseProto(out).ast, nameSpanOf(out, c.on), c.deleted), !c.name.startsWith('a name still in use') && !c.name.startsWith('a name used inside'));
  });
}

test('a deletion is acknowledged only when the number and every name are reserved', () => {
  const cases: [string, boolean][] = [
    ['message M { reserved 2; reserved "a"; }', true],
    ['message M { reserved 1 to max; reserved "a"; }', true],
    ['message M { reserved 2; }', false],
    ['message M { reserved "a"; }', false],
    ['message M { reserved 3; reserved "a"; }', false],
  ];
  for (const [body, acknowledged] of cases) {
    const text = `syntax = "proto3";\n${body}\n`;
    assert.equal(isAcknowledged(parseProto(text).ast, nameSpanOf(text, 'message M'), field(2, 'a')), acknowledged, body);
  }
});
