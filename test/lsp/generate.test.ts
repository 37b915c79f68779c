// "Generate handlers" through the language server, as a client sees it: a real process over
// stdio and a real workspace on disk. The request writes the generated modules atomically below
// the output folder, refuses to replace files it did not generate, writes nothing when the
// workspace is untrusted, and the schema says when its generated code is stale.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { GenerateHandlersResult } from '../../server/src/protocol';
import { makeWorkspace, startServer, type TestServer } from './client';

const money = `syntax = "proto3";
package acme.money.v1;
message Money {
  string currency = 1;
  int64 units = 2;
}
`;

const events = `syntax = "proto3";
package acme.orders.v1;
import "acme/money/v1/money.proto";

message OrderPlaced { acme.money.v1.Money total = 1; }
message OrderPaid { string payment_id = 1; }

// Everything that happens to an order.
message OrderEvent {
  string event_id = 1;
  oneof event {
    OrderPlaced placed = 10;
    OrderPaid paid = 11;
  }
}
`;

const topLevel = `[
  {"type": "record", "name": "Opened", "namespace": "acme.accounts", "fields": [{"name": "id", "type": "string"}]},
  {"type": "record", "name": "Closed", "namespace": "acme.accounts", "fields": [{"name": "id", "type": "string"}]}
]
`;

const fieldUnion = `{
  "type": "record",
  "name": "Envelope",
  "namespace": "acme.shipping",
  "fields": [
    {"name": "id", "type": "string"},
    {"name": "payload", "type": [
      {"type": "record", "name": "Packed", "fields": [{"name": "box", "type": "int"}]},
      {"type": "record", "name": "Sent", "fields": [{"name": "carrier", "type": "string"}]}
    ]}
  ]
}
`;

const idl = `@namespace("acme.billing")
protocol Billing {
  record Invoiced { string id; }
  record Paid { string id; }
  record BillingEvent {
    string id;
    union { Invoiced, Paid } change;
  }
}
`;

const files: Record<string, string> = {
  'tsconfig.json': '{"compilerOptions": {"strict": true}}\n',
  'src/index.ts': 'export {};\n',
  'buf.yaml': 'version: v2\nmodules:\n  - path: proto\n',
  'proto/acme/money/v1/money.proto': money,
  'proto/acme/orders/v1/order_events.proto': events,
  'avro/accounts.avsc': topLevel,
  'avro/shipping.avsc': fieldUnion,
  'avro/billing.avdl': idl,
};

const eventsRel = 'proto/acme/orders/v1/order_events.proto';
const outDir = 'src/generated/events';
const eventsModule = `${outDir}/acme/orders/v1/order_events_pb.ts`;
const moneyModule = `${outDir}/acme/money/v1/money_pb.ts`;

/** 0-based position of `needle` (plus `delta` characters) in `text`. */
function at(text: string, needle: string, delta = 0): { line: number; character: number } {
  const i = text.indexOf(needle);
  assert.ok(i >= 0, `text contains ${needle}`);
  const before = text.slice(0, i + delta).split('\n');
  return { line: before.length - 1, character: before[before.length - 1]!.length };
}

function rangeOf(text: string, needle: string, inner = needle) {
  const delta = needle.indexOf(inner);
  return { start: at(text, needle, delta), end: at(text, needle, delta + inner.length) };
}

async function generateHandlers(server: TestServer, params: { uris?: string[]; folder?: string }): Promise<GenerateHandlersResult> {
  return server.connection.sendRequest('eventSchemas/generateHandlers', params);
}

/** Every file below `dir`, relative to it. */
function listFiles(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? listFiles(p, `${prefix}${name}/`) : [`${prefix}${name}`];
  });
}

async function change(server: TestServer, rel: string, version: number, text: string): Promise<void> {
  await server.connection.sendNotification('textDocument/didChange', {
    textDocument: { uri: server.uri(rel), version },
    contentChanges: [{ text }],
  });
}

