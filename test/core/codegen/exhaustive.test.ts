// The guarantee issue 5 is about: a handler object that misses a variant does not compile, the
// error names the variant, and adding a variant to the schema and regenerating breaks every
// handler object (and every exhaustive switch) written before it. Checked with the compiler.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { asRecord, generateFiles, typeCheck, virtualDir, type Files } from './helpers';

const ORDERS_V1 = `syntax = "proto3";
package orders.v1;
message Placed { string id = 1; }
message Shipped { string id = 1; string carrier = 2; }
message OrderEvent {
  string event_id = 1;
  oneof event {
    Placed placed = 10;
    Shipped shipped = 11;
  }
}
`;

const ORDERS_V2 = ORDERS_V1.replace('    Shipped shipped = 11;\n', '    Shipped shipped = 11;\n    Cancelled cancelled = 12;\n').concat(
  'message Cancelled { string reason = 1; }\n',
);

const MODULE = './orders/v1/orders_pb.js';

/** Consumers written against v1: each file must compile, or fail, exactly as its name says. */
const CONSUMERS: Files = {
  'complete.ts': `import type { OrderEventHandlers } from "${MODULE}";
export const handlers: OrderEventHandlers<string> = {
  Placed: (e) => e.value.id + e.meta.eventId,
  Shipped: (e) => e.value.carrier,
  $unknown: (e) => String(e.fieldNumber),
};
`,
  'missingShipped.ts': `import type { OrderEventHandlers } from "${MODULE}";
export const handlers: OrderEventHandlers<string> = {
  Placed: (e) => e.value.id,
  $unknown: () => "skip",
};
`,
  'missingUnknown.ts': `import type { OrderEventHandlers } from "${MODULE}";
export const handlers: OrderEventHandlers<number> = {
  Placed: () => 1,
  Shipped: () => 2,
};
`,
  'inlineDispatch.ts': `import { dispatchOrderEvent, type OrderEvent } from "${MODULE}";
export function handle(event: OrderEvent): string {
  return dispatchOrderEvent(event, {
    Placed: (e) => e.value.id,
    Shipped: (e) => e.value.carrier,
    $unknown: () => "skip",
  });
}
`,
  'exhaustiveSwitch.ts': `import { assertNever } from "./event-schemas-runtime.js";
import type { OrderEvent } from "${MODULE}";
export function describe(event: OrderEvent): string {
  switch (event.type) {
    case "Placed":
      return event.value.id;
    case "Shipped":
      return event.value.carrier;
    case "$unknown":
      return "unknown " + event.fieldNumber;
    default:
      return assertNever(event, "OrderEvent");
  }
}
`,
};

function errorsByFile(schema: string): Map<string, string[]> {
  const generated = asRecord(generateFiles({ 'orders/v1/orders.proto': schema }));
  const errors = typeCheck(virtualDir('exhaustive'), { ...generated, ...CONSUMERS });
  const out = new Map<string, string[]>();
  for (const e of errors) {
    const file = e.slice(0, e.indexOf('('));
    out.set(file, [...(out.get(file) ?? []), e]);
  }
  return out;
}

test('against v1: complete handlers compile; a missing variant or $unknown is an error that names it', () => {
  const errors = errorsByFile(ORDERS_V1);
  assert.deepEqual([...errors.keys()].sort(), ['missingShipped.ts', 'missingUnknown.ts']);
  assert.equal(errors.get('missingShipped.ts')!.length, 1);
  assert.match(errors.get('missingShipped.ts')![0]!, /TS2741 Property 'Shipped' is missing in type .* but required in type 'OrderEventHandlers<string>'/);
  assert.equal(errors.get('missingUnknown.ts')!.length, 1);
  assert.match(errors.get('missingUnknown.ts')![0]!, /TS2741 Property '\$unknown' is missing in type .* but required in type 'OrderEventHandlers<number>'/);
});

test('after adding Cancelled to the schema and regenerating, every v1 consumer fails and names Cancelled', () => {
  const errors = errorsByFile(ORDERS_V2);
  assert.deepEqual([...errors.keys()].sort(), ['complete.ts', 'exhaustiveSwitch.ts', 'inlineDispatch.ts', 'missingShipped.ts', 'missingUnknown.ts']);
  assert.match(errors.get('complete.ts')!.join('\n'), /TS2741 Property 'Cancelled' is missing in type .* but required in type 'OrderEventHandlers<string>'/);
  assert.match(errors.get('inlineDispatch.ts')!.join('\n'), /Property 'Cancelled' is missing in type/);
  assert.match(errors.get('exhaustiveSwitch.ts')!.join('\n'), /TS2345 Argument of type '\{ readonly type: "Cancelled"; .*' is not assignable to parameter of type 'never'/);
});

test('Avro: adding a record to a top-level union makes a complete handler object name the new record', () => {
  const record = (name: string) => ({ type: 'record', name, namespace: 'pay', fields: [{ name: 'id', type: 'string' }] });
  const consumer: Files = {
    'consumer.ts': `import type { PaymentsHandlers } from "./pay/payments_avro.js";
export const handlers: PaymentsHandlers<string> = {
  Authorized: (e) => e.value.id,
  Captured: (e) => e.value.id,
  $unknown: (e) => e.writerType ?? "",
};
`,
  };
  const check = (records: string[]) => {
    const generated = asRecord(generateFiles({ 'pay/payments.avsc': JSON.stringify(records.map(record)) }));
    return typeCheck(virtualDir('exhaustive-avro'), { ...generated, ...consumer });
  };
  assert.deepEqual(check(['Authorized', 'Captured']), []);
  const errors = check(['Authorized', 'Captured', 'Refunded']);
  assert.equal(errors.length, 1);
  assert.match(errors[0]!, /^consumer\.ts\(\d+,\d+\): TS2741 Property 'Refunded' is missing in type .* but required in type 'PaymentsHandlers<string>'/);
});
