// The rules on what the code generator really writes (server/src/core/codegen), not on the
// hand-written fixtures: its unions, handler interfaces, runtime Result and UnknownEvent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import ts from 'typescript';
import { checkHandlers } from '../../../server/src/core/handlers';
import { generateFiles, repoRoot } from '../codegen/helpers';
import { applyFix, createProgram } from './program';
import { textFixture } from '../proto/fixture';

const schema = {
  'shop/v1/cart.proto': `syntax = "proto3";
package shop.v1;
message ItemAdded { string sku = 1; int32 quantity = 2; }
message ItemRemoved { string sku = 1; }
message CheckedOut { int64 total_minor = 1; }
message CartEvent {
  string event_id = 1;
  oneof event {
    ItemAdded item_added = 10;
    ItemRemoved item_removed = 11;
    CheckedOut checked_out = 12;
  }
}
`,
};

// Virtual files under the repository, so that `protobufjs` resolves from its node_modules.
const root = join(repoRoot, 'test', 'core', 'handlers', 'virtual-project');
const generated = Object.fromEntries(generateFiles(schema).map((f) => [join(root, f.path), f.text]));
const moduleFile = Object.keys(generated).find((p) => p.endsWith('cart_pb.ts'));

function check(main: string) {
  const name = join(root, 'main.ts');
  const program = createProgram({ ...generated, [name]: main }, { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext });
  const file = program.getSourceFile(name)!;
  const errors = [...program.getSemanticDiagnostics(file)].map((d) => `TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
  return { diagnostics: checkHandlers(ts, program, file), errors };
}

test('the generator writes the module these tests expect', () => {
  assert.ok(moduleFile, Object.keys(generated).join('\n'));
  assert.match(generated[moduleFile]!, /export interface CartEventHandlers<R>/);
});

test('switches, handler casts and dropped Results over generated code are found', () => {
  const fx = textFixture(`
import { decodeCartEvent, type CartEvent, type CartEventHandlers } from "./shop/v1/cart_pb.js";
export function label(e: CartEvent): string {
  switch (e.type) {
  //      ^^^^^^ handlers/missing
    case "ItemAdded": return e.value.sku;
    case "ItemRemoved": return e.value.sku;
  }
  return "";
}
export const handlers = { ItemAdded: (e) => console.log(e.value.sku) } as CartEventHandlers<void>;
//                                                                        ^^^^^^^^^^^^^^^^^^^^^^^ handlers/missing
export function consume(bytes: Uint8Array): string {
  decodeCartEvent(bytes);
//^^^^^^^^^^^^^^^^^^^^^^ handlers/discarded-result
  const r = decodeCartEvent(bytes);
  if (!r.ok) return r.error.kind;
  return label(r.value);
}
declare const console: { log(...data: unknown[]): void };
`);
  const { diagnostics, errors } = check(fx.text);
  assert.deepEqual(errors, []);
  assert.deepEqual(
    diagnostics.map((d) => [d.code, d.span.start, d.span.end]),
    fx.marks.map((m) => [m.label, m.span.start, m.span.end]),
  );
  assert.deepEqual(diagnostics.map((d) => d.message), [
    'switch over `CartEvent` does not handle `CheckedOut`, `$unknown`: add the missing cases',
    'handlers for `CartEvent` are cast with a type assertion that hides missing `ItemRemoved`, `CheckedOut`, `$unknown`: add them and use `satisfies CartEventHandlers`',
    'the Result of `decodeCartEvent` is dropped: check `.ok`, return it, or discard it with `void`',
  ]);
});

test('the fixes on generated code compile, with stubs typed by the generated variant types', () => {
  const main = `import { type CartEvent, type CartEventHandlers, type CartEventVariant } from "./shop/v1/cart_pb.js";
export const handlers = {
  ItemAdded: (e) => e.value.sku,
} as CartEventHandlers<string>;
export function label(e: CartEvent): string {
  switch (e.type) {
    case "ItemAdded":
      return e.value.sku;
  }
  return "";
}
`;
  let text = main;
  for (let round = 0; round < 2; round++) {
    const [first] = check(text).diagnostics;
    assert.ok(first?.fixes?.[0], text);
    text = applyFix(text, first.fixes[0]);
  }
  const after = check(text);
  assert.deepEqual(after.errors, [], text);
  assert.deepEqual(after.diagnostics, [], text);
  assert.ok(text.includes('ItemRemoved: (e: CartEventVariant<"ItemRemoved">) => {'), text);
  assert.ok(text.includes('$unknown: (e: CartEventVariant<"$unknown">) => {'), text);
  assert.ok(text.includes('case "CheckedOut":\n      throw new Error("not implemented: CheckedOut");'), text);
});
