import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { WorkspaceEdit } from 'vscode-languageserver-types';
import { isRenameError, prepareRename, rename } from '../../../server/src/service/proto/rename';
import { applyEdits, fixture, uriOf, type Fixture } from '../fixture';

const everywhere = (_uri: string): boolean => true;

function run(source: string, newName: string, canEdit: (uri: string) => boolean = everywhere): { f: Fixture; res: ReturnType<typeof rename> } {
  const f = fixture(source);
  return { f, res: rename(f.project, f.uri, f.position, newName, canEdit) };
}

/** Renames at `$0` and compares every changed file's text with `expected` (path -> text). */
function checkRename(source: string, newName: string, expected: Record<string, string>): void {
  const { f, res } = run(source, newName);
  assert.ok(!isRenameError(res), isRenameError(res) ? res.error : '');
  const edit = res as WorkspaceEdit;
  const after: Record<string, string> = {};
  for (const [uri, edits] of Object.entries(edit.changes ?? {})) {
    const file = f.files.find((x) => x.uri === uri)!;
    after[file.path] = applyEdits(file.text, edits);
  }
  assert.deepEqual(after, expected);
}

function checkRefused(source: string, newName: string, error: RegExp, canEdit = everywhere): void {
  const { res } = run(source, newName, canEdit);
  assert.ok(isRenameError(res), 'expected the rename to be refused');
  assert.match(res.error, error);
}

test('renames a message and every reference, keeping each qualification', () => {
  checkRename(
    `
//- acme/money.proto
package acme;
message Mo$0ney { int64 units = 1; }
message Price { Money amount = 1; }
//- acme/order.proto
package acme;
import "acme/money.proto";
message Order {
  Money total = 1;
  repeated .acme.Money parts = 2;
  map<string, acme.Money> by_currency = 3;
}
//- other.proto
package other;
message Money {}
message X { Money m = 1; }
`,
    'Amount',
    {
      'acme/money.proto': 'package acme;\nmessage Amount { int64 units = 1; }\nmessage Price { Amount amount = 1; }\n',
      'acme/order.proto':
        'package acme;\nimport "acme/money.proto";\nmessage Order {\n  Amount total = 1;\n  repeated .acme.Amount parts = 2;\n  map<string, acme.Amount> by_currency = 3;\n}\n',
    },
  );
});

test('renaming an outer message rewrites the qualifier of references to nested types', () => {
  checkRename(
    `
package p;
message Outer {
  message Inner {}
  Inner a = 1;
}
message User {
  Outer.Inner b = 1;
  .p.Outer.Inner c = 2;
  Ou$0ter d = 3;
}
`,
    'Wrapper',
    {
      'main.proto':
        'package p;\nmessage Wrapper {\n  message Inner {}\n  Inner a = 1;\n}\nmessage User {\n  Wrapper.Inner b = 1;\n  .p.Wrapper.Inner c = 2;\n  Wrapper d = 3;\n}\n',
    },
  );
});

test('the cursor on a qualifier renames the qualifying message', () => {
  checkRename('package p;\nmessage Outer { message Inner {} }\nmessage U { .p.Ou$0ter.Inner i = 1; Outer o = 2; }\n', 'Shell', {
    'main.proto': 'package p;\nmessage Shell { message Inner {} }\nmessage U { .p.Shell.Inner i = 1; Shell o = 2; }\n',
  });
  const f = fixture('package p;\nmessage Outer { message Inner {} }\nmessage U { .p.Ou$0ter.Inner i = 1; }\n');
  assert.deepEqual(prepareRename(f.project, f.uri, f.position, everywhere), {
    range: { start: { line: 2, character: 15 }, end: { line: 2, character: 20 } },
    placeholder: 'Outer',
  });
});

