// switch statements over generated event unions: missing cases, swallowing defaults, the fix.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, compileErrors, expectFindings, project, run } from './program';

test('a switch without a default that lacks variants names them, $unknown included', () => {
  const { diagnostics } = expectFindings(`
import type { OrderEvent } from "./gen/orders";
export function label(e: OrderEvent): string {
  switch (e.type) {
  //      ^^^^^^ handlers/missing
    case "OrderPlaced": return "placed";
    case "OrderShipped": return "shipped";
  }
  return "";
}
`);
  assert.equal(diagnostics[0]!.message, 'switch over `OrderEvent` does not handle `OrderCancelled`, `$unknown`: add the missing cases');
  assert.equal(diagnostics[0]!.severity, 'error');
});

test('a switch that lists every variant, $unknown included, is complete with or without an unreachable default', () => {
  expectFindings(`
import { type OrderEvent } from "./gen/orders";
import { assertNever } from "./gen/runtime";
export function a(e: OrderEvent): string {
  switch (e.type) {
    case "OrderPlaced": return "p";
    case "OrderShipped": return "s";
    case "OrderCancelled": return "c";
    case "$unknown": return "u";
  }
}
export function b(e: OrderEvent): string {
  switch (e.type) {
    case "OrderPlaced": return "p";
    case "OrderShipped": return "s";
    case "OrderCancelled": return "c";
    case "$unknown": return "u";
    default: return assertNever(e, "OrderEvent");
  }
}
export function c(e: OrderEvent): string {
  switch (e.type) {
    case "OrderPlaced": case "OrderShipped": return "p";
    case "OrderCancelled": return "c";
    case "$unknown": return "u";
    default: console.log("cannot happen"); return "";
  }
}
`);
});

test('a default that does real work while variants are unlisted swallows them', () => {
  const { diagnostics } = expectFindings(`
import type { OrderEvent } from "./gen/orders";
export function label(e: OrderEvent): string {
  switch (e.type) {
    case "OrderPlaced": return "placed";
    default:
//  ^^^^^^^ handlers/swallowing-default
      console.log("ignored", e.type);
      return "other";
  }
}
export function empty(e: OrderEvent): void {
  switch (e.type) {
    case "OrderPlaced": break;
    case "OrderShipped": break;
    case "OrderCancelled": break;
    default:
//  ^^^^^^^ handlers/swallowing-default
  }
}
export function fallsThrough(e: OrderEvent): string {
  switch (e.type) {
    case "OrderShipped":
    case "OrderCancelled":
    default:
//  ^^^^^^^ handlers/swallowing-default
    case "OrderPlaced":
      return "any";
  }
}
`);
  assert.equal(diagnostics[0]!.message, 'default swallows known variants of `OrderEvent`: `OrderShipped`, `OrderCancelled`, `$unknown`; list them as cases');
  assert.deepEqual(
    diagnostics.map((d) => d.fixes?.[0]?.title),
    ['Add missing cases', 'Add missing cases', 'Add missing cases'],
  );
});

test('an unreachable default (assertNever, a never-typed binding) or a throwing one leaves the cases missing, not swallowed', () => {
  const { diagnostics, files } = expectFindings(`
import type { OrderEvent } from "./gen/orders";
import { assertNever } from "./gen/runtime";
export function viaAssert(e: OrderEvent): string {
  switch (e.type) {
  //      ^^^^^^ handlers/missing
    case "OrderPlaced": return "p";
    case "OrderShipped": return "s";
    case "$unknown": return "u";
    default: return assertNever(e, "OrderEvent");
  }
}
export function viaBinding(e: OrderEvent): string {
  switch (e.type) {
  //      ^^^^^^ handlers/missing
    case "OrderPlaced": return "p";
    default: {
      const unreachable: never = e;
      return unreachable;
    }
  }
}
export function viaThrow(e: OrderEvent): string {
  switch (e.type) {
  //      ^^^^^^ handlers/missing
    case "OrderPlaced": return "p";
    default: throw new Error("unexpected " + e.type);
  }
}
`);
  assert.match(diagnostics[0]!.message, /does not handle `OrderCancelled`: add the missing cases$/);
  // TypeScript itself rejects the never checks; our finding adds the names and the fix.
  const errors = compileErrors(files);
  assert.equal(errors.filter((e) => e.startsWith('TS2345')).length, 1, errors.join('\n'));
  assert.equal(errors.filter((e) => e.startsWith('TS2322')).length, 1, errors.join('\n'));
});

test('the subject is narrowed where the switch starts, so earlier returns count', () => {
  expectFindings(`
import type { OrderEvent } from "./gen/orders";
export function rest(e: OrderEvent): string {
  if (e.type === "OrderPlaced" || e.type === "$unknown") return "early";
  switch (e.type) {
    case "OrderShipped": return "s";
    case "OrderCancelled": return "c";
  }
}
export function narrowedLater(e: OrderEvent): string {
  if (e.type === "OrderPlaced") return "early";
  switch (e["type"]) {
  //      ^^^^^^^^^ handlers/missing
    case "OrderShipped": return "s";
  }
  return "";
}
`);
});

test('case labels may be constants; unions outside generated files are not checked', () => {
  expectFindings(`
import type { OrderEvent } from "./gen/orders";
const PLACED = "OrderPlaced";
const SHIPPED = "OrderShipped" as const;
export function consts(e: OrderEvent): string {
  switch (e.type) {
  //      ^^^^^^ handlers/missing
    case PLACED: return "p";
    case SHIPPED: return "s";
    case "$unknown": return "u";
  }
  return "";
}
type Mine = { readonly type: "a" } | { readonly type: "b" };
export function mine(m: Mine): string {
  switch (m.type) {
    case "a": return "a";
  }
  return "";
}
`);
});

test('"Add missing cases" inserts a stub case per variant; the result compiles and is complete', () => {
  for (const body of [
    `  switch (e.type) {\n    case "OrderPlaced":\n      return "p";\n  }\n  return "";`,
    `  switch (e.type) {\n    case "OrderPlaced": return "p";\n    default:\n      return "other";\n  }`,
    `  switch (e.type) {\n  }\n  return "";`,
  ]) {
    const main = `import type { OrderEvent } from "./gen/orders";\nexport function f(e: OrderEvent): string {\n${body}\n}\n`;
    const [finding] = run(project(main));
    const fix = finding?.fixes?.[0];
    assert.ok(fix, `a fix for:\n${main}`);
    const fixed = applyFix(main, fix);
    assert.deepEqual(run(project(fixed)), [], fixed);
    assert.deepEqual(compileErrors(project(fixed)), [], fixed);
    for (const tag of ['OrderShipped', 'OrderCancelled', '$unknown']) {
      assert.ok(fixed.includes(`case "${tag}":\n`), fixed);
      assert.ok(fixed.includes(`throw new Error("not implemented: ${tag}");`), fixed);
    }
  }
});

test('the fix keeps the clause layout: cases go before the default at its indentation', () => {
  const main = `import type { OrderEvent } from "./gen/orders";
export function f(e: OrderEvent): string {
  switch (e.type) {
    case "OrderPlaced":
    case "OrderShipped":
    case "OrderCancelled":
      return "known";
    default:
      return "other";
  }
}
`;
  const [finding] = run(project(main));
  assert.equal(finding?.code, 'handlers/swallowing-default');
  assert.equal(
    applyFix(main, finding!.fixes![0]!),
    main.replace(
      '    default:',
      '    case "$unknown":\n      throw new Error("not implemented: $unknown");\n    default:',
    ),
  );
});
