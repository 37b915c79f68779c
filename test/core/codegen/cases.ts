// The schemas behind the golden files (golden/<case>/). Each case is a small schema set that
// exercises one area of the mapping rules; together they cover what issue 5 lists.
import type { Files } from './helpers';

/** Protobuf: an envelope oneof with two members of one type, scalar oneofs, enums, int64, bytes, maps, repeated, WKTs, nesting. */
export const PROTO_CART: Files = {
  'shop/v1/common.proto': `syntax = "proto3";

package shop.v1;

// An amount in minor units of one currency.
message Money {
  string currency = 1;
  int64 minor_units = 2;
}

// Where a cart was used.
enum Channel {
  CHANNEL_UNSPECIFIED = 0;
  CHANNEL_WEB = 1;
  CHANNEL_STORE = 2;
}
`,
  'shop/v1/cart_events.proto': `syntax = "proto3";

package shop.v1;

import "google/protobuf/any.proto";
import "google/protobuf/duration.proto";
import "google/protobuf/struct.proto";
import "google/protobuf/timestamp.proto";
import "google/protobuf/wrappers.proto";
import "shop/v1/common.proto";

// Everything that happens to a cart, on the \`carts.v1\` topic.
message CartEvent {
  string event_id = 1;
  google.protobuf.Timestamp occurred_at = 2;
  map<string, string> headers = 3;
  oneof event {
    ItemAdded item_added = 10;
    ItemRemoved item_removed = 11;
    // Paid in the web shop.
    CheckedOut web_checkout = 12;
    // Paid at a till.
    CheckedOut store_checkout = 13;
  }
}

// An item went into the cart.
message ItemAdded {
  string sku = 1;
  uint32 quantity = 2;
  Money unit_price = 3;
  repeated string tags = 4;
  bytes fingerprint = 5;
  optional string note = 6;
  Channel channel = 7;
  // Several products sold as one.
  message Bundle {
    string bundle_id = 1;
    repeated int64 member_ids = 2;
  }
  Bundle bundle = 8;
  map<int64, Money> price_history = 9;
  sint64 stock_delta = 10;
  fixed64 checksum = 11;
  double weight_kg = 12;
  bool gift = 13;
  repeated Channel channels = 14;
}

// An item left the cart.
message ItemRemoved {
  string sku = 1;
  // Why the item was removed.
  oneof reason {
    string customer_note = 2;
    int32 code = 3;
    Money refund = 4;
  }
  google.protobuf.Duration held_for = 5;
  google.protobuf.Int64Value stock_left = 6;
  google.protobuf.StringValue clerk = 7;
  google.protobuf.Struct attributes = 8;
  google.protobuf.Value extra = 9;
  google.protobuf.ListValue history = 10;
  google.protobuf.Any detail = 11;
  repeated google.protobuf.Timestamp seen_at = 12;
  map<string, google.protobuf.Timestamp> seen_by = 13;
}

// The cart was paid for.
message CheckedOut {
  Money total = 1;
  repeated Line lines = 2;
  // One line of the receipt.
  message Line {
    string sku = 1;
    uint32 quantity = 2;
  }
  Channel channel = 3;
}
`,
};

/** Protobuf proto2: a closed enum, required and optional fields with defaults, an unpacked repeated field, a group. */
export const PROTO_LEGACY: Files = {
  'legacy/v1/legacy.proto': `syntax = "proto2";

package legacy.v1;

enum Status {
  STATUS_ACTIVE = 1;
  STATUS_RETIRED = 2;
}

message Envelope {
  required string id = 1;
  oneof body {
    Created created = 2;
    Retired retired = 3;
  }
}

message Created {
  required int64 at = 1;
  optional int32 retries = 2 [default = 3];
  repeated int32 scores = 3;
  repeated int32 packed_scores = 4 [packed = true];
  optional Status status = 5;
  optional group Origin = 6 {
    optional string host = 7;
  }
}

message Retired {
  optional Status status = 1;
}
`,
};

/** Protobuf: names that clash with TypeScript keywords, globals, the runtime's exports and generated names. */
export const PROTO_NAMES: Files = {
  'names/v1/other.proto': `syntax = "proto3";

package names.v1.other;

message Date {
  string day = 1;
}
`,
  'names/v1/names.proto': `syntax = "proto3";

package names.v1;

import "google/protobuf/timestamp.proto";
import "names/v1/other.proto";

message Date {
  int64 millis = 1;
}

message Result {
  string value = 1;
}

message class {
  string type = 1;
  string default = 2;
  string __proto__ = 3;
}

message EventHandlers {
  bool ok = 1;
}

message Event {
  google.protobuf.Timestamp at = 1;
  Date local_date = 2;
  oneof payload {
    Date date = 10;
    names.v1.other.Date other_date = 11;
    Result result = 12;
    class klass = 13;
  }
}

// The envelope used as a plain message: its own type is EventMessage, beside the union Event.
message Batch {
  repeated Event events = 1;
}
`,
};

