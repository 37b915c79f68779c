// One fixture per semantic check: the schema, and `^^^ code` under exactly what must be reported.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, check, errors, expectMarks } from './helpers';

const cases: [name: string, src: string][] = [
  [
    'a valid schema has no diagnostics',
    `
    {"type": "record", "name": "a.b.R", "aliases": ["Old"], "doc": "d", "fields": [
      {"name": "id", "type": {"type": "string", "logicalType": "uuid"}},
      {"name": "at", "type": {"type": "long", "logicalType": "timestamp-micros"}, "default": 0},
      {"name": "e", "type": {"type": "enum", "name": "E", "symbols": ["A", "B"], "default": "A"}, "default": "B"},
      {"name": "f", "type": {"type": "fixed", "name": "F", "size": 2}, "default": "\\u00ff\\u0000"},
      {"name": "m", "type": {"type": "map", "values": "E"}, "default": {"x": "A"}},
      {"name": "o", "type": ["null", "R"], "default": null, "order": "descending"}
    ]}
    `,
  ],
  [
    'unknown type',
    `
    {"type": "record", "name": "R", "fields": [{"name": "a", "type": "Missing"}]}
                                                                     ^^^^^^^^^ avro/unknown-type
    `,
  ],
  [
    'unknown type inside an array, map and union',
    `
    {"type": "array", "items": {"type": "map", "values": ["null", "Nope"]}}
                                                                  ^^^^^^ avro/unknown-type
    `,
  ],
  [
    'a reference resolves through the enclosing namespace and the null-namespace fallback',
    `
    {"type": "record", "name": "Top", "fields": [
      {"name": "a", "type": {"type": "record", "name": "x.In", "fields": [
        {"name": "b", "type": "Top"},
        {"name": "c", "type": "In"},
        {"name": "d", "type": "x.Top"}
                              ^^^^^^^ avro/unknown-type
      ]}}
    ]}
    `,
  ],
  [
    'object form of a named reference',
    `
    [{"type": "enum", "name": "E", "symbols": ["A"]}, {"type": "array", "items": {"type": "E"}}]
                                                                                          ^^^ avro/invalid-type
    `,
  ],
  [
    'an unknown type name in the object form',
    `
    {"type": "panther"}
             ^^^^^^^^^ avro/unknown-type
    `,
  ],
  [
    'duplicate type names',
    `
    {"type": "record", "name": "R", "fields": [
      {"name": "a", "type": {"type": "fixed", "name": "F", "size": 1}},
      {"name": "b", "type": {"type": "enum", "name": "F", "symbols": ["A"]}}
                                                     ^^^ avro/duplicate-type
    ]}
    `,
  ],
  [
    'duplicate fields and symbols',
    `
    {"type": "record", "name": "R", "fields": [
      {"name": "a", "type": "int"},
      {"name": "a", "type": {"type": "enum", "name": "E", "symbols": ["X", "Y", "X"]}}
               ^^^ avro/duplicate-field
                                                                                ^^^ avro/duplicate-symbol
    ]}
    `,
  ],
  [
    'invalid names, namespaces and symbols',
    `
    {"type": "record", "name": "my-rec", "namespace": "a..b", "fields": [
                               ^^^^^^^^ avro/invalid-name
                                                      ^^^^^^ avro/invalid-namespace
      {"name": "1st", "type": {"type": "enum", "name": "E", "symbols": ["ok", "no way"]}}
               ^^^^^ avro/invalid-name
                                                                              ^^^^^^^^ avro/invalid-name
    ]}
    `,
  ],
  [
    'a namespace next to a full name is ignored',
    `
    {"type": "fixed", "name": "a.F", "namespace": "b", "size": 4}
                                                  ^^^ avro/ignored-namespace
    `,
  ],
  [
    'primitive names cannot be redefined',
    `
    {"type": "record", "name": "x.long", "fields": []}
                               ^^^^^^^^ avro/reserved-name
    `,
  ],
  [
    'aliases: invalid names warn, and an alias naming another type warns',
    `
    [{"type": "fixed", "name": "n.A", "size": 1, "aliases": ["B", "bad name"]},
                                                                  ^^^^^^^^^^ avro/invalid-alias
                                                             ^^^ avro/alias-conflict
     {"type": "fixed", "name": "n.B", "size": 1}]
    `,
  ],
  [
    'defaults of every primitive type',
    `
    {"type": "record", "name": "R", "fields": [
      {"name": "a", "type": "int", "default": 2147483648},
                                              ^^^^^^^^^^ avro/default-type-mismatch
      {"name": "b", "type": "long", "default": 1.5},
                                               ^^^ avro/default-type-mismatch
      {"name": "c", "type": "boolean", "default": "true"},
                                                  ^^^^^^ avro/default-type-mismatch
      {"name": "d", "type": "bytes", "default": "\\u0100"},
                                                ^^^^^^^^ avro/default-type-mismatch
      {"name": "e", "type": "string", "default": null},
                                                 ^^^^ avro/default-type-mismatch
      {"name": "f", "type": "null", "default": 0},
                                               ^ avro/default-type-mismatch
      {"name": "g", "type": "double", "default": "NaN"},
                                                 ^^^^^ avro/non-portable-default
      {"name": "h", "type": "long", "default": -9223372036854775808},
      {"name": "i", "type": "float", "default": 1e10}
    ]}
    `,
  ],
  [
    'defaults of complex types point at the offending nested value',
    `
    {"type": "record", "name": "R", "fields": [
      {"name": "a", "type": {"type": "array", "items": "int"}, "default": [1, "two"]},
                                                                              ^^^^^ avro/default-type-mismatch
      {"name": "m", "type": {"type": "map", "values": "string"}, "default": {"k": 1}},
                                                                                  ^ avro/default-type-mismatch
      {"name": "f", "type": {"type": "fixed", "name": "F", "size": 2}, "default": "abc"},
                                                                                  ^^^^^ avro/default-type-mismatch
      {"name": "e", "type": {"type": "enum", "name": "E", "symbols": ["A"]}, "default": "B"},
                                                                                        ^^^ avro/default-type-mismatch
      {"name": "r", "type": {"type": "record", "name": "In", "fields": [{"name": "x", "type": "int"}]}, "default": {}}
                                                                                                                   ^^ avro/default-type-mismatch
    ]}
    `,
  ],
  [
    'record defaults may omit fields that have defaults, and nested unions take any branch',
    `
    {"type": "record", "name": "R", "fields": [
      {"name": "r", "type": {"type": "record", "name": "In", "fields": [
        {"name": "x", "type": "int", "default": 1},
        {"name": "u", "type": ["null", "string"]}
      ]}, "default": {"u": "text"}}
    ]}
    `,
  ],
  [
    'a union default matching a later branch warns; matching none is an error',
    `
    {"type": "record", "name": "R", "fields": [
      {"name": "a", "type": ["null", "string"], "default": "x"},
                                                           ^^^ avro/union-default-not-first
      {"name": "b", "type": ["null", "string"], "default": 1}
                                                           ^ avro/default-type-mismatch
    ]}
    `,
  ],
  [
    'a default is not judged against a branch that does not resolve',
    `
    {"type": "record", "name": "R", "fields": [{"name": "a", "type": ["null", "Nope"], "default": "x"}]}
                                                                              ^^^^^^ avro/unknown-type
    `,
  ],
  [
    'enum default must be one of its symbols',
    `
    {"type": "enum", "name": "Suit", "symbols": ["SPADES", "HEARTS"], "default": "SPADE"}
                                                                                 ^^^^^^^ avro/invalid-enum-default
    `,
  ],
  [
    'fixed size must be a non-negative int',
    `
    [{"type": "fixed", "name": "A", "size": -1}, {"type": "fixed", "name": "B", "size": "16"},
                                            ^^ avro/invalid-fixed-size
                                                                                        ^^^^ avro/invalid-fixed-size
     {"type": "fixed", "name": "C", "size": 2.5}, {"type": "fixed", "name": "D", "size": 0}]
                                            ^^^ avro/invalid-fixed-size
    `,
  ],
  [
    'logical types on the wrong underlying type warn',
    `
    [{"type": "int", "logicalType": "timestamp-millis"},
                                    ^^^^^^^^^^^^^^^^^^ avro/invalid-logical-type
     {"type": "long", "logicalType": "date"},
                                     ^^^^^^ avro/invalid-logical-type
     {"type": "fixed", "name": "U", "size": 8, "logicalType": "uuid"},
                                                              ^^^^^^ avro/invalid-logical-type
     {"type": "fixed", "name": "D", "size": 12, "logicalType": "duration"},
     {"type": "string", "logicalType": "time-millis"}]
                                       ^^^^^^^^^^^^^ avro/invalid-logical-type
    `,
  ],
  [
    'decimal precision and scale',
    `
    [{"type": "bytes", "logicalType": "decimal", "precision": 0},
                                                              ^ avro/invalid-logical-type
     {"type": "fixed", "name": "F", "size": 4, "logicalType": "decimal", "precision": 10, "scale": 2},
                                                                                      ^^ avro/invalid-logical-type
     {"type": "fixed", "name": "G", "size": 4, "logicalType": "decimal", "precision": 9, "scale": 10},
                                                                                                  ^^ avro/invalid-logical-type
     {"type": "string", "logicalType": "decimal", "precision": 4}]
                                       ^^^^^^^^^ avro/invalid-logical-type
    `,
  ],
  [
    'a misspelt logical type warns with a fix',
    `
    {"type": "long", "logicalType": "timestamp-milis"}
                                    ^^^^^^^^^^^^^^^^^ avro/unknown-logical-type
    `,
  ],
  [
    'logicalType on the field object is ignored',
    `
    {"type": "record", "name": "R", "fields": [{"name": "t", "type": "long", "logicalType": "timestamp-millis"}]}
                                                                             ^^^^^^^^^^^^^ avro/logical-type-on-field
    `,
  ],
  [
    'unions: nested unions and duplicate branches',
    `
    ["null", ["int", "string"], "int", {"type": "array", "items": "int"}, {"type": "array", "items": "long"},
             ^^^^^^^^^^^^^^^^^ avro/nested-union
                                                                          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ avro/duplicate-union-branch
     {"type": "int", "logicalType": "date"}, "null"]
     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ avro/duplicate-union-branch
                                             ^^^^^^ avro/duplicate-union-branch
    `,
  ],
  [
    'two named types of different names may share a union, the same name twice may not',
    `
    [{"type": "record", "name": "A", "fields": []}, {"type": "record", "name": "B", "fields": []}, "A"]
                                                                                                   ^^^ avro/duplicate-union-branch
    `,
  ],
  [
    'missing required attributes',
    `
    [{"type": "record", "name": "R"}, {"type": "enum", "name": "E"}, {"type": "array"}, {"type": "map"},
                                ^^^ avro/missing-attribute
                                                               ^^^ avro/missing-attribute
                                                                              ^^^^^^^ avro/missing-attribute
                                                                                                 ^^^^^ avro/missing-attribute
     {"type": "fixed", "name": "F"}, {"type": "record", "fields": []}, {"name": "x"}]
                               ^^^ avro/missing-attribute
                                              ^^^^^^^^ avro/missing-attribute
                                                                       ^ avro/missing-attribute
    `,
  ],
  [
    'fields need a name and a type',
    `
    {"type": "record", "name": "R", "fields": [{"type": "int"}, {"name": "b"}]}
                                               ^ avro/missing-attribute
                                                                         ^^^ avro/missing-attribute
    `,
  ],
  [
    'attributes of the wrong JSON type',
    `
    {"type": "record", "name": ["R"], "fields": [{"name": "a", "type": "int", "aliases": "b"}], "doc": 1}
                               ^^^^^ avro/invalid-attribute
                                                                                         ^^^ avro/invalid-attribute
                                                                                                       ^ avro/invalid-attribute
    `,
  ],
  [
    'values that are not schemas',
    `
    {"type": "record", "name": "R", "fields": [{"name": "a", "type": null}, {"name": "b", "type": 5}]}
                                                                     ^^^^ avro/invalid-schema
                                                                                                  ^ avro/invalid-schema
    `,
  ],
  [
    'a nested schema object in "type" of a schema object',
    `
    {"type": {"type": "array", "items": "int"}}
     ^^^^^^ avro/invalid-type
    `,
  ],
  [
    'attributes that Avro ignores where they are written',
    `
    {"type": "record", "name": "R", "symbols": [], "fields": [
                                    ^^^^^^^^^ avro/ignored-attribute
      {"name": "a", "type": {"type": "array", "items": "int", "default": []}}
                                                              ^^^^^^^^^ avro/ignored-attribute
    ]}
    `,
  ],
  [
    'field order must be ascending, descending or ignore',
    `
    {"type": "record", "name": "R", "fields": [{"name": "a", "type": "int", "order": "DESCENDING"}]}
                                                                                     ^^^^^^^^^^^^ avro/invalid-order
    `,
  ],
  [
    'a use before the definition warns (only Avro Java 1.12 accepts it)',
    `
    {"type": "record", "name": "R", "fields": [
      {"name": "a", "type": "E"},
                            ^^^ avro/forward-reference
      {"name": "b", "type": {"type": "enum", "name": "E", "symbols": ["A"]}}
    ]}
    `,
  ],
  [
    'field aliases that name another field',
    `
    {"type": "record", "name": "R", "fields": [{"name": "a", "type": "int"}, {"name": "b", "type": "int", "aliases": ["a"]}]}
                                                                                                                      ^^^ avro/alias-conflict
    `,
  ],
];

