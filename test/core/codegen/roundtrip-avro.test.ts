// Generated Avro code, compiled to JavaScript and run: payloads encoded by avsc directly decode
// to the expected events (logical types, unions, enums, fixed), bad bytes are `malformed`, a
// record newer than the build is `schemaMismatch` without the writer's schema and `$unknown` with
// it, and encode then decode gives the event back.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import * as avro from 'avsc';
import { AVRO_CART, AVRO_IDL } from './cases';
import { asRecord, generateFiles, loadGenerated, plainBytes, removeLoaded } from './helpers';

after(removeLoaded);

interface Codec {
  decode(bytes: Uint8Array, options?: { writerSchema?: unknown }): { ok: boolean; value?: unknown; error?: { kind: string; message: string } };
  encode(event: unknown): Uint8Array;
}

const load = loadGenerated(asRecord(generateFiles(AVRO_CART)));
const codecOf = (module: string, union: string): Codec => {
  const mod = load(module);
  return { decode: mod[`decode${union}`] as Codec['decode'], encode: mod[`encode${union}`] as Codec['encode'] };
};
const events = codecOf('shop/cart-events_avro.ts', 'CartEvents');
const envelope = codecOf('shop/cart-envelope_avro.ts', 'CartEnvelopePayload');
const previous = codecOf('shop/cart-envelope_avro.ts', 'CartEnvelopePrevious');

const eventsSchema = JSON.parse(AVRO_CART['shop/cart-events.avsc']!) as unknown[];
const envelopeSchema = JSON.parse(AVRO_CART['shop/cart-envelope.avsc']!) as { fields: { name: string; type: unknown }[] };
const writer = (schema: unknown) => avro.Type.forSchema(schema as avro.Schema, { wrapUnions: true });

function decoded(codec: Codec, bytes: Uint8Array, options?: { writerSchema?: unknown }): unknown {
  const r = codec.decode(bytes, options);
  assert.equal(r.ok, true, JSON.stringify(r.error));
  return plainBytes(r.value);
}

const fingerprint = Buffer.from('00112233445566778899aabbccddeeff', 'hex');
const hold = Buffer.alloc(12);
hold.writeUInt32LE(1, 0);
hold.writeUInt32LE(2, 4);
hold.writeUInt32LE(3000, 8);

/** ItemAdded as avsc takes it: numbers for longs, Buffers for bytes, wrapped unions. */
const itemAddedWire = {
  sku: 'S-1',
  quantity: 2,
  price: Buffer.from([0xfb, 0x2e]), // -1234 unscaled: -12.34
  added_at: 1700000000123,
  added_on: 19675,
  request_id: '0b6f4d2e-7c1a-4b8e-9f0a-1d2c3b4a5e6f',
  note: null,
  tags: ['a', 'b'],
  attributes: { size: 42 },
  channel: 'STORE',
  fingerprint,
  hold,
  seen_micros: 1700000000123456,
  lookup: { long: 7 },
  code: { string: 'X1' },
  priority: 'HIGH',
  weight: 1.5,
  flags: true,
  raw: Buffer.from([1, 2, 3]),
  total: Buffer.from([0, 0, 0, 0, 0, 0, 0x30, 0x39]), // 12345 unscaled, scale 4: 1.2345
};

const itemAdded = {
  sku: 'S-1',
  quantity: 2,
  price: '-12.34',
  added_at: new Date(1700000000123),
  added_on: new Date(Date.UTC(2023, 10, 14)),
  request_id: '0b6f4d2e-7c1a-4b8e-9f0a-1d2c3b4a5e6f',
  tags: ['a', 'b'],
  attributes: new Map([['size', 42n]]),
  channel: 'STORE',
  fingerprint: new Uint8Array(fingerprint),
  hold: { months: 1, days: 2, millis: 3000 },
  seen_micros: 1700000000123456n,
  lookup: { case: 'long', value: 7n },
  code: { case: 'string', value: 'X1' },
  priority: 'HIGH',
  weight: 1.5,
  flags: true,
  raw: new Uint8Array([1, 2, 3]),
  total: '1.2345',
};