describe('generate handlers over stdio', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer(files);
    await server.waitReady();
  });
  after(async () => {
    await server.stop();
  });

  test('a code lens sits on the name of each event union: envelope message, Avro field, top-level union', async () => {
    const cases: [string, { start: { line: number; character: number }; end: { line: number; character: number } }][] = [
      [eventsRel, rangeOf(events, 'message OrderEvent', 'OrderEvent')],
      ['avro/shipping.avsc', rangeOf(fieldUnion, '"payload"')],
      ['avro/accounts.avsc', rangeOf(topLevel, '[')],
      ['avro/billing.avdl', rangeOf(idl, 'change')],
    ];
    for (const [rel, range] of cases) {
      await server.open(rel, files[rel]);
      const lenses: any[] = await server.connection.sendRequest('textDocument/codeLens', { textDocument: { uri: server.uri(rel) } });
      assert.deepEqual(
        lenses.map((l) => [l.range, l.command.title, l.command.command, l.command.arguments]),
        [[range, 'Generate handlers', 'eventSchemas.generateHandlers', [server.uri(rel)]]],
        rel,
      );
    }
    await server.open('proto/acme/money/v1/money.proto', money);
    const none: any[] = await server.connection.sendRequest('textDocument/codeLens', { textDocument: { uri: server.uri('proto/acme/money/v1/money.proto') } });
    assert.deepEqual(none, [], 'a file without an event union has no lens');
  });

  test('the request writes the module, the modules it imports and the runtime below the default output folder', async () => {
    const res = await generateHandlers(server, { uris: [server.uri(eventsRel)] });
    assert.deepEqual(res.errors, []);
    assert.deepEqual(res.refused, []);
    assert.deepEqual(res.outDirs, [server.uri(outDir)]);
    const written = res.written.map((u) => u.slice(server.uri(outDir).length + 1)).sort();
    assert.deepEqual(written, [
      'acme/money/v1/money_pb.ts',
      'acme/orders/v1/order_events_pb.ts',
      'event-schemas-protobuf.ts',
      'event-schemas-runtime.ts',
    ]);
    assert.deepEqual(res.modules, [{ source: server.uri(eventsRel), module: server.uri(eventsModule) }]);
    const text = readFileSync(join(server.root, eventsModule), 'utf8');
    assert.match(text, /^\/\/ Code generated by event-schemas\. DO NOT EDIT\.\n\/\/ source: acme\/orders\/v1\/order_events\.proto; schema-hash: sha256:/);
    assert.match(text, /export interface OrderEventHandlers<R>/);
    // Atomic writes leave no temporary files behind.
    assert.deepEqual(listFiles(join(server.root, outDir)).filter((f) => f.endsWith('.tmp')), []);
    // The same request again changes nothing on disk.
    const before = statSync(join(server.root, eventsModule)).mtimeMs;
    const again = await generateHandlers(server, { uris: [server.uri(eventsRel)] });
    assert.deepEqual(again.written, []);
    assert.equal(again.unchanged.length, 4);
    assert.equal(statSync(join(server.root, eventsModule)).mtimeMs, before);
  });

  test('an edited schema says its generated code is stale, and "Regenerate" makes it fresh', async () => {
    const uri = server.uri(eventsRel);
    const edited = events.replace('    OrderPaid paid = 11;\n', '    OrderPaid paid = 11;\n    OrderPlaced replaced = 12;\n');
    const stale = server.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'codegen/stale'));
    await change(server, eventsRel, 2, edited);
    const p = await stale;
    const d = p.diagnostics.find((x) => x.code === 'codegen/stale')!;
    assert.deepEqual([d.severity, d.source, d.range], [2, 'event-schemas', rangeOf(edited, 'message OrderEvent', 'OrderEvent')]);
    assert.match(String(d.message), /^generated code is stale: src\/generated\/events\/acme\/orders\/v1\/order_events_pb\.ts was generated from an older version/);

    const actions: any[] = await server.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: d.range,
      context: { diagnostics: [d] },
    });
    const regenerate = actions.find((a) => a.title === 'Regenerate');
    assert.deepEqual(regenerate?.command, { title: 'Regenerate', command: 'eventSchemas.generateHandlers', arguments: [uri] });
    assert.equal(regenerate.kind, 'quickfix');

    const fresh = server.diagnostics(uri, (q) => !q.diagnostics.some((x) => x.code === 'codegen/stale'));
    const res = await generateHandlers(server, { uris: regenerate.command.arguments });
    assert.deepEqual(res.written, [server.uri(eventsModule)]);
    await fresh;
    assert.match(readFileSync(join(server.root, eventsModule), 'utf8'), /"Replaced"/);
  });

  test('a change to an imported schema makes the importer stale too', async () => {
    const moneyRel = 'proto/acme/money/v1/money.proto';
    const stale = server.diagnostics(server.uri(eventsRel), (p) => p.diagnostics.some((d) => d.code === 'codegen/stale'));
    const moneyStale = server.diagnostics(server.uri(moneyRel), (p) => p.diagnostics.some((d) => d.code === 'codegen/stale'));
    const edited = money.replace('  int64 units = 2;\n', '  int64 units = 2;\n  int32 nanos = 3;\n');
    await change(server, moneyRel, 2, edited);
    await stale;
    // A module of types only has no union: the warning sits on its first type's name.
    const m = (await moneyStale).diagnostics.find((d) => d.code === 'codegen/stale')!;
    assert.deepEqual(m.range, rangeOf(edited, 'message Money', 'Money'));
    await change(server, moneyRel, 3, money);
    await server.diagnostics(server.uri(moneyRel), (p) => !p.diagnostics.some((d) => d.code === 'codegen/stale'));
  });

  test('Avro unions generate from their files, with paths below the workspace folder', async () => {
    const res = await generateHandlers(server, { uris: [server.uri('avro/shipping.avsc'), server.uri('avro/accounts.avsc')] });
    assert.deepEqual(res.errors, []);
    assert.deepEqual(
      res.modules.map((m) => m.module),
      [server.uri(`${outDir}/avro/shipping_avro.ts`), server.uri(`${outDir}/avro/accounts_avro.ts`)],
    );
    assert.match(readFileSync(join(server.root, outDir, 'avro/shipping_avro.ts'), 'utf8'), /export interface EnvelopePayloadHandlers<R>/);
    assert.match(readFileSync(join(server.root, outDir, 'avro/accounts_avro.ts'), 'utf8'), /export interface AccountsHandlers<R>/);
  });

  test('a file in the way that was not generated is never replaced, and then nothing is written', async () => {
    const handWritten = '// my own money type\nexport type Money = { cents: number };\n';
    writeFileSync(join(server.root, moneyModule), handWritten);
    const before = readFileSync(join(server.root, eventsModule), 'utf8');
    const edited = events.replace('    OrderPaid paid = 11;\n', '    OrderPaid paid = 11;\n    OrderPaid repaid = 13;\n');
    await change(server, eventsRel, 4, edited);
    const res = await generateHandlers(server, { uris: [server.uri(eventsRel)] });
    assert.deepEqual(res.written, []);
    assert.deepEqual(res.modules, []);
    assert.deepEqual(res.refused.map((r) => r.uri), [server.uri(moneyModule)]);
    assert.match(res.refused[0]!.reason, /was not generated by event-schemas/);
    assert.equal(readFileSync(join(server.root, moneyModule), 'utf8'), handWritten);
    assert.equal(readFileSync(join(server.root, eventsModule), 'utf8'), before);
  });

  test('schemas with errors generate nothing and say where the errors are', async () => {
    await change(server, eventsRel, 5, events.replace('OrderPaid paid = 11;', 'OrderRefunded paid = 11;'));
    const res = await generateHandlers(server, { uris: [server.uri(eventsRel)] });
    assert.deepEqual([res.written, res.refused], [[], []]);
    assert.equal(res.errors.length, 1);
    assert.match(res.errors[0]!, /^nothing was generated: fix the errors in the schemas first: proto\/acme\/orders\/v1\/order_events\.proto:13:5: .*OrderRefunded/);
  });

  test('a folder generates every schema file below it; not a schema file is refused', async () => {
    const res = await generateHandlers(server, { folder: server.uri('avro') });
    assert.deepEqual(res.errors, []);
    assert.deepEqual(res.modules.map((m) => m.module.slice(server.uri(outDir).length + 1)), ['avro/accounts_avro.ts', 'avro/billing_avro.ts', 'avro/shipping_avro.ts']);
    const bad = await generateHandlers(server, { uris: [server.uri('src/index.ts')] });
    assert.match(bad.errors[0]!, /is not a \.proto, \.avsc or \.avdl file on disk/);
  });
});

