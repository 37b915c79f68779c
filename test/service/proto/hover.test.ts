import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { MarkupContent } from 'vscode-languageserver-types';
import { hover } from '../../../server/src/service/proto/hover';
import { fixture } from '../fixture';

/** Hovers at `$0`; a `^^^` annotation, when present, is the expected hover range. */
function checkHover(source: string, expected: string | null): void {
  const f = fixture(source);
  const res = hover(f.project, f.uri, f.position);
  if (expected === null) {
    assert.equal(res, null);
    return;
  }
  assert.ok(res, 'expected a hover');
  assert.equal((res.contents as MarkupContent).value, expected);
  const mark = f.annotations.find((a) => a.uri === f.uri);
  if (mark) assert.deepEqual(res.range, mark.range);
}

const orders = `
//- acme/orders/v1/orders.proto
syntax = "proto3";
package acme.orders.v1;

// An order placed by a customer.
message Order {
  string id = 1; // Unique per tenant.
  repeated Item items = 2;
  OrderStatus status = 3;
  message Item { string sku = 1; }
}

enum OrderStatus {
  ORDER_STATUS_UNSPECIFIED = 0;
  // Money arrived.
  ORDER_STATUS_PAID = 2;
}
`;

test('hover on a type reference across files shows the declaration, full name, file and docs', () => {
  checkHover(
    `${orders}
//- acme/orders/v1/events.proto
syntax = "proto3";
package acme.orders.v1;
import "acme/orders/v1/orders.proto";
message OrderPlaced { Or$0der order = 1; }
//                    ^^^^^
`,
    [
      '```proto\nmessage acme.orders.v1.Order\n```',
      'message `acme.orders.v1.Order` · in `acme/orders/v1/orders.proto`',
      'An order placed by a customer.',
    ].join('\n\n'),
  );
});

test('hover on a qualified reference covers the whole name', () => {
  checkHover(
    `${orders}
//- b.proto
import "acme/orders/v1/orders.proto";
message X { .acme.orders.v1.Order.It$0em item = 1; }
//          ^^^^^^^^^^^^^^^^^^^^^^^^^^
`,
    '```proto\nmessage acme.orders.v1.Order.Item\n```\n\nmessage `acme.orders.v1.Order.Item` · in `acme/orders/v1/orders.proto`',
  );
});

test('hover on a qualifier of a reference shows what the qualifier names', () => {
  checkHover(
    `${orders}
//- b.proto
import "acme/orders/v1/orders.proto";
message X { .acme.orders.v1.Or$0der.Item item = 1; }
//                          ^^^^^
`,
    '```proto\nmessage acme.orders.v1.Order\n```\n\nmessage `acme.orders.v1.Order` · in `acme/orders/v1/orders.proto`\n\nAn order placed by a customer.',
  );
  checkHover(
    `${orders}
//- b.proto
import "acme/orders/v1/orders.proto";
message X { acme.or$0ders.v1.Order o = 2; }
//               ^^^^^^
`,
    '```proto\npackage acme.orders\n```\n\npackage `acme.orders`',
  );
});

test('hover on a field name shows type, number and trailing doc', () => {
  checkHover(
    orders.replace('string id = 1', 'string i$0d = 1'),
    '```proto\nstring id = 1\n```\n\nfield `acme.orders.v1.Order.id` · field number 1 · in `acme/orders/v1/orders.proto`\n\nUnique per tenant.',
  );
});

test('hover on a message-typed field names the resolved type', () => {
  checkHover(
    orders.replace('repeated Item items', 'repeated Item it$0ems'),
    '```proto\nrepeated Item items = 2\n```\n\nfield `acme.orders.v1.Order.items` · field number 2 · type `acme.orders.v1.Order.Item` · in `acme/orders/v1/orders.proto`',
  );
});

test('hover on an enum value shows its number and leading doc', () => {
  checkHover(
    orders.replace('ORDER_STATUS_PAID', 'ORDER_STATUS_P$0AID'),
    '```proto\nORDER_STATUS_PAID = 2\n```\n\nenum value `acme.orders.v1.ORDER_STATUS_PAID` · number 2 · in `acme/orders/v1/orders.proto`\n\nMoney arrived.',
  );
});

test('hover on a declaration name with leading and trailing docs', () => {
  checkHover(
    `
// Leading.
message Fo$0o { // Trailing.
//      ^^^
}
`,
    '```proto\nmessage Foo\n```\n\nmessage `Foo` · in `main.proto`\n\nLeading.\n\nTrailing.',
  );
});

test('hover on an rpc and on its input type', () => {
  const svc = `
syntax = "proto3";
package s;
message Req {}
message Res {}
service Svc {
  rpc D$0o(Req) returns (stream Res);
}
`;
  checkHover(svc, '```proto\nrpc Do(Req) returns (stream Res)\n```\n\nrpc `s.Svc.Do` · in `main.proto`');
  checkHover(svc.replace('D$0o(Req)', 'Do(R$0eq)'), '```proto\nmessage s.Req\n```\n\nmessage `s.Req` · in `main.proto`');
});

test('hover on a custom option name shows the extension and what it extends', () => {
  checkHover(
    `
//- opts.proto
syntax = "proto3";
package acme.opts;
import "google/protobuf/descriptor.proto";
extend google.protobuf.FieldOptions {
  // Redact in logs.
  bool sensitive = 50001;
}
//- google/protobuf/descriptor.proto
syntax = "proto2";
package google.protobuf;
message FieldOptions { extensions 1000 to max; }
//- main.proto
syntax = "proto3";
import "opts.proto";
message M { string card = 1 [(acme.opts.sensi$0tive) = true]; }
//                            ^^^^^^^^^^^^^^^^^^^
`,
    '```proto\nbool sensitive = 50001\n```\n\nextension `acme.opts.sensitive` · field number 50001 · extends `google.protobuf.FieldOptions` · in `opts.proto`\n\nRedact in logs.',
  );
});

test('hover on an import path shows the file it resolves to', () => {
  checkHover(
    `
//- a/b.proto
message B {}
//- main.proto
import "a/$0b.proto";
//     ^^^^^^^^^^^
`,
    '```proto\nimport "a/b.proto"\n```\nresolves to `/ws/a/b.proto`',
  );
  checkHover('import "miss$0ing.proto";\n', '```proto\nimport "missing.proto"\n```\nnot found in the import roots');
});

test('hover on a package component names that package', () => {
  checkHover('package acme.or$0ders.v1;\n//           ^^^^^^\n', '```proto\npackage acme.orders\n```\n\npackage `acme.orders`');
});

test('no hover on keywords, scalars, numbers, white space or past the end', () => {
  checkHover('mess$0age A { string a = 1; }\n', null);
  checkHover('message A { str$0ing a = 1; }\n', null);
  checkHover('message A { string a = $01; }\n', null);
  checkHover('message A {}\n\n\n$0', null);
  const f = fixture('message A {}\n');
  assert.equal(hover(f.project, f.uri, { line: 99, character: 99 }), null);
  assert.equal(hover(f.project, 'file:///nowhere.proto', { line: 0, character: 0 }), null);
});

test('hover works in broken text', () => {
  checkHover(
    `
message Money {}
message A {
  Mo$0ney price = 
//^^^^^
`,
    '```proto\nmessage Money\n```\n\nmessage `Money` · in `main.proto`',
  );
});
