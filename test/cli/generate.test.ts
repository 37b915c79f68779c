// `event-schemas generate` through the bundled CLI on real folders: what it writes and where,
// idempotence, schemas with errors, files in the way, and the exit codes.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isGeneratedText, readGeneratedHeader, schemaHash } from '../../server/src/core/codegen/index';
import { cli, ensureBuilt, removeWorkspaces, workspace } from './run';

before(ensureBuilt);
after(removeWorkspaces);

const MONEY = 'syntax = "proto3";\npackage shop.v1;\nmessage Money { string currency = 1; int64 minor = 2; }\n';
const EVENTS = `syntax = "proto3";
package shop.v1;
import "google/protobuf/timestamp.proto";
import "shop/v1/money.proto";
message Paid { Money amount = 1; }
message Refunded { Money amount = 1; string reason = 2; }
message PaymentEvent {
  string id = 1;
  google.protobuf.Timestamp at = 2;
  oneof event { Paid paid = 10; Refunded refunded = 11; }
}
`;
const AVRO = JSON.stringify([
  { type: 'record', name: 'acme.Opened', fields: [{ name: 'id', type: 'string' }] },
  { type: 'record', name: 'acme.Closed', fields: [{ name: 'id', type: 'string' }] },
]);

function files(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string, prefix: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name), `${prefix}${e.name}/`);
      else out.push(`${prefix}${e.name}`);
    }
  };
  if (existsSync(dir)) walk(dir, '');
  return out.sort();
}

test('writes one module per schema file at its import path, and the runtime beside them', () => {
  const ws = workspace({ 'proto/shop/v1/money.proto': MONEY, 'proto/shop/v1/payments.proto': EVENTS, 'avro/acme/tickets.avsc': AVRO });
  const res = cli(['generate', 'proto', 'avro', '--out', 'src/gen'], ws);
  assert.equal(res.code, 0, res.stderr);
  assert.equal(res.stderr, '');
  assert.deepEqual(files(join(ws, 'src/gen')), [
    'acme/tickets_avro.ts',
    'event-schemas-avro.ts',
    'event-schemas-protobuf.ts',
    'event-schemas-runtime.ts',
    'shop/v1/money_pb.ts',
    'shop/v1/payments_pb.ts',
  ]);
  assert.match(res.stdout, /^wrote src\/gen\/shop\/v1\/money_pb\.ts$/m);
  assert.match(res.stdout, /^6 files in src\/gen: 6 written, 0 unchanged\n$/m);
  const payments = readFileSync(join(ws, 'src/gen/shop/v1/payments_pb.ts'), 'utf8');
  assert.deepEqual(readGeneratedHeader(payments), {
    source: 'shop/v1/payments.proto',
    hash: schemaHash(EVENTS, [MONEY, readFileSync(join(__dirname, '../../node_modules/protoc/include/google/protobuf/timestamp.proto'), 'utf8')]),
  });
  assert.match(payments, /export function decodePaymentEvent\(bytes: Uint8Array\): Result<PaymentEvent, DecodeError>/);
  assert.match(readFileSync(join(ws, 'src/gen/acme/tickets_avro.ts'), 'utf8'), /export type TicketsHandlers<R>|export interface TicketsHandlers<R>/);
  for (const f of files(join(ws, 'src/gen'))) assert.ok(isGeneratedText(readFileSync(join(ws, 'src/gen', f), 'utf8')), f);
});