describe('generate handlers: settings and trust', () => {
  test('an untrusted workspace offers no code lens, writes nothing and says why', async () => {
    const server = await startServer(files, { trusted: false });
    try {
      await server.open(eventsRel, events);
      const lenses = await server.connection.sendRequest('textDocument/codeLens', { textDocument: { uri: server.uri(eventsRel) } });
      assert.deepEqual(lenses, [], 'the command would only refuse');
      const res = await generateHandlers(server, { uris: [server.uri(eventsRel)] });
      assert.deepEqual([res.written, res.outDirs], [[], []]);
      assert.match(res.errors[0]!, /not trusted.*nothing was written/);
      assert.equal(existsSync(join(server.root, 'src/generated')), false);
    } finally {
      await server.stop();
    }
  });

  test('outDir is taken from the settings, and one outside the workspace folder is refused', async () => {
    const root = makeWorkspace(files);
    const outside = `../${basename(root)}-outside`;
    const server = await startServer(files, { root, settings: { generate: { outDir: outside } } });
    try {
      const res = await generateHandlers(server, { uris: [server.uri(eventsRel)] });
      assert.deepEqual(res.written, []);
      assert.equal(res.errors[0], `eventSchemas.generate.outDir "${outside}" lies outside the workspace folder: choose a folder inside it`);
      assert.equal(existsSync(join(server.root, outside)), false);
      await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: { eventSchemas: { generate: { outDir: 'gen/ts' } } } });
      const ok = await generateHandlers(server, { uris: [server.uri(eventsRel)] });
      assert.deepEqual(ok.errors, []);
      assert.ok(existsSync(join(server.root, 'gen/ts/acme/orders/v1/order_events_pb.ts')));
    } finally {
      await server.stop();
      rmSync(root, { recursive: true, force: true });
    }
  });

  test('without a tsconfig.json and src/ the default output folder is generated/', async () => {
    const { 'tsconfig.json': _t, 'src/index.ts': _s, ...schemas } = files;
    const server = await startServer(schemas);
    try {
      const res = await generateHandlers(server, { uris: [server.uri(eventsRel)] });
      assert.deepEqual(res.outDirs, [server.uri('generated')]);
    } finally {
      await server.stop();
    }
  });

  test('onSave regenerates the stale modules the saved schema feeds, and only those', async () => {
    const server = await startServer(files, { settings: { generate: { onSave: true } } });
    try {
      await server.waitReady();
      const first = await generateHandlers(server, { uris: [server.uri(eventsRel)] });
      assert.deepEqual(first.errors, []);
      // A module nobody generated is not created by a save.
      await server.open('avro/accounts.avsc', topLevel);
      const moneyRel = 'proto/acme/money/v1/money.proto';
      await server.open(moneyRel, money);
      const edited = money.replace('  int64 units = 2;\n', '  int64 units = 2;\n  int32 nanos = 3;\n');
      const stale = server.diagnostics(server.uri(moneyRel), (p) => p.diagnostics.some((d) => d.code === 'codegen/stale'));
      await change(server, moneyRel, 2, edited);
      await stale;
      writeFileSync(join(server.root, moneyRel), edited);
      const hash = (rel: string) => /schema-hash: (\S+)/.exec(readFileSync(join(server.root, rel), 'utf8'))?.[1];
      const eventsHash = hash(eventsModule);
      const fresh = server.diagnostics(server.uri(moneyRel), (p) => !p.diagnostics.some((d) => d.code === 'codegen/stale'));
      await server.connection.sendNotification('textDocument/didSave', { textDocument: { uri: server.uri(moneyRel) } });
      await server.connection.sendNotification('textDocument/didSave', { textDocument: { uri: server.uri('avro/accounts.avsc') } });
      await fresh;
      // money.proto feeds its own module and the envelope's (which embeds its descriptor).
      assert.match(readFileSync(join(server.root, moneyModule), 'utf8'), /nanos/);
      assert.notEqual(hash(eventsModule), eventsHash);
      assert.equal(existsSync(join(server.root, outDir, 'avro/accounts_avro.ts')), false);
    } finally {
      await server.stop();
    }
  });
});
