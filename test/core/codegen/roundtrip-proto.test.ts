// Generated Protobuf code, compiled to JavaScript and run: payloads encoded by protoc and by
// protobufjs decode to the expected events; bad bytes, empty envelopes and newer variants decode
// to the right values; encode then decode gives the event back, and protoc reads what we encode.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import * as protobuf from 'protobufjs';
import { PROTO_CART, PROTO_LEGACY } from './cases';
import { asRecord, generateFiles, loadGenerated, plainBytes, protocDecode, protocEncode, removeLoaded, type Files } from './helpers';

after(removeLoaded);

interface Codec {
  decode(bytes: Uint8Array): { ok: boolean; value?: unknown; error?: { kind: string; message: string } };
  encode(event: unknown): Uint8Array;
}

function codecOf(files: Files, module: string, union: string): Codec {
  const mod = loadGenerated(asRecord(generateFiles(files)))(module);
  return { decode: mod[`decode${union}`] as Codec['decode'], encode: mod[`encode${union}`] as Codec['encode'] };
}

const cart = codecOf(PROTO_CART, 'shop/v1/cart_events_pb.ts', 'CartEvent');
const encodeCart = (text: string) => protocEncode(PROTO_CART, 'shop.v1.CartEvent', text);

function decoded(codec: Codec, bytes: Uint8Array): unknown {
  const r = codec.decode(bytes);
  assert.equal(r.ok, true, JSON.stringify(r.error));
  return plainBytes(r.value);
}

test('protoc payloads decode to the expected variant, with meta, scalar oneofs and well-known types', () => {
  const bytes = encodeCart(`
    event_id: "e-1"
    occurred_at { seconds: 1700000000 nanos: 123456789 }
    headers { key: "trace" value: "t-9" }
    item_removed {
      sku: "SKU-1"
      code: 42
      held_for { seconds: 90 nanos: 500000000 }
      stock_left { value: -5 }
      clerk { value: "ann" }
      attributes {
        fields { key: "a" value { number_value: 1.5 } }
        fields { key: "b" value { list_value { values { bool_value: true } values { null_value: NULL_VALUE } } } }
      }
      extra { struct_value { fields { key: "x" value { string_value: "y" } } } }
      history { values { string_value: "h" } }
      detail { type_url: "type.googleapis.com/shop.v1.Money" value: "\\x0a\\x03EUR" }
      seen_at { seconds: 1 }
      seen_at { seconds: 2 nanos: 1000000 }
      seen_by { key: "bob" value { seconds: 3 } }
    }`);
  assert.deepEqual(decoded(cart, bytes), {
    type: 'ItemRemoved',
    value: {
      sku: 'SKU-1',
      reason: { case: 'code', value: 42 },
      heldFor: 90500,
      stockLeft: -5n,
      clerk: 'ann',
      attributes: { a: 1.5, b: [true, null] },
      extra: { x: 'y' },
      history: ['h'],
      detail: { typeUrl: 'type.googleapis.com/shop.v1.Money', value: new Uint8Array([10, 3, 69, 85, 82]) },
      seenAt: [new Date(1000), new Date(2001)],
      seenBy: new Map([['bob', new Date(3000)]]),
    },
    meta: { eventId: 'e-1', occurredAt: new Date(1700000000123), headers: new Map([['trace', 't-9']]) },
  });
});

test('64-bit integers keep every bit; unknown enum numbers stay representable; proto3 defaults fill unset fields', () => {
  const bytes = encodeCart(`
    item_added {
      sku: "S" quantity: 3
      unit_price { currency: "EUR" minor_units: 9007199254740993 }
      tags: "a" tags: "b"
      fingerprint: "\\x00\\x01"
      note: ""
      channel: 7
      bundle { bundle_id: "B" member_ids: -1 member_ids: 2 }
      price_history { key: -3 value { currency: "USD" minor_units: 1 } }
      stock_delta: -9223372036854775808
      checksum: 18446744073709551615
      weight_kg: 1.25
      gift: true
      channels: CHANNEL_WEB channels: 9
    }`);
  assert.deepEqual(decoded(cart, bytes), {
    type: 'ItemAdded',
    value: {
      sku: 'S',
      quantity: 3,
      unitPrice: { currency: 'EUR', minorUnits: 9007199254740993n },
      tags: ['a', 'b'],
      fingerprint: new Uint8Array([0, 1]),
      note: '',
      channel: { unrecognized: 7 },
      bundle: { bundleId: 'B', memberIds: [-1n, 2n] },
      priceHistory: new Map([[-3n, { currency: 'USD', minorUnits: 1n }]]),
      stockDelta: -9223372036854775808n,
      checksum: 18446744073709551615n,
      weightKg: 1.25,
      gift: true,
      channels: ['CHANNEL_WEB', { unrecognized: 9 }],
    },
    meta: { eventId: '', headers: new Map() },
  });
  // An empty message: implicit fields read as their defaults, explicit ones are absent.
  assert.deepEqual(decoded(cart, encodeCart('item_added {}')), {
    type: 'ItemAdded',
    value: {
      sku: '',
      quantity: 0,
      tags: [],
      fingerprint: new Uint8Array(0),
      channel: 'CHANNEL_UNSPECIFIED',
      priceHistory: new Map(),
      stockDelta: 0n,
      checksum: 0n,
      weightKg: 0,
      gift: false,
      channels: [],
    },
    meta: { eventId: '', headers: new Map() },
  });
});