test('generating again leaves up-to-date files alone and rewrites stale generated ones', () => {
  const ws = workspace({ 'shop/v1/money.proto': MONEY, 'shop/v1/payments.proto': EVENTS });
  assert.equal(cli(['generate', '--out', 'gen'], ws).code, 0);
  const before = readFileSync(join(ws, 'gen/shop/v1/payments_pb.ts'), 'utf8');
  const again = cli(['generate', '--out', 'gen'], ws);
  assert.equal(again.code, 0);
  assert.equal(again.stdout, '4 files in gen: 0 written, 4 unchanged\n');
  assert.equal(readFileSync(join(ws, 'gen/shop/v1/payments_pb.ts'), 'utf8'), before);

  writeFileSync(join(ws, 'shop/v1/payments.proto'), EVENTS.replace('string reason = 2;', 'string reason = 2; string note = 3;'));
  const changed = cli(['generate', '--out', 'gen'], ws);
  assert.equal(changed.code, 0);
  assert.equal(changed.stdout, 'wrote gen/shop/v1/payments_pb.ts\n4 files in gen: 1 written, 3 unchanged\n');
  assert.match(readFileSync(join(ws, 'gen/shop/v1/payments_pb.ts'), 'utf8'), /readonly note: string;/);
  assert.deepEqual(files(join(ws, 'gen')).filter((f) => f.includes('.tmp')), []);
});

test('a schema with errors generates nothing and exits 1 with the errors', () => {
  const ws = workspace({ 'bad.proto': 'syntax = "proto3";\nmessage A { Missing m = 1; }\n', 'good.avsc': AVRO });
  const res = cli(['generate', '.', '--out', 'gen'], ws);
  assert.equal(res.code, 1);
  assert.match(res.stdout, /error\[resolve\/unknown-type\]: unknown type `Missing`/);
  assert.match(res.stderr, /event-schemas: error: nothing was generated: fix the errors above first/);
  assert.equal(existsSync(join(ws, 'gen')), false);
});

test('a file in the way that was not generated is never replaced: nothing is written, exit 2', () => {
  const ws = workspace({ 'shop/v1/money.proto': MONEY, 'shop/v1/payments.proto': EVENTS, 'gen/shop/v1/payments_pb.ts': '// my own code\nexport const x = 1;\n' });
  const res = cli(['generate', '.', '--out', 'gen'], ws);
  assert.equal(res.code, 2);
  assert.equal(res.stdout, '');
  assert.match(
    res.stderr,
    /event-schemas: error: gen\/shop\/v1\/payments_pb\.ts was not generated by event-schemas \(it lacks the "Code generated by event-schemas" header\): it was not replaced; move it away or choose another --out folder\n/,
  );
  assert.match(res.stderr, /event-schemas: error: nothing was generated\n/);
  assert.equal(readFileSync(join(ws, 'gen/shop/v1/payments_pb.ts'), 'utf8'), '// my own code\nexport const x = 1;\n');
  assert.deepEqual(files(join(ws, 'gen')), ['shop/v1/payments_pb.ts']);
});

test('usage and input problems exit 2', () => {
  const ws = workspace({ 'a.avsc': AVRO, 'out.txt': 'x' });
  const noOut = cli(['generate', '.'], ws);
  assert.equal(noOut.code, 2);
  assert.match(noOut.stderr, /no output folder given: add --out DIR/);
  assert.match(noOut.stderr, /Usage: event-schemas generate \[PATH\.\.\.\] \[-I DIR\]\.\.\. --out DIR/);
  const outIsFile = cli(['generate', '.', '--out', 'out.txt'], ws);
  assert.equal(outIsFile.code, 2);
  assert.match(outIsFile.stderr, /--out out\.txt is a file: give a folder for the generated code/);
  const missing = cli(['generate', 'nope', '--out', 'gen'], ws);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /nope does not exist/);
});

test('schemas without messages or records generate nothing and say so', () => {
  const ws = workspace({ 'svc.proto': 'syntax = "proto3";\npackage s;\n' });
  const res = cli(['generate', '--out', 'gen'], ws);
  assert.equal(res.code, 0);
  assert.match(res.stderr, /note: nothing to generate: no messages or records were found/);
  assert.equal(existsSync(join(ws, 'gen')), false);
});

test('help generate prints the command usage', () => {
  const ws = workspace({});
  for (const args of [['help', 'generate'], ['generate', '--help']]) {
    const res = cli(args, ws);
    assert.equal(res.code, 0);
    assert.match(res.stdout, /^Usage: event-schemas generate \[PATH\.\.\.\] \[-I DIR\]\.\.\. --out DIR\n/);
    assert.match(res.stdout, /needs the protobufjs \(Protobuf\) or avsc\s+\(Avro\) package at run time/);
  }
});