/** Avro: a top-level union of records, logical types, nullable and general unions, enums with and without default, fixed. */
export const AVRO_CART: Files = {
  'shop/cart-events.avsc': JSON.stringify(
    [
      {
        type: 'record',
        name: 'ItemAdded',
        namespace: 'shop',
        doc: 'An item went into the cart.',
        fields: [
          { name: 'sku', type: 'string' },
          { name: 'quantity', type: 'int' },
          { name: 'price', type: { type: 'bytes', logicalType: 'decimal', precision: 9, scale: 2 } },
          { name: 'added_at', type: { type: 'long', logicalType: 'timestamp-millis' } },
          { name: 'added_on', type: { type: 'int', logicalType: 'date' } },
          { name: 'request_id', type: { type: 'string', logicalType: 'uuid' } },
          { name: 'note', type: ['null', 'string'], default: null, doc: 'Null when the customer wrote none.' },
          { name: 'tags', type: { type: 'array', items: 'string' } },
          { name: 'attributes', type: { type: 'map', values: 'long' } },
          { name: 'channel', type: { type: 'enum', name: 'Channel', symbols: ['WEB', 'STORE'] } },
          { name: 'fingerprint', type: { type: 'fixed', name: 'Md5', size: 16 } },
          { name: 'hold', type: { type: 'fixed', name: 'Hold', size: 12, logicalType: 'duration' } },
          { name: 'seen_micros', type: { type: 'long', logicalType: 'timestamp-micros' } },
          { name: 'lookup', type: ['null', 'string', 'long'], default: null },
          { name: 'code', type: ['string', 'int'] },
          { name: 'priority', type: { type: 'enum', name: 'Priority', symbols: ['LOW', 'HIGH', 'UNKNOWN'], default: 'UNKNOWN' } },
          { name: 'weight', type: 'double', default: 0 },
          { name: 'flags', type: 'boolean' },
          { name: 'raw', type: 'bytes' },
          { name: 'total', type: { type: 'fixed', name: 'Amount', size: 8, logicalType: 'decimal', precision: 18, scale: 4 } },
        ],
      },
      {
        type: 'record',
        name: 'ItemRemoved',
        namespace: 'shop',
        fields: [
          { name: 'sku', type: 'string' },
          { name: 'channel', type: 'Channel' },
          { name: 'removed_at', type: ['null', { type: 'long', logicalType: 'timestamp-millis' }], default: null },
        ],
      },
    ],
    null,
    2,
  ),
  'shop/cart-envelope.avsc': JSON.stringify(
    {
      type: 'record',
      name: 'CartEnvelope',
      namespace: 'shop.envelope',
      doc: 'A cart event with its metadata.',
      fields: [
        { name: 'event_id', type: 'string' },
        { name: 'occurred_at', type: { type: 'long', logicalType: 'timestamp-millis' } },
        {
          name: 'payload',
          doc: 'What happened.',
          type: [
            { type: 'record', name: 'CheckedOut', fields: [{ name: 'total', type: { type: 'bytes', logicalType: 'decimal', precision: 9, scale: 2 } }] },
            { type: 'record', name: 'Abandoned', fields: [{ name: 'idle_minutes', type: 'int' }] },
          ],
        },
        {
          name: 'previous',
          type: ['null', { type: 'record', name: 'Snapshot', fields: [{ name: 'items', type: 'int' }] }, { type: 'record', name: 'Empty', fields: [] }],
          default: null,
        },
      ],
    },
    null,
    2,
  ),
};

/** Avro IDL: a protocol whose record holds a union of records, and names that clash with keywords and globals. */
export const AVRO_IDL: Files = {
  'billing/billing.avdl': `@namespace("billing")
protocol Billing {
  /** An invoice was sent. */
  record Promise {
    string \`class\`;
    long amount_cents;
    union { null, string } memo = null;
  }

  record Paid {
    string invoice_id;
    timestamp_ms paid_at;
  }

  enum Function { CARD, TRANSFER }

  record BillingEvent {
    string event_id;
    Function via;
    union { Promise, Paid } event;
  }
}
`,
};

export const CASES: Readonly<Record<string, Files>> = {
  'proto-cart': PROTO_CART,
  'proto-legacy': PROTO_LEGACY,
  'proto-names': PROTO_NAMES,
  'avro-cart': AVRO_CART,
  'avro-idl': AVRO_IDL,
};
