import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import { documentSymbols, workspaceSymbols } from '../../../server/src/service/proto/symbols';
import { fixture } from '../fixture';

const kindName = (k: SymbolKind) => Object.entries(SymbolKind).find(([, v]) => v === k)?.[0] ?? String(k);

/** The outline as indented lines: `Kind name — detail @line:col-line:col (selection line:col)`. */
function outline(symbols: readonly DocumentSymbol[], depth = 0): string[] {
  return symbols.flatMap((s) => [
    `${'  '.repeat(depth)}${kindName(s.kind)} ${s.name}${s.detail ? ` — ${s.detail}` : ''} @${s.selectionRange.start.line}:${s.selectionRange.start.character}`,
    ...outline(s.children ?? [], depth + 1),
  ]);
}

test('document symbols: hierarchy, details and selection ranges', () => {
  const f = fixture(`
syntax = "proto2";
package acme;
message Order {
  optional string id = 1;
  map<string, int64> counts = 2;
  oneof payment {
    string card = 3;
  }
  message Item {}
  optional group Result = 4 { optional int32 code = 1; }
  enum State { STATE_UNSPECIFIED = 0; }
}
service Orders {
  rpc Place(Order) returns (stream Order);
}
extend Order { optional bool flag = 100; }
`);
  assert.deepEqual(outline(documentSymbols(f.project, f.uri)), [
    'Struct Order @2:8',
    '  Field id — optional string = 1 @3:18',
    '  Field counts — map<string, int64> = 2 @4:21',
    '  Object payment — oneof @5:8',
    '    Field card — string = 3 @6:11',
    '  Struct Item @8:10',
    '  Struct Result — optional group = 4 @9:17',
    '    Field code — optional int32 = 1 @9:45',
    '  Enum State @10:7',
    '    EnumMember STATE_UNSPECIFIED — 0 @10:15',
    'Interface Orders @12:8',
    '  Method Place — (Order) returns (stream Order) @13:6',
    'Namespace extend Order @15:7',
    '  Field flag — optional bool = 100 @15:29',
  ]);
  const order = documentSymbols(f.project, f.uri)[0]!;
  assert.deepEqual(order.range, { start: { line: 2, character: 0 }, end: { line: 11, character: 1 } });
});

test('document symbols of broken text keep what parsed', () => {
  const f = fixture('message A {\n  string a = 1;\n  message B {\n');
  assert.deepEqual(outline(documentSymbols(f.project, f.uri)), ['Struct A @0:8', '  Field a — string = 1 @1:9', '  Struct B @2:10']);
  assert.deepEqual(documentSymbols(f.project, 'file:///none.proto'), []);
});

const workspace = `
//- acme/orders.proto
package acme.orders;
message OrderPlaced { string order_id = 1; }
message OrderShipped {}
message Order {}
service OrderService { rpc PlaceOrder(Order) returns (Order); }
//- acme/billing.proto
package acme.billing;
message Invoice { string order = 1; }
enum PaymentState { PAYMENT_STATE_UNSPECIFIED = 0; }
`;

const names = (query: string, limit?: number) => {
  const f = fixture(workspace);
  return workspaceSymbols(f.project, query, limit).map((s) => `${s.containerName ? s.containerName + '.' : ''}${s.name}`);
};

test('workspace symbols rank exact, prefix, substring and subsequence matches of the name', () => {
  assert.deepEqual(names('order'), [
    'acme.orders.Order',
    'acme.orders.OrderPlaced',
    'acme.orders.OrderService',
    'acme.orders.OrderShipped',
    'acme.orders.OrderService.PlaceOrder',
  ]);
  assert.deepEqual(names('ordplcd'), ['acme.orders.OrderPlaced']);
  assert.deepEqual(names('zzz'), []);
});

test('a query with a dot matches full names; fields and enum values are not searched', () => {
  assert.deepEqual(names('billing.inv'), ['acme.billing.Invoice']);
  assert.deepEqual(names('acme.orders.order'), [
    'acme.orders.Order',
    'acme.orders.OrderPlaced',
    'acme.orders.OrderService',
    'acme.orders.OrderShipped',
    'acme.orders.OrderService.PlaceOrder',
  ]);
  assert.deepEqual(names('orders.ordplc'), ['acme.orders.OrderPlaced', 'acme.orders.OrderService.PlaceOrder']);
  assert.deepEqual(names('order_id'), []);
  assert.deepEqual(names('PAYMENT_STATE'), []);
});

test('workspace symbols are capped and carry locations', () => {
  assert.equal(names('', 3).length, 3);
  const f = fixture(workspace);
  const [placed] = workspaceSymbols(f.project, 'OrderPlaced');
  assert.deepEqual(placed, {
    name: 'OrderPlaced',
    kind: SymbolKind.Struct,
    location: { uri: 'file:///ws/acme/orders.proto', range: { start: { line: 1, character: 8 }, end: { line: 1, character: 19 } } },
    containerName: 'acme.orders',
  });
});
