// Handler objects that escape TypeScript's completeness check: assertions, Partial, spreads, any.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, compileErrors, expectFindings, project, run } from './program';

test('a handler object cast with `as` or `<T>` that lacks handlers is reported at the asserted type', () => {
  const { diagnostics, files } = expectFindings(`
import type { OrderEventHandlers } from "./gen/orders";
export const viaAs = {
  OrderPlaced: (e) => console.log(e.orderId),
  OrderShipped: (e) => console.log(e.orderId),
} as OrderEventHandlers<void>;
//   ^^^^^^^^^^^^^^^^^^^^^^^^ handlers/missing
export const viaAngle = <OrderEventHandlers<void>>{ OrderPlaced: (e) => {} };
//                       ^^^^^^^^^^^^^^^^^^^^^^^^ handlers/missing
export const viaUnknown = { OrderPlaced: () => {} } as unknown as OrderEventHandlers<void>;
//                                                                ^^^^^^^^^^^^^^^^^^^^^^^^ handlers/missing
export const complete = {
  OrderPlaced: () => {},
  OrderShipped: () => {},
  OrderCancelled: () => {},
  $unknown: () => {},
} as OrderEventHandlers<void>;
`);
  assert.equal(
    diagnostics[0]!.message,
    'handlers for `OrderEvent` are cast with a type assertion that hides missing `OrderCancelled`, `$unknown`: add them and use `satisfies OrderEventHandlers`',
  );
  // TypeScript accepts these casts: the handlers take their event, so the types overlap.
  assert.deepEqual(compileErrors(files), []);
});

test('Partial<XHandlers> hides missing handlers: at the annotation, or at the literal when passed on', () => {
  const { diagnostics } = expectFindings(`
import type { OrderEventHandlers } from "./gen/orders";
export const some: Partial<OrderEventHandlers<void>> = { OrderPlaced: () => {} };
//                 ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ handlers/missing
export function register(handlers: Partial<OrderEventHandlers<number>>): void {
  console.log(handlers);
}
register({ OrderPlaced: () => 1, $unknown: () => 0 });
//       ^ handlers/missing
export const all: Partial<OrderEventHandlers<void>> = {
  OrderPlaced: () => {},
  OrderShipped: () => {},
  OrderCancelled: () => {},
  $unknown: () => {},
};
`);
  assert.equal(
    diagnostics[0]!.message,
    '`Partial<OrderEventHandlers>` hides missing handlers for `OrderEvent`: `OrderShipped`, `OrderCancelled`, `$unknown`; add them and drop `Partial`',
  );
  assert.match(diagnostics[1]!.message, /: `OrderShipped`, `OrderCancelled`; add them/);
});

test('a spread of an object that was itself cast hides the handlers it lacks', () => {
  const { files } = expectFindings(`
import type { OrderEventHandlers } from "./gen/orders";
const base = { OrderPlaced: (e) => {} } as OrderEventHandlers<void>;
//                                         ^^^^^^^^^^^^^^^^^^^^^^^^ handlers/missing
export const handlers: OrderEventHandlers<void> = {
  ...base,
//^^^^^^^ handlers/missing
  OrderShipped: () => {},
};
const full: OrderEventHandlers<void> = {
  OrderPlaced: () => {},
  OrderShipped: () => {},
  OrderCancelled: () => {},
  $unknown: () => {},
};
export const copy: OrderEventHandlers<void> = { ...full, OrderPlaced: () => {} };
`);
  assert.deepEqual(compileErrors(files), []);
});

