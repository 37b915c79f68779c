// docs/generated-api.md shows the generated API with a schema and the code that uses it. The
// example must stay true: its schema generates, and its TypeScript compiles against the result.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { asRecord, generateFiles, repoRoot, typeCheck, virtualDir } from './helpers';

const doc = readFileSync(join(repoRoot, 'docs', 'generated-api.md'), 'utf8');

function block(lang: string): string {
  const m = new RegExp('```' + lang + '\\n([\\s\\S]*?)```').exec(doc);
  assert.ok(m, `a ${lang} block`);
  return m[1]!;
}

test('the documented example compiles against the code generated from the documented schema', () => {
  const proto = `syntax = "proto3";
package acme.orders.v1;
import "google/protobuf/timestamp.proto";
${block('proto')}
enum Carrier { CARRIER_UNSPECIFIED = 0; CARRIER_DHL = 1; }
`;
  const generated = asRecord(generateFiles({ 'acme/orders/v1/order_events.proto': proto }));
  const gen = Object.fromEntries(Object.entries(generated).map(([p, t]) => [`gen/${p}`, t]));
  const example = `${block('ts')}
declare const bytes: Uint8Array;
declare function reserve(customer: string, total: bigint): Promise<void>;
declare const consumer: import("./gen/event-schemas-runtime.js").ConsumerLike;
declare const producer: import("./gen/event-schemas-runtime.js").ProducerLike;
export {};
`;
  assert.deepEqual(typeCheck(virtualDir('docs'), { ...gen, 'example.mts': example }), []);
  // And the promise in the comment holds: one more variant and the handler object fails, naming it.
  const grown = proto.replace('OrderShipped shipped = 11; }', 'OrderShipped shipped = 11; OrderCancelled cancelled = 12; }') + 'message OrderCancelled {}\n';
  const regenerated = Object.fromEntries(Object.entries(asRecord(generateFiles({ 'acme/orders/v1/order_events.proto': grown }))).map(([p, t]) => [`gen/${p}`, t]));
  const errors = typeCheck(virtualDir('docs'), { ...regenerated, 'example.mts': example });
  assert.equal(errors.length, 1, errors.join('\n'));
  assert.match(errors[0]!, /Property 'OrderCancelled' is missing in type .* but required in type 'OrderEventHandlers<Promise<HandlerResult>>'/);
});
