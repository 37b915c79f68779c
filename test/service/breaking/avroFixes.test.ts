// Quick fixes of Avro findings, as data: the new text, the element the finding is on, the old
// text and the element it points at there, and the texts each fix gives.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAvro } from '../../../server/src/core/avro';
import { avroFixes } from '../../../server/src/service/breaking/avroFixes';

interface Case {
  readonly name: string;
  readonly syntax: 'avsc' | 'avdl';
  readonly code: 'READER_FIELD_MISSING_DEFAULT_VALUE' | 'NAME_MISMATCH';
  readonly current: string;
  /** The text the finding is on in `current` (its first occurrence). */
  readonly at: string;
  readonly old: string;
  /** The text the finding points at in `old`. */
  readonly was: string;
  /** Each fix's title and the text it gives. */
  readonly fixes: readonly [string, string][];
}

const cases: Case[] = [
  {
    name: 'avsc: a renamed field with aliases already keeps them and adds the old name',
    syntax: 'avsc',
    code: 'READER_FIELD_MISSING_DEFAULT_VALUE',
    current: '{"type": "record", "name": "R", "fields": [{"name": "b", "aliases": ["x"], "type": "long"}]}',
    at: '"b"',
    old: '{"type": "record", "name": "R", "fields": [{"name": "a", "type": "long"}]}',
    was: '"R"',
    fixes: [
      ['Add default 0 to "b"', '{"type": "record", "name": "R", "fields": [{"name": "b", "aliases": ["x"], "type": "long", "default": 0}]}'],
      ['Add alias "a" to "b" (renamed from "a")', '{"type": "record", "name": "R", "fields": [{"name": "b", "aliases": ["x", "a"], "type": "long"}]}'],
    ],
  },
  {
    name: 'avsc: of several lost fields, the one at the same position is the guess',
    syntax: 'avsc',
    code: 'READER_FIELD_MISSING_DEFAULT_VALUE',
    current: '{"type": "record", "name": "R", "fields": [{"name": "id", "type": "string"}, {"name": "total", "type": ["null", "long"]}]}',
    at: '"total"',
    old: '{"type": "record", "name": "R", "fields": [{"name": "id", "type": "string"}, {"name": "amount", "type": ["null", "long"]}, {"name": "note", "type": "string"}]}',
    was: '"R"',
    fixes: [
      ['Add default null to "total"', '{"type": "record", "name": "R", "fields": [{"name": "id", "type": "string"}, {"name": "total", "type": ["null", "long"], "default": null}]}'],
      ['Add alias "amount" to "total" (renamed from "amount")', '{"type": "record", "name": "R", "fields": [{"name": "id", "type": "string"}, {"name": "total", "aliases": ["amount"], "type": ["null", "long"]}]}'],
    ],
  },
  {
    name: 'avdl: a renamed field gets @aliases before its name, a default after it',
    syntax: 'avdl',
    code: 'READER_FIELD_MISSING_DEFAULT_VALUE',
    current: 'namespace a;\nrecord R {\n  string title;\n}\n',
    at: 'title',
    old: 'namespace a;\nrecord R {\n  string name;\n}\n',
    was: 'R',
    fixes: [
      ['Add default "" to "title"', 'namespace a;\nrecord R {\n  string title = "";\n}\n'],
      ['Add alias "name" to "title" (renamed from "name")', 'namespace a;\nrecord R {\n  string @aliases(["name"]) title;\n}\n'],
    ],
  },
  {
    name: 'avdl: a renamed record keeps its old name as an alias',
    syntax: 'avdl',
    code: 'NAME_MISMATCH',
    current: 'namespace a;\nrecord Created {\n  string id;\n}\n',
    at: 'Created',
    old: 'namespace a;\nrecord Placed {\n  string id;\n}\n',
    was: 'Placed',
    fixes: [['Add alias "Placed" to "Created"', 'namespace a;\n@aliases(["Placed"]) record Created {\n  string id;\n}\n']],
  },
  {
    name: 'avsc: a record moved to another namespace keeps its full old name',
    syntax: 'avsc',
    code: 'NAME_MISMATCH',
    current: '{"type": "record", "name": "R", "namespace": "b", "fields": []}',
    at: '"R"',
    old: '{"type": "record", "name": "R", "namespace": "a", "fields": []}',
    was: '"R"',
    fixes: [['Add alias "a.R" to "R"', '{"type": "record", "name": "R", "aliases": ["a.R"], "namespace": "b", "fields": []}']],
  },
];

const spanOf = (text: string, needle: string) => {
  const start = text.indexOf(needle);
  assert.ok(start >= 0, needle);
  return { start, end: start + needle.length };
};

for (const c of cases) {
  test(`avro fixes: ${c.name}`, () => {
    const current = parseAvro(c.current, c.syntax, 'file:///new');
    const old = parseAvro(c.old, c.syntax, 'file:///old');
    const finding = { code: c.code, span: spanOf(c.current, c.at), anchor: 'element', baseline: { span: spanOf(c.old, c.was) } };
    const fixes = avroFixes(finding, current, () => undefined, old);
    const got = fixes.map((f): [string, string] => {
      let out = c.current;
      for (const e of [...f.edits].sort((a, b) => b.span.start - a.span.start)) out = out.slice(0, e.span.start) + e.newText + out.slice(e.span.end);
      return [f.title, out];
    });
    assert.deepEqual(got, c.fixes);
    for (const [, text] of got) assert.deepEqual(parseAvro(text, c.syntax, 'file:///fixed').diagnostics.filter((d) => d.severity === 'error'), []);
  });
}

test('avro fixes: only for the new schema as a reader, on an element it has', () => {
  const current = parseAvro('{"type": "record", "name": "R", "fields": []}', 'avsc', 'file:///new');
  assert.deepEqual(avroFixes({ code: 'READER_FIELD_MISSING_DEFAULT_VALUE', span: { start: 31, end: 34 }, anchor: 'parent' }, current, () => undefined, undefined), []);
  assert.deepEqual(avroFixes({ code: 'TYPE_MISMATCH', span: { start: 31, end: 34 }, anchor: 'element' }, current, () => undefined, undefined), []);
});