test('handlers typed any: traced back to their literal when possible, otherwise every key is unchecked', () => {
  const { diagnostics } = expectFindings(`
import { dispatchOrderEvent, type OrderEvent, type OrderEventHandlers } from "./gen/orders";
export function run(e: OrderEvent, json: string): void {
  const loose: any = { OrderPlaced: () => {}, OrderShipped: () => {}, OrderCancelled: () => {} };
  dispatchOrderEvent(e, loose);
  //                    ^^^^^ handlers/missing
  dispatchOrderEvent(e, JSON.parse(json));
  //                    ^^^^^^^^^^^^^^^^ handlers/missing
  const parsed = JSON.parse(json) as OrderEventHandlers<void>;
  //                                 ^^^^^^^^^^^^^^^^^^^^^^^^ handlers/missing
  dispatchOrderEvent(e, parsed);
}
export function build(): OrderEventHandlers<void> {
  return { OrderPlaced: () => {} } as any;
  //     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ handlers/missing
}
`);
  assert.match(diagnostics[0]!.message, /pass through `any`, which hides missing `\$unknown`: add them and type the object as `OrderEventHandlers`$/);
  assert.equal(
    diagnostics[1]!.message,
    'handlers for `OrderEvent` have type `any`, so none of `OrderPlaced`, `OrderShipped`, `OrderCancelled`, `$unknown` is checked: give them the type `OrderEventHandlers`',
  );
  assert.match(diagnostics[2]!.message, /are cast from a value of type `any`/);
});

test('checked forms are left to TypeScript: satisfies, annotations, the generated define helper', () => {
  expectFindings(`
import { defineOrderEventHandlers, type OrderEventHandlers } from "./gen/orders";
export const a = {
  OrderPlaced: () => {},
  OrderShipped: () => {},
  OrderCancelled: () => {},
  $unknown: () => {},
} satisfies OrderEventHandlers<void>;
export const b = defineOrderEventHandlers({
  OrderPlaced: () => 1,
  OrderShipped: () => 2,
  OrderCancelled: () => 3,
  $unknown: () => 4,
});
`);
});

test('"Add missing handlers" adds typed stubs, $unknown included, and the object is complete afterwards', () => {
  const main = `import type { OrderEventHandlers, OrderCancelled } from "./gen/orders";
export const handlers = {
  OrderPlaced: (e) => console.log(e.orderId),
  OrderShipped: (e) => console.log(e.orderId),
} as OrderEventHandlers<void>;
`;
  const [finding] = run(project(main));
  const fix = finding!.fixes![0]!;
  assert.equal(fix.title, 'Add missing handlers');
  const fixed = applyFix(main, fix);
  assert.equal(
    fixed,
    `import type { OrderEventHandlers, OrderCancelled } from "./gen/orders";
export const handlers = {
  OrderPlaced: (e) => console.log(e.orderId),
  OrderShipped: (e) => console.log(e.orderId),
  OrderCancelled: (e: OrderCancelled) => {
    throw new Error("not implemented: OrderCancelled");
  },
  $unknown: (e) => {
    throw new Error("not implemented: $unknown");
  },
} as OrderEventHandlers<void>;
`,
  );
  assert.deepEqual(run(project(fixed)), []);
  assert.deepEqual(compileErrors(project(fixed)), []);
});

test('the stub fix on one-line and empty literals', () => {
  for (const [main, expected] of [
    [
      `import type { OrderEventHandlers } from "./gen/orders";\nexport const h: Partial<OrderEventHandlers<number>> = { OrderPlaced: () => 1 };\n`,
      `{ OrderPlaced: () => 1, OrderShipped: (event) => { throw new Error("not implemented: OrderShipped"); }, OrderCancelled: (event) => { throw new Error("not implemented: OrderCancelled"); }, $unknown: (event) => { throw new Error("not implemented: $unknown"); } }`,
    ],
    [
      `import type { OrderEventHandlers } from "./gen/orders";\nexport const h = {} as OrderEventHandlers<number>;\n`,
      `{ OrderPlaced: (event) => { throw new Error("not implemented: OrderPlaced"); }, OrderShipped: (event) => { throw new Error("not implemented: OrderShipped"); }, OrderCancelled: (event) => { throw new Error("not implemented: OrderCancelled"); }, $unknown: (event) => { throw new Error("not implemented: $unknown"); } }`,
    ],
  ] as const) {
    const [finding] = run(project(main));
    const fixed = applyFix(main, finding!.fixes![0]!);
    assert.ok(fixed.includes(expected), fixed);
    assert.deepEqual(run(project(fixed)), []);
    assert.deepEqual(compileErrors(project(fixed)), []);
  }
});
