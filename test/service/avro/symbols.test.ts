import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import { documentSymbols, workspaceSymbols } from '../../../server/src/service/avro/symbols';
import { showLocation } from '../fixture';
import { avroFixture, noThrow } from './fixture';

const KIND_NAMES = new Map<number, string>(Object.entries(SymbolKind).map(([name, value]) => [value as number, name]));
const kindName = (k: number) => KIND_NAMES.get(k) ?? String(k);

/** An outline as indented lines: `name kind detail`. */
function outline(symbols: readonly DocumentSymbol[], depth = 0): string[] {
  return symbols.flatMap((s) => [`${'  '.repeat(depth)}${s.name} ${kindName(s.kind)}${s.detail ? ` ${s.detail}` : ''}`, ...outline(s.children ?? [], depth + 1)]);
}

test('a .avsc outline: named types, fields with types, nested definitions under their field, enum symbols', () => {
  const f = avroFixture(`
{"type": "record", "name": "Order", "namespace": "acme", "fields": [
  {"name": "id", "type": "string"},
  {"name": "status", "type": {"type": "enum", "name": "Status", "symbols": ["NEW", "PAID"]}},
  {"name": "lines", "type": {"type": "array", "items": {"type": "record", "name": "Line", "fields": [{"name": "sku", "type": "string"}]}}},
  {"name": "back", "type": ["null", "Status"]}
]}
`);
  assert.deepEqual(outline(noThrow(() => documentSymbols(f.project, f.uri))), [
    'Order Struct record · acme',
    '  id Field string',
    '  status Field acme.Status',
    '    Status Enum enum · acme',
    '      NEW EnumMember',
    '      PAID EnumMember',
    '  lines Field array<acme.Line>',
    '    Line Struct record · acme',
    '      sku Field string',
    '  back Field union { null, acme.Status }',
  ]);
});

test('an IDL protocol outline: the protocol, its types and messages with signatures', () => {
  const f = avroFixture(`
//- p.avdl
@namespace("acme")
protocol Shop {
  fixed Md5(16);
  error Oops { string why; }
  string hash(bytes data, Md5 seed) throws Oops;
  void ping() oneway;
}
`);
  const symbols = noThrow(() => documentSymbols(f.project, f.uri));
  assert.deepEqual(outline(symbols), [
    'Shop Interface acme',
    '  Md5 TypeParameter fixed(16) · acme',
    '  Oops Struct error · acme',
    '    why Field string',
    '  hash Method (bytes data, acme.Md5 seed): string',
    '  ping Method (): void',
  ]);
  // Every selection lies inside its range, as VS Code requires.
  const inside = (s: DocumentSymbol): boolean =>
    (s.range.start.line < s.selectionRange.start.line || (s.range.start.line === s.selectionRange.start.line && s.range.start.character <= s.selectionRange.start.character)) &&
    (s.children ?? []).every(inside);
  assert.ok(symbols.every(inside));
});

test('workspace symbols: named types of every file, matched by name or dotted full name, best first', () => {
  const f = avroFixture(`
//- a.avsc
{"type": "record", "name": "OrderPlaced", "namespace": "acme.orders", "fields": []}
//- b.avsc
{"type": "enum", "name": "Order", "namespace": "acme.orders", "symbols": ["A"]}
//- c.avdl
namespace acme.billing;
record Invoice { string id; }
`);
  const show = (q: string) => noThrow(() => workspaceSymbols(f.project, q)).map((s) => `${s.containerName}.${s.name} ${kindName(s.kind)} ${showLocation(s.location.uri, s.location.range)}`);
  assert.deepEqual(show('order'), ['acme.orders.Order Enum b.avsc:0:25-0:32', 'acme.orders.OrderPlaced Struct a.avsc:0:27-0:40']);
  assert.deepEqual(show('ordplcd'), ['acme.orders.OrderPlaced Struct a.avsc:0:27-0:40']);
  assert.deepEqual(show('billing.inv'), ['acme.billing.Invoice Struct c.avdl:1:7-1:14']);
  assert.equal(show('').length, 3);
});

test('workspace symbols leave out a type whose name is empty (VS Code rejects a nameless symbol)', () => {
  const f = avroFixture(`
//- a.avsc
{"type": "record", "name": "", "fields": []}
//- b.avsc
{"type": "record", "name": "acme.", "fields": []}
//- c.avsc
{"type": "record", "name": "R", "fields": []}
`);
  assert.deepEqual(noThrow(() => workspaceSymbols(f.project, '')).map((s) => s.name), ['R']);
});
