// Definition and references across .avsc and .avdl files: named types by full name, through
// namespaces, the null-namespace fallback and IDL imports; enum symbols through defaults.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { definition } from '../../../server/src/service/avro/definition';
import { references } from '../../../server/src/service/avro/references';
import { showLocation } from '../fixture';
import { avroFixture, noThrow } from './fixture';

/** Definition at `$0`: the target as `path:range` of its name (or null), and the origin range. */
function defAt(source: string): { target: string | null; origin?: string } {
  const f = avroFixture(source);
  const links = noThrow(() => definition(f.project, f.uri, f.position));
  if (links.length === 0) return { target: null };
  assert.equal(links.length, 1);
  const l = links[0]!;
  return { target: showLocation(l.targetUri, l.targetSelectionRange), origin: showLocation(f.uri, l.originSelectionRange!) };
}

/** References at `$0` must be exactly the `^^^` annotations (in any file), declaration included. */
function checkReferences(source: string, includeDeclaration = true): void {
  const f = avroFixture(source);
  const got = noThrow(() => references(f.project, f.uri, f.position, includeDeclaration)).map((l) => showLocation(l.uri, l.range));
  const want = f.annotations.filter((a) => includeDeclaration || a.label !== 'decl').map((a) => showLocation(a.uri, a.range));
  assert.deepEqual([...got].sort(), [...want].sort());
}

const files = `
//- common/money.avsc
{"type": "record", "name": "Money", "namespace": "acme.common", "fields": [{"name": "units", "type": "long"}]}
//                         ^^^^^^^ decl
//- orders/order.avsc
{"type": "record", "name": "Order", "namespace": "acme.common", "fields": [
  {"name": "total", "type": "Money"},
//                          ^^^^^^^
  {"name": "tax", "type": ["null", "acme.common.Money"], "default": null}
//                                 ^^^^^^^^^^^^^^^^^^^
]}
//- legacy.avsc
{"type": "record", "name": "Legacy", "namespace": "other", "fields": [{"name": "m", "type": "Money"}]}
//- plain.avsc
{"type": "record", "name": "Plain", "fields": [{"name": "m", "type": "acme.common.Money"}]}
//                                                                   ^^^^^^^^^^^^^^^^^^^
`;

test('a short reference goes to the type its namespace names, in another file', () => {
  const f = files.replace('"type": "Money"}', '"type": "Mo$0ney"}');
  assert.deepEqual(defAt(f), { target: 'common/money.avsc:0:27-0:34', origin: 'orders/order.avsc:1:28-1:35' });
});

test('a name in another namespace does not resolve to the type', () => {
  // "Money" in namespace "other" means other.Money, then (Java's fallback) the null-namespace Money.
  assert.deepEqual(defAt(files.replace('"type": "Money"}]}', '"type": "Mon$0ey"}]}')), { target: null });
});

test('references of a type: every file, short and full names, declaration on request', () => {
  checkReferences(files.replace('"name": "Money"', '"name": "Mon$0ey"'));
  checkReferences(files.replace('"name": "Money"', '"name": "Mon$0ey"'), false);
  checkReferences(files.replace('["null", "acme.common.Money"]', '["null", "acme.common.Mo$0ney"]'));
});

test('when two folders define the same full name, references stay with the nearest definition', () => {
  const source = `
//- v1/money.avsc
{"type": "fixed", "name": "Money", "size": 8}
//- v1/order.avsc
{"type": "record", "name": "Order", "fields": [{"name": "m", "type": "Money"}]}
//- v2/money.avsc
{"type": "fixed", "name": "Mon$0ey", "size": 16}
//                        ^^^^^^^ decl
//- v2/order.avsc
{"type": "record", "name": "Order", "fields": [{"name": "m", "type": "Money"}]}
//                                                                   ^^^^^^^
`;
  checkReferences(source);
  assert.equal(defAt(source.replace('"Mon$0ey"', '"Money"').replace('"type": "Money"}]}\n//                                                                   ^^^^^^^', '"type": "Mo$0ney"}]}')).target, 'v2/money.avsc:0:26-0:33');
});

test('an enum default goes to its symbol; references of a symbol include defaults in other files', () => {
  const source = `
//- status.avsc
{"type": "enum", "name": "Status", "symbols": ["NEW", "PA$0ID"], "default": "NEW"}
//                                                    ^^^^^^ decl
//- order.avsc
{"type": "record", "name": "Order", "fields": [{"name": "s", "type": "Status", "default": "PAID"}]}
//                                                                                        ^^^^^^
`;
  checkReferences(source);
  const moved = source.replace('"PA$0ID"', '"PAID"').replace('"default": "PAID"', '"default": "PA$0ID"');
  assert.deepEqual(defAt(moved), { target: 'status.avsc:0:54-0:60', origin: 'order.avsc:0:90-0:96' });
});

test('IDL: a reference resolves through the imports only, and an import goes to its file', () => {
  const source = (cursor: string) => `
//- main.avdl
@namespace("acme.orders")
protocol Orders {
  import schema "../common/money.avsc";
  import idl "${cursor === 'import' ? 'sta$0tus.avdl' : 'status.avdl'}";
  record Order { ${cursor === 'ref' ? 'acme.common.Mo$0ney' : 'acme.common.Money'} total; ${cursor === 'enum' ? 'Stat$0us' : 'Status'} status; }
}
//- status.avdl
@namespace("acme.orders")
protocol S { enum Status { NEW } }
//- ../common/money.avsc
{"type": "record", "name": "Money", "namespace": "acme.common", "fields": []}
`;
  assert.equal(defAt(source('ref')).target, '../common/money.avsc:0:27-0:34');
  assert.equal(defAt(source('enum')).target, 'status.avdl:1:18-1:24');
  assert.equal(defAt(source('import')).target, 'status.avdl:0:0-0:0');
  // Without the import, the IDL file does not see the type even though the workspace has it.
  assert.equal(defAt(source('ref').replace('import schema "../common/money.avsc";', '')).target, null);
});

test('IDL and JSON references of one type are found together', () => {
  checkReferences(`
//- types.avdl
namespace acme;
record Mon$0ey { long units; }
//     ^^^^^ decl
record Order { Money total; array<acme.Money> parts; }
//             ^^^^^
//                                ^^^^^^^^^^
//- use.avsc
{"type": "record", "name": "Use", "fields": [{"name": "m", "type": "acme.Money"}]}
//                                                                 ^^^^^^^^^^^^
`);
});
