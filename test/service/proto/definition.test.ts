import { test } from 'node:test';
import assert from 'node:assert/strict';
import { asLocations, definition } from '../../../server/src/service/proto/definition';
import { fixture, showLocation } from '../fixture';

/**
 * Goes to definition from `$0`. The expected target is the `^^^` annotation labelled `def`
 * (the declared name); an annotation labelled `origin` is the expected underlined origin.
 */
function checkDefinition(source: string): void {
  const f = fixture(source);
  const links = definition(f.project, f.uri, f.position);
  const def = f.annotations.find((a) => a.label === 'def');
  if (!def) {
    assert.deepEqual(links, []);
    return;
  }
  assert.equal(links.length, 1);
  const [link] = links;
  assert.equal(showLocation(link!.targetUri, link!.targetSelectionRange), showLocation(def.uri, def.range));
  const origin = f.annotations.find((a) => a.label === 'origin');
  if (origin) assert.deepEqual(link!.originSelectionRange, origin.range);
}

test('a type reference goes to the message in another file', () => {
  checkDefinition(`
//- acme/money.proto
package acme;
message Money { int64 units = 1; }
//      ^^^^^ def
//- main.proto
import "acme/money.proto";
message Order { acme.Mo$0ney total = 1; }
//              ^^^^^^^^^^ origin
`);
});

test('nested, fully qualified and enum references', () => {
  checkDefinition(`
package p;
message Outer {
  message Inner {}
//        ^^^^^ def
}
message User { .p.Outer.In$0ner a = 1; }
`);
  checkDefinition(`
package p;
message Outer {
  enum Kind { KIND_UNSPECIFIED = 0; }
//     ^^^^ def
}
message User { Outer.Ki$0nd k = 1; }
`);
});

test('rpc input and output, extend targets and option names', () => {
  checkDefinition(`
message Req {}
//      ^^^ def
service S { rpc Get(R$0eq) returns (Req); }
`);
  checkDefinition(`
//- google/protobuf/descriptor.proto
package google.protobuf;
message MessageOptions { extensions 1000 to max; }
//      ^^^^^^^^^^^^^^ def
//- main.proto
import "google/protobuf/descriptor.proto";
extend google.protobuf.MessageOp$0tions { bool audited = 50000; }
`);
  checkDefinition(`
//- google/protobuf/descriptor.proto
package google.protobuf;
message MessageOptions { extensions 1000 to max; }
//- main.proto
package acme;
import "google/protobuf/descriptor.proto";
extend google.protobuf.MessageOptions { bool audited = 50000; }
//                                           ^^^^^^^ def
message M { option (audi$0ted) = true; }
//                  ^^^^^^^ origin
`);
});

test('an import path goes to the top of the imported file', () => {
  const f = fixture(`
//- a/b.proto
message B {}
//- main.proto
import "a/b$0.proto";
`);
  const links = definition(f.project, f.uri, f.position);
  assert.deepEqual(asLocations(links).map((l) => showLocation(l.uri, l.range)), ['a/b.proto:0:0-0:0']);
  assert.deepEqual(links[0]!.originSelectionRange, { start: { line: 0, character: 7 }, end: { line: 0, character: 18 } });
});

test('a declared name is its own definition', () => {
  checkDefinition(`
message Fo$0o {}
//      ^^^ def
`);
});

test('nothing on scalars, unresolved names, unknown imports, keywords and unknown files', () => {
  checkDefinition('message A { int$032 a = 1; }\n');
  checkDefinition('message A { Mis$0sing a = 1; }\n');
  checkDefinition('import "miss$0ing.proto";\n');
  checkDefinition('me$0ssage A {}\n');
  const f = fixture('message A {}\n');
  assert.deepEqual(definition(f.project, 'file:///other.proto', f.position), []);
  assert.deepEqual(definition(f.project, f.uri, { line: -3, character: 1000 }), []);
});