for (const [name, src] of cases) {
  test(`avsc check: ${name}`, () => {
    expectMarks(src);
  });
}

test('recursive types, error records and the null namespace follow the spec', () => {
  const { diagnostics } = check(`{"type": "record", "name": "R", "fields": [
    {"name": "s", "type": {"type": "record", "namespace": "x", "name": "Y", "fields": [
      {"name": "e", "type": {"type": "error", "namespace": "", "name": "Z", "fields": [{"name": "f", "type": ["null", "Z"]}]}}
    ]}},
    {"name": "t", "type": "Z"}, {"name": "u", "type": "x.Y"}
  ]}`);
  assert.deepEqual(diagnostics, []);
});

test('an unknown primitive typo offers "did you mean" and the fix makes the schema valid', () => {
  const text = '{"type": "record", "name": "R", "fields": [{"name": "a", "type": "Strng"}, {"name": "b", "type": "integer"}]}';
  const ds = check(text).diagnostics;
  assert.deepEqual(ds.map((d) => d.message), ['unknown type "Strng"; did you mean "string"?', 'unknown type "integer"; did you mean "int"?']);
  let fixed = text;
  for (const d of [...ds].reverse()) fixed = applyFix(fixed, d.fixes![0]!);
  assert.deepEqual(check(fixed).diagnostics, []);
});

