// The generator never throws, whatever state a schema is in while it is being typed, and the
// examples the demo uses (v1 and v2, both formats) generate code that compiles.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AvroRegistry, parseAvsc } from '../../../server/src/core/avro/index';
import { generate } from '../../../server/src/core/codegen/index';
import { lowerAvro, lowerProto } from '../../../server/src/core/model/index';
import { AVRO_CART, PROTO_CART } from './cases';
import { asRecord, avroModel, generateFiles, loadGenerated, plainBytes, removeLoaded, protoProject, readTree, repoRoot, typeCheck, virtualDir } from './helpers';

after(removeLoaded);

test('every prefix of a Protobuf and an Avro schema lowers and generates without throwing', () => {
  const proto = PROTO_CART['shop/v1/cart_events.proto']!;
  for (let n = 0; n <= proto.length; n += 7) {
    const { project, uris } = protoProject({ ...PROTO_CART, 'shop/v1/cart_events.proto': proto.slice(0, n) });
    const files = generate(lowerProto(project, uris)).files;
    assert.ok(Array.isArray(files), `prefix ${n}`);
  }
  const avsc = AVRO_CART['shop/cart-envelope.avsc']!;
  for (let n = 0; n <= avsc.length; n += 5) {
    const registry = new AvroRegistry();
    registry.setFile('file:///e.avsc', parseAvsc(avsc.slice(0, n), 'file:///e.avsc'));
    const files = generate(lowerAvro(registry, [{ uri: 'file:///e.avsc', path: 'e.avsc' }])).files;
    assert.ok(Array.isArray(files), `prefix ${n}`);
  }
});

test('the examples (v1 and v2, Protobuf and Avro) generate code that compiles', () => {
  const all: Record<string, string> = {};
  for (const version of ['v1', 'v2']) {
    const base = join(repoRoot, 'examples', version);
    const schemas = {
      ...readTree(join(base, 'proto')),
      ...Object.fromEntries(Object.entries(readTree(join(base, 'avro'))).map(([p, t]) => [`avro/${p}`, t])),
    };
    const generated = asRecord(generateFiles(schemas));
    assert.ok(Object.keys(generated).includes('acme/orders/v1/order_events_pb.ts'));
    assert.ok(Object.keys(generated).includes('avro/acme/orders/order-events_avro.ts'));
    for (const [p, t] of Object.entries(generated)) all[`${version}/${p}`] = t;
  }
  assert.deepEqual(typeCheck(virtualDir('examples'), all), []);
});

test('the example envelope and its Avro twin expose the same variant tags', () => {
  const text = (p: string) => readFileSync(join(repoRoot, 'examples', 'v2', p), 'utf8');
  const proto = asRecord(generateFiles({ 'acme/orders/v1/order_events.proto': text('proto/acme/orders/v1/order_events.proto'), 'acme/orders/v1/orders.proto': text('proto/acme/orders/v1/orders.proto'), 'acme/money/v1/money.proto': text('proto/acme/money/v1/money.proto') }));
  const avro = asRecord(generateFiles({ 'order-events.avsc': text('avro/acme/orders/order-events.avsc') }));
  const tags = (source: string, handlers: string) => [...new RegExp(`export interface ${handlers}<R> \\{([\\s\\S]*?)\\n\\}`).exec(source)![1]!.matchAll(/readonly (\$?\w+):/g)].map((m) => m[1]);
  assert.deepEqual(tags(proto['acme/orders/v1/order_events_pb.ts']!, 'OrderEventHandlers'), tags(avro['order-events_avro.ts']!, 'OrderEventsHandlers'));
});

test('a deep Avro schema with a union in every record: each type written once, and every codec reads and writes', () => {
  // R0 holds R1 inline, which holds R2, ... R39; each has a union of its child and an empty record,
  // and R0 a second union over records defined deeper down. Writing each union's whole schema
  // made the module grow with unions times depth (Avro's large_schema.avsc: 185 MB).
  let schema = '{"type": "record", "name": "R40", "fields": [{"name": "v", "type": "string"}]}';
  for (let i = 39; i >= 0; i--) {
    const second = i === 0 ? ', {"name": "w", "type": ["null", "R5", "X3"], "default": null}' : '';
    schema = `{"type": "record", "name": "R${i}", "fields": [{"name": "u", "type": [${schema}, {"type": "record", "name": "X${i}", "fields": []}]}${second}]}`;
  }
  const generated = asRecord(generate(avroModel({ 'deep.avsc': schema })).files);
  const text = generated['deep_avro.ts']!;
  const types = /^const avroTypes: AvroNamedTypes = (\{\n[\s\S]*?\n\});$/m.exec(text);
  assert.ok(types, 'one constant holds the named types');
  const names = Object.keys(JSON.parse(types[1]!) as object).sort();
  assert.deepEqual(names, [...Array(41).keys()].map((i) => `R${i}`).concat([...Array(40).keys()].map((i) => `X${i}`)).sort());
  assert.equal(text.match(/"name": "R17",/g)?.length, 1, 'R17 is written once');
  const schemas = [...text.matchAll(/^const (\w+)Schema: AvroSchemaJson = (.*);$/gm)].map((m) => m[2]);
  assert.equal(schemas.length, 41);
  assert.deepEqual(new Set(schemas), new Set([...Array(40).keys()].map((i) => `"R${i}"`)));
  // The runtime puts each schema together: an event goes through the deepest codec and R0's second one.
  const mod = loadGenerated(generated)('deep_avro.ts');
  const deepest = { type: 'R40', value: { v: 'x' }, meta: {} };
  const encode39 = mod.encodeR39U as (e: unknown) => Uint8Array;
  const decode39 = mod.decodeR39U as (b: Uint8Array) => { ok: boolean; value?: unknown };
  assert.deepEqual(decode39(encode39(deepest)), { ok: true, value: deepest });
  const x3 = { type: 'X3', value: {}, meta: { u: { case: 'X0', value: {} } } };
  const encodeW = mod.encodeR0W as (e: unknown) => Uint8Array;
  const decodeW = mod.decodeR0W as (b: Uint8Array) => { ok: boolean; value?: unknown };
  assert.deepEqual(plainBytes(decodeW(encodeW(x3))), { ok: true, value: x3 });
});