test('avsc payloads of a top-level union decode to the expected variant with logical types mapped', () => {
  const bytes = writer(eventsSchema).toBuffer({ 'shop.ItemAdded': itemAddedWire });
  assert.deepEqual(decoded(events, bytes), { type: 'ItemAdded', value: itemAdded });
  const removed = writer(eventsSchema).toBuffer({ 'shop.ItemRemoved': { sku: 'S-2', channel: 'WEB', removed_at: { long: 5 } } });
  assert.deepEqual(decoded(events, removed), { type: 'ItemRemoved', value: { sku: 'S-2', channel: 'WEB', removed_at: new Date(5) } });
});

test('a record field union decodes with the record\'s other fields as meta; a null event is missingVariant', () => {
  const w = writer(envelopeSchema);
  const bytes = w.toBuffer({
    event_id: 'ev-1',
    occurred_at: 86400000,
    payload: { 'shop.envelope.Abandoned': { idle_minutes: 30 } },
    previous: { 'shop.envelope.Snapshot': { items: 3 } },
  });
  assert.deepEqual(decoded(envelope, bytes), {
    type: 'Abandoned',
    value: { idle_minutes: 30 },
    meta: { event_id: 'ev-1', occurred_at: new Date(86400000), previous: { case: 'shop.envelope.Snapshot', value: { items: 3 } } },
  });
  assert.deepEqual(decoded(previous, bytes), {
    type: 'Snapshot',
    value: { items: 3 },
    meta: { event_id: 'ev-1', occurred_at: new Date(86400000), payload: { case: 'shop.envelope.Abandoned', value: { idle_minutes: 30 } } },
  });
  const none = w.toBuffer({ event_id: 'ev-2', occurred_at: 0, payload: { 'shop.envelope.CheckedOut': { total: Buffer.from([0x01]) } }, previous: null });
  assert.deepEqual(decoded(envelope, none), {
    type: 'CheckedOut',
    value: { total: '0.01' },
    meta: { event_id: 'ev-2', occurred_at: new Date(0) },
  });
  const r = previous.decode(none);
  assert.equal(r.ok, false);
  assert.equal(r.error!.kind, 'missingVariant');
});

test('malformed bytes are an error of kind malformed', () => {
  const bytes = writer(eventsSchema).toBuffer({ 'shop.ItemRemoved': { sku: 'S', channel: 'WEB', removed_at: null } });
  for (const bad of [bytes.subarray(0, bytes.length - 1), Buffer.concat([bytes, Buffer.from([0])]), Buffer.from([0x02, 0x7f])]) {
    const r = events.decode(new Uint8Array(bad));
    assert.equal(r.ok, false);
    assert.equal(r.error!.kind, 'malformed', r.error!.message);
  }
});

test('a record newer than this build: schemaMismatch without the writer schema, $unknown with it', () => {
  const newer = [...eventsSchema, { type: 'record', name: 'Emptied', namespace: 'shop', fields: [{ name: 'by', type: 'string' }] }];
  const bytes = writer(newer).toBuffer({ 'shop.Emptied': { by: 'timer' } });
  const r = events.decode(bytes);
  assert.equal(r.ok, false);
  assert.equal(r.error!.kind, 'schemaMismatch');
  const withWriter = events.decode(bytes, { writerSchema: newer });
  assert.equal(withWriter.ok, true);
  assert.deepEqual(plainBytes(withWriter.value), { type: '$unknown', fieldNumber: undefined, writerType: 'shop.Emptied', raw: new Uint8Array(bytes), meta: undefined });
  assert.deepEqual(new Uint8Array(events.encode(withWriter.value)), new Uint8Array(bytes));
  // The writer schema may also be given as text, and known records still resolve through it.
  const known = writer(newer).toBuffer({ 'shop.ItemRemoved': { sku: 'S', channel: 'WEB', removed_at: null } });
  assert.deepEqual(decoded(events, known, { writerSchema: JSON.stringify(newer) }), { type: 'ItemRemoved', value: { sku: 'S', channel: 'WEB' } });
});

