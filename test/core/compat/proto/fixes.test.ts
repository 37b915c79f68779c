/**
 * The quick fixes on deletions: reserving the freed number and name, written at the end of the
 * body with its indentation, clears the findings of the rules that accept a reservation, leaves a
 * schema without errors, and is not offered for what is reserved already.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkBreaking } from '../../../../server/src/core/compat/proto/check';
import type { Finding } from '../../../../server/src/core/compat/finding';
import { inlineImage } from './inline';

function applyFix(text: string, f: Finding): string {
  const fix = f.fixes?.[0];
  assert.ok(fix, `${f.code} offers a fix`);
  let out = text;
  for (const e of [...fix.edits].sort((a, b) => b.span.start - a.span.start)) out = out.slice(0, e.span.start) + e.newText + out.slice(e.span.end);
  return out;
}

const RESERVED_RULES = {
  version: 'v2' as const,
  use: ['FIELD_NO_DELETE_UNLESS_NUMBER_RESERVED', 'FIELD_NO_DELETE_UNLESS_NAME_RESERVED', 'ENUM_VALUE_NO_DELETE_UNLESS_NUMBER_RESERVED', 'ENUM_VALUE_NO_DELETE_UNLESS_NAME_RESERVED'],
};

for (const [syntax, quoted] of [
  ['syntax = "proto3";', true],
  ['edition = "2023";', false],
] as const) {
  test(`reserving a deleted field and enum value clears the reservation rules (${syntax})`, () => {
    const old = inlineImage(`${syntax}
package shop;
enum Status {
  STATUS_UNSPECIFIED = 0;
  STATUS_OPEN = 1;
  STATUS_GONE = 2;
}
message Order {
  string id = 1;
  int64 total = 2;
  Status status = 3;
}`).image;
    const text = `${syntax}
package shop;
enum Status {
  STATUS_UNSPECIFIED = 0;
  STATUS_OPEN = 1;
}
message Order {
  string id = 1;
  Status status = 3;
}`;
    const findings = checkBreaking(old, inlineImage(text).image, RESERVED_RULES);
    assert.deepEqual(findings.map((f) => f.code).sort(), [
      'ENUM_VALUE_NO_DELETE_UNLESS_NAME_RESERVED',
      'ENUM_VALUE_NO_DELETE_UNLESS_NUMBER_RESERVED',
      'FIELD_NO_DELETE_UNLESS_NAME_RESERVED',
      'FIELD_NO_DELETE_UNLESS_NUMBER_RESERVED',
    ]);
    const field = findings.find((f) => f.code === 'FIELD_NO_DELETE_UNLESS_NUMBER_RESERVED')!;
    const value = findings.find((f) => f.code === 'ENUM_VALUE_NO_DELETE_UNLESS_NUMBER_RESERVED')!;
    assert.equal(field.fixes![0]!.title, 'Reserve number 2 and name "total"');
    assert.equal(value.fixes![0]!.title, 'Reserve number 2 and name "STATUS_GONE"');
    const fixed = applyFix(applyFix(text, field), value);
    const name = (n: string) => (quoted ? `"${n}"` : n);
    assert.equal(
      fixed,
      `${syntax}
package shop;
enum Status {
  STATUS_UNSPECIFIED = 0;
  STATUS_OPEN = 1;
  reserved 2;
  reserved ${name('STATUS_GONE')};
}
message Order {
  string id = 1;
  Status status = 3;
  reserved 2;
  reserved ${name('total')};
}`,
    );
    const after = inlineImage(fixed);
    const errors = after.fixture.project.diagnostics(after.fixture.uri).filter((d) => d.severity === 'error');
    assert.deepEqual(errors, []);
    assert.deepEqual(checkBreaking(old, after.image, RESERVED_RULES), []);
    // FIELD_NO_DELETE (FILE) does not accept reservations, as in buf, and nothing is left to reserve.
    const still = checkBreaking(old, after.image, { version: 'v2', use: ['FIELD_NO_DELETE', 'ENUM_VALUE_NO_DELETE'] });
    assert.deepEqual(still.map((f) => [f.code, f.fixes]), [
      ['ENUM_VALUE_NO_DELETE', undefined],
      ['FIELD_NO_DELETE', undefined],
    ]);
  });
}

test('a deleted last field is reserved inside the now empty body; a renumbered field only frees its number', () => {
  const old = inlineImage(`syntax = "proto3";
message A {
  int32 x = 1;
}
message B {
  int32 y = 1;
}`).image;
  const text = `syntax = "proto3";
message A {
}
message B {
  int32 y = 2;
}`;
  const findings = checkBreaking(old, inlineImage(text).image, { version: 'v2', use: ['FIELD_NO_DELETE'] });
  assert.deepEqual(findings.map((f) => [f.message, f.fixes?.[0]?.title]), [
    ['previously present field "1" with name "x" on message "A" was deleted', 'Reserve number 1 and name "x"'],
    ['previously present field "1" with name "y" on message "B" was deleted', 'Reserve number 1'],
  ]);
  const fixed = applyFix(applyFix(text, findings[1]!), findings[0]!);
  assert.equal(fixed, 'syntax = "proto3";\nmessage A {\n  reserved 1;\n  reserved "x";\n}\nmessage B {\n  int32 y = 2;\n  reserved 1;\n}');
});