test('a name defined in another namespace is suggested by its full name', () => {
  const text = '{"type": "record", "name": "a.R", "fields": [{"name": "x", "type": {"type": "enum", "name": "b.Color", "symbols": ["RED"]}}, {"name": "y", "type": "Color"}]}';
  const [d] = check(text).diagnostics;
  assert.equal(d!.message, 'unknown type "Color"; did you mean "b.Color"?');
  assert.deepEqual(check(applyFix(text, d!.fixes![0]!)).diagnostics, []);
});

test('the union-default fix moves the matching branch first', () => {
  const text = '{"type": "record", "name": "R", "fields": [{"name": "a", "type": ["null", {"type": "array", "items": "int"}], "default": [1]}]}';
  const [d] = check(text).diagnostics;
  assert.equal(d!.code, 'avro/union-default-not-first');
  assert.equal(d!.severity, 'warning');
  const fixed = applyFix(text, d!.fixes![0]!);
  assert.match(fixed, /"type": \[\{"type": "array", "items": "int"\}, "null"\]/);
  assert.deepEqual(check(fixed).diagnostics, []);
});

test('the object-form reference fix writes the name alone', () => {
  const text = '[{"type": "enum", "name": "E", "symbols": ["A"]}, {"type": "map", "values": {"type": "E"}}]';
  const [d] = check(text).diagnostics;
  assert.deepEqual(check(applyFix(text, d!.fixes![0]!)).diagnostics, []);
});