test('two members of one message type are told apart by their PascalCase field names', () => {
  const web = decoded(cart, encodeCart('web_checkout { total { currency: "EUR" minor_units: 100 } lines { sku: "A" quantity: 1 } }'));
  const store = decoded(cart, encodeCart('store_checkout { channel: CHANNEL_STORE }'));
  assert.deepEqual(web, {
    type: 'WebCheckout',
    value: { total: { currency: 'EUR', minorUnits: 100n }, lines: [{ sku: 'A', quantity: 1 }], channel: 'CHANNEL_UNSPECIFIED' },
    meta: { eventId: '', headers: new Map() },
  });
  assert.deepEqual(store, { type: 'StoreCheckout', value: { lines: [], channel: 'CHANNEL_STORE' }, meta: { eventId: '', headers: new Map() } });
});

test('payloads encoded with protobufjs directly decode too', () => {
  const dir = mkdtempSync(join(tmpdir(), 'es-pbjs-'));
  try {
    for (const [path, text] of Object.entries(PROTO_CART)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    const root = new protobuf.Root();
    root.resolvePath = (_origin, target) => (target.startsWith('/') || target.startsWith('google/') ? target : join(dir, target));
    root.loadSync(join(dir, 'shop/v1/cart_events.proto'), { keepCase: true });
    const type = root.lookupType('shop.v1.CartEvent');
    const message = type.fromObject({
      event_id: 'pbjs',
      store_checkout: { total: { currency: 'CHF', minor_units: '-42' }, lines: [{ sku: 'X', quantity: 7 }], channel: 'CHANNEL_WEB' },
    });
    const bytes = type.encode(message).finish();
    assert.deepEqual(decoded(cart, bytes), {
      type: 'StoreCheckout',
      value: { total: { currency: 'CHF', minorUnits: -42n }, lines: [{ sku: 'X', quantity: 7 }], channel: 'CHANNEL_WEB' },
      meta: { eventId: 'pbjs', headers: new Map() },
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('malformed bytes are an error of kind malformed, never an exception', () => {
  const valid = encodeCart('event_id: "e" item_added { sku: "S" }');
  for (const bytes of [new Uint8Array([0xff, 0xff, 0xff]), new Uint8Array([0x0a, 0x05, 0x41]), valid.slice(0, valid.length - 2), new Uint8Array([0x00])]) {
    const r = cart.decode(bytes);
    assert.equal(r.ok, false);
    assert.equal(r.error!.kind, 'malformed');
    assert.notEqual(r.error!.message, '');
  }
});

test('an envelope without an event is a missingVariant error', () => {
  const r = cart.decode(encodeCart('event_id: "lonely"'));
  assert.equal(r.ok, false);
  assert.equal(r.error!.kind, 'missingVariant');
});

test('a variant newer than this build decodes as $unknown with its field number, and encodes back to the same bytes', () => {
  const newer: Files = {
    ...PROTO_CART,
    'shop/v1/cart_events.proto': PROTO_CART['shop/v1/cart_events.proto']!.replace(
      '    CheckedOut store_checkout = 13;\n',
      '    CheckedOut store_checkout = 13;\n    Emptied emptied = 14;\n',
    ).concat('\nmessage Emptied { string by = 1; }\n'),
  };
  const bytes = protocEncode(newer, 'shop.v1.CartEvent', 'event_id: "e-7" emptied { by: "timer" }');
  const r = cart.decode(bytes);
  assert.equal(r.ok, true);
  assert.deepEqual(plainBytes(r.value), {
    type: '$unknown',
    fieldNumber: 14,
    writerType: undefined,
    raw: new Uint8Array(bytes),
    meta: { eventId: 'e-7', headers: new Map() },
  });
  assert.deepEqual(new Uint8Array(cart.encode(r.value)), new Uint8Array(bytes));
});

test('encode then decode gives the event back, and protoc reads what encode wrote', () => {
  const events = [
    {
      type: 'ItemAdded',
      value: {
        sku: 'S-1',
        quantity: 2,
        unitPrice: { currency: 'EUR', minorUnits: -123456789012345n },
        tags: ['x'],
        fingerprint: new Uint8Array([9, 8]),
        note: 'gift wrap',
        channel: 'CHANNEL_STORE',
        bundle: { bundleId: 'b', memberIds: [1n, 9223372036854775807n] },
        priceHistory: new Map([[5n, { currency: 'EUR', minorUnits: 5n }]]),
        stockDelta: -1n,
        checksum: 18446744073709551615n,
        weightKg: 0.5,
        gift: true,
        channels: [{ unrecognized: 12 }, 'CHANNEL_WEB'],
      },
      meta: { eventId: 'round', occurredAt: new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 6)), headers: new Map([['k', 'v']]) },
    },
    {
      type: 'ItemRemoved',
      value: {
        sku: 'S-2',
        reason: { case: 'refund', value: { currency: 'USD', minorUnits: 1n } },
        heldFor: -1500.25,
        stockLeft: 0n,
        clerk: '',
        attributes: { nested: { deep: [1, 'two', false, null] } },
        extra: 3,
        history: [],
        detail: { typeUrl: 'x/y', value: new Uint8Array([1]) },
        seenAt: [new Date(-1)],
        seenBy: new Map(),
      },
      meta: { eventId: 'round-2', headers: new Map() },
    },
  ];
  for (const event of events) {
    const bytes = cart.encode(event);
    assert.deepEqual(decoded(cart, bytes), event);
    assert.match(protocDecode(PROTO_CART, 'shop.v1.CartEvent', bytes), new RegExp(`event_id: "${event.meta.eventId}"`));
  }
  const text = protocDecode(PROTO_CART, 'shop.v1.CartEvent', cart.encode(events[0]));
  assert.match(text, /minor_units: -123456789012345/);
  assert.match(text, /checksum: 18446744073709551615/);
  assert.match(text, /channels: 12\s+channels: CHANNEL_WEB/);
  assert.match(text, /occurred_at \{\s+seconds: 1704164645\s+nanos: 6000000\s+\}/);
});

test('encoding a value the schema cannot hold throws a TypeError', () => {
  assert.throws(
    () => cart.encode({ type: 'StoreCheckout', value: { lines: [], channel: 'CHANNEL_TELEPATHY' }, meta: { eventId: '', headers: new Map() } }),
    (e: unknown) => e instanceof TypeError && /CHANNEL_TELEPATHY is not a value of shop\.v1\.Channel/.test(e.message),
  );
});

test('proto2: required fields are checked, closed enums drop unknown values, groups and unpacked fields round-trip', () => {
  const legacy = codecOf(PROTO_LEGACY, 'legacy/v1/legacy_pb.ts', 'Envelope');
  const encode = (text: string) => protocEncode(PROTO_LEGACY, 'legacy.v1.Envelope', text);
  const bytes = encode('id: "L" created { at: -7 scores: 1 scores: 2 packed_scores: 3 status: STATUS_RETIRED Origin { host: "h" } }');
  const event = {
    type: 'Created',
    value: { at: -7n, scores: [1, 2], packedScores: [3], status: 'STATUS_RETIRED', origin: { host: 'h' } },
    meta: { id: 'L' },
  };
  assert.deepEqual(decoded(legacy, bytes), event);
  assert.deepEqual(decoded(legacy, legacy.encode(event)), event);
  assert.match(protocDecode(PROTO_LEGACY, 'legacy.v1.Envelope', legacy.encode(event)), /Origin \{\s+host: "h"\s+\}/);
  // proto2 repeated scalars stay unpacked (tag 0x18 per element) unless [packed = true] (tag 0x22, one length).
  const hex = Buffer.from(legacy.encode(event)).toString('hex');
  assert.match(hex, /1801180222010[3]/);
  // Field 1 of Retired is the closed enum Status; 9 is none of its values.
  const retired = new Uint8Array([0x0a, 0x01, 0x4c, 0x1a, 0x02, 0x08, 0x09]);
  assert.deepEqual(decoded(legacy, retired), { type: 'Retired', value: {}, meta: { id: 'L' } });
  // `created` without its required `at`.
  const r = legacy.decode(new Uint8Array([0x0a, 0x01, 0x4c, 0x12, 0x00]));
  assert.equal(r.ok, false);
  assert.equal(r.error!.kind, 'malformed');
});