test('renames enums, fields, enum values, oneofs, services, rpcs and extensions', () => {
  checkRename('enum Sta$0tus { A = 0; }\nmessage M { Status s = 1; }\n', 'State', {
    'main.proto': 'enum State { A = 0; }\nmessage M { State s = 1; }\n',
  });
  checkRename('message M { string na$0me = 1; }\n', 'title', { 'main.proto': 'message M { string title = 1; }\n' });
  checkRename('enum E { E_UN$0SET = 0; }\n', 'E_UNSPECIFIED', { 'main.proto': 'enum E { E_UNSPECIFIED = 0; }\n' });
  checkRename('message M { oneof ki$0nd { string a = 1; } }\n', 'choice', { 'main.proto': 'message M { oneof choice { string a = 1; } }\n' });
  checkRename('service S$0vc {}\n', 'Api', { 'main.proto': 'service Api {}\n' });
  checkRename('message R {}\nservice S { rpc G$0et(R) returns (R); }\n', 'Fetch', {
    'main.proto': 'message R {}\nservice S { rpc Fetch(R) returns (R); }\n',
  });
  checkRename(
    `
//- google/protobuf/descriptor.proto
package google.protobuf;
message FieldOptions { extensions 1000 to max; }
//- main.proto
package acme;
import "google/protobuf/descriptor.proto";
extend google.protobuf.FieldOptions { bool secret = 50001; }
message M { string a = 1 [(acme.sec$0ret) = true]; string b = 2 [(secret) = false]; }
`,
    'sensitive',
    {
      'main.proto':
        'package acme;\nimport "google/protobuf/descriptor.proto";\nextend google.protobuf.FieldOptions { bool sensitive = 50001; }\nmessage M { string a = 1 [(acme.sensitive) = true]; string b = 2 [(sensitive) = false]; }\n',
    },
  );
});

test('the same name is a no-op', () => {
  const { res } = run('message Fo$0o {}\n', 'Foo');
  assert.deepEqual(res, { changes: {} });
});

test('refuses invalid identifiers, scalar names for types and clashes in the same scope', () => {
  checkRefused('message Fo$0o {}\n', '1Foo', /not a valid Protobuf identifier/);
  checkRefused('message Fo$0o {}\n', 'Foo.Bar', /not a valid Protobuf identifier/);
  checkRefused('message Fo$0o {}\n', 'string', /scalar type/);
  checkRefused('package p;\nmessage Fo$0o {}\nenum Bar { X = 0; }\n', 'Bar', /`p\.Bar` is already declared in "main\.proto"/);
  checkRefused('message M { string a$0 = 1; int32 b = 2; }\n', 'b', /`M\.b` is already declared/);
  // Enum values are siblings of their enum, so they clash across enums of one scope.
  checkRefused('enum A { A_X$0 = 0; }\nenum B { B_X = 0; }\n', 'B_X', /`B_X` is already declared/);
  // The same simple name in another scope is fine.
  checkRename('message A { message X {} }\nmessage B { message Y$0 {} }\n', 'X', {
    'main.proto': 'message A { message X {} }\nmessage B { message X {} }\n',
  });
});

test('refuses packages, well-known types, groups, files outside the workspace and non-names', () => {
  checkRefused('package ac$0me;\n', 'x', /packages cannot be renamed/);
  checkRefused(
    `
//- google/protobuf/timestamp.proto
package google.protobuf;
message Timestamp {}
//- main.proto
import "google/protobuf/timestamp.proto";
message M { google.protobuf.Time$0stamp at = 1; }
`,
    'When',
    /well-known type/,
  );
  checkRefused('syntax = "proto2";\nmessage M { optional group Re$0sult = 1 {} }\n', 'Outcome', /groups cannot be renamed/);
  const outside = (uri: string) => uri !== uriOf('vendor/dep.proto');
  checkRefused(
    `
//- vendor/dep.proto
message Dep {}
//- main.proto
import "vendor/dep.proto";
message M { De$0p d = 1; }
`,
    'Other',
    /declared in "vendor\/dep\.proto", outside the workspace/,
    outside,
  );
  checkRefused(
    `
//- vendor/dep.proto
import "main.proto";
message Dep { Mine m = 1; }
//- main.proto
message Mi$0ne {}
`,
    'Yours',
    /"vendor\/dep\.proto" refers to `Mine` but is outside the workspace/,
    outside,
  );
  checkRefused('message M { str$0ing a = 1; }\n', 'x', /nothing to rename here/);
});

test('prepareRename selects the name, or the last component of a qualified reference', () => {
  const f = fixture('package p;\nmessage Foo {}\nmessage M { .p.F$0oo a = 1; }\n');
  assert.deepEqual(prepareRename(f.project, f.uri, f.position, everywhere), {
    range: { start: { line: 2, character: 15 }, end: { line: 2, character: 18 } },
    placeholder: 'Foo',
  });
  const g = fixture('message F$0oo {}\n');
  assert.deepEqual(prepareRename(g.project, g.uri, g.position, everywhere), {
    range: { start: { line: 0, character: 8 }, end: { line: 0, character: 11 } },
    placeholder: 'Foo',
  });
  const h = fixture('mess$0age Foo {}\n');
  assert.ok(isRenameError(prepareRename(h.project, h.uri, h.position, everywhere)));
});