test('with the writer schema, a new enum symbol is unrecognized, or the default when the enum has one', () => {
  const newer = JSON.parse(JSON.stringify(eventsSchema)) as { fields: { name: string; type: { symbols?: string[] } }[] }[];
  const fields = newer[0]!.fields;
  fields.find((f) => f.name === 'channel')!.type.symbols!.push('KIOSK');
  fields.find((f) => f.name === 'priority')!.type.symbols!.push('URGENT');
  const bytes = writer(newer).toBuffer({ 'shop.ItemAdded': { ...itemAddedWire, channel: 'KIOSK', priority: 'URGENT' } });
  assert.deepEqual(decoded(events, bytes, { writerSchema: newer }), {
    type: 'ItemAdded',
    value: { ...itemAdded, channel: { unrecognized: 'KIOSK' }, priority: 'UNKNOWN' },
  });
});

test('an older writer resolves through Avro\'s rules: a missing field takes its default', () => {
  const older = JSON.parse(JSON.stringify(eventsSchema)) as { fields: { name: string }[] }[];
  older[0]!.fields = older[0]!.fields.filter((f) => f.name !== 'weight');
  const { weight: _weight, ...wire } = itemAddedWire;
  const bytes = writer(older).toBuffer({ 'shop.ItemAdded': wire });
  assert.deepEqual(decoded(events, bytes, { writerSchema: older }), { type: 'ItemAdded', value: { ...itemAdded, weight: 0 } });
  // A writer whose ItemRemoved.sku is an int cannot be read as this build's string.
  const clash = JSON.parse(JSON.stringify(eventsSchema)) as { fields: { name: string; type: unknown }[] }[];
  clash[1]!.fields[0]!.type = 'int';
  const r = events.decode(bytes, { writerSchema: clash });
  assert.equal(r.ok, false);
  assert.equal(r.error!.kind, 'schemaMismatch');
  assert.match(r.error!.message, /^the writer schema does not resolve against this build's schema: /);
});

test('encode then decode gives the event back, and avsc reads what encode wrote', () => {
  const event = { type: 'ItemAdded', value: { ...itemAdded, note: 'hi', lookup: { case: 'string', value: 'k' }, price: '1000000.5', total: '-0.0001' } };
  const bytes = events.encode(event);
  assert.deepEqual(decoded(events, bytes), { ...event, value: { ...event.value, price: '1000000.50' } });
  const read = writer(eventsSchema).fromBuffer(Buffer.from(bytes)) as Record<string, { note: unknown; price: Buffer; total: Buffer }>;
  const added = read['shop.ItemAdded']!;
  assert.deepEqual({ ...(added.note as object) }, { string: 'hi' });
  assert.equal(Buffer.from(added.price).readIntBE(0, added.price.length), 100000050);
  assert.equal(Buffer.from(added.total).readBigInt64BE(0), -1n);
  const env = { type: 'CheckedOut', value: { total: '12.30' }, meta: { event_id: 'e', occurred_at: new Date(1), previous: { case: 'shop.envelope.Empty', value: {} } } };
  assert.deepEqual(decoded(envelope, envelope.encode(env)), env);
});

test('encoding a value the schema cannot hold throws', () => {
  assert.throws(() => events.encode({ type: 'ItemRemoved', value: { sku: 'S', channel: { unrecognized: 'KIOSK' } } }), TypeError);
  assert.throws(() => events.encode({ type: 'ItemAdded', value: { ...itemAdded, price: '0.001' } }), RangeError);
  assert.throws(() => events.encode({ type: 'Nope', value: {} }), TypeError);
});

test('Avro IDL: the protocol\'s record field union round-trips, keyword field names included', () => {
  const mod = loadGenerated(asRecord(generateFiles(AVRO_IDL)))('billing/billing_avro.ts');
  const codec = { decode: mod['decodeBillingEventEvent'] as Codec['decode'], encode: mod['encodeBillingEventEvent'] as Codec['encode'] };
  const event = { type: 'Promise', value: { class: 'A', amount_cents: -5n }, meta: { event_id: 'b-1', via: 'TRANSFER' } };
  assert.deepEqual(decoded(codec, codec.encode(event)), event);
});