test('the misplaced logicalType fix moves it (and decimal parameters) into the type', () => {
  const text = '{"type": "record", "name": "R", "fields": [{"name": "p", "type": "bytes", "logicalType": "decimal", "precision": 9, "scale": 2, "doc": "price"}]}';
  const [d] = check(text).diagnostics;
  const fixed = applyFix(text, d!.fixes![0]!);
  assert.equal(
    fixed,
    '{"type": "record", "name": "R", "fields": [{"name": "p", "type": {"type": "bytes", "logicalType": "decimal", "precision": 9, "scale": 2}, "doc": "price"}]}',
  );
  assert.deepEqual(check(fixed).diagnostics, []);
});

test('the missing-fields fix inserts an empty fields array', () => {
  const text = '{"type": "record", "name": "R"}';
  const [d] = check(text).diagnostics;
  assert.deepEqual(check(applyFix(text, d!.fixes![0]!)).diagnostics, []);
});

test('the enum-default and order fixes correct the value', () => {
  const text = '{"type": "record", "name": "R", "fields": [{"name": "s", "order": "Ignore", "type": {"type": "enum", "name": "S", "symbols": ["SPADES"], "default": "SPADE"}}]}';
  let fixed = text;
  for (const d of [...check(text).diagnostics].reverse()) fixed = applyFix(fixed, d.fixes![0]!);
  assert.deepEqual(check(fixed).diagnostics, []);
});

test('related information points at the first definition', () => {
  const text = '{"type": "record", "name": "R", "fields": [{"name": "a", "type": "int"}, {"name": "a", "type": "long"}]}';
  const [d] = check(text, 'avsc', undefined, { uri: 'file:///r.avsc' }).diagnostics;
  assert.equal(d!.related![0]!.uri, 'file:///r.avsc');
  assert.equal(text.slice(d!.related![0]!.span.start, d!.related![0]!.span.end), '"a"');
  assert.equal(d!.related![0]!.span.start, text.indexOf('"a"'));
});

test('unicode names are errors by default and accepted with names: unicode', () => {
  const text = '{"type": "record", "name": "Структура", "fields": [{"name": "文字列", "type": "string"}]}';
  assert.equal(errors(check(text).diagnostics).length, 2);
  assert.deepEqual(check(text, 'avsc', undefined, { names: 'unicode' }).diagnostics, []);
});

test('protocols: messages, one-way, errors and parameters are checked', () => {
  expectMarks(
    `
    {"protocol": "P", "namespace": "n", "types": [
      {"type": "error", "name": "Oops", "fields": []}, {"type": "record", "name": "Rec", "fields": []}],
     "messages": {
      "ok": {"request": [{"name": "a", "type": "Rec"}], "response": "null", "errors": ["Oops"]},
      "bad": {"request": [{"name": "a", "type": "int"}, {"name": "a", "type": "Rec", "default": 1}], "response": "Rec", "errors": ["Rec"], "one-way": true},
                                                                 ^^^ avro/duplicate-field
                                                                                                ^ avro/default-type-mismatch
                                                                                                                                   ^^^^^ avro/not-an-error
                                                                                                                                                      ^^^^ avro/invalid-one-way
      "nope": {"response": "Missing"}
                           ^^^^^^^^^ avro/unknown-type
      ^^^^^^ avro/missing-attribute
    }}
    `,
    'avpr',
  );
});
