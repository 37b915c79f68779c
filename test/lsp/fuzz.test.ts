// 10,000 random requests and edits against one server: valid and invalid params, out-of-range
// positions, unknown URIs, cancellation and `$/` notifications, over .proto, .avsc and .avdl
// documents made from corpus files. Every request must be answered, the process must stay up,
// and its memory must stay bounded.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CancellationTokenSource } from 'vscode-languageserver-protocol';
import { startServer, type TestServer } from './client';

const corpus = join(__dirname, '..', '..', '..', 'shared', 'corpus');

function files(dir: string, ext: RegExp, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) files(p, ext, out);
    else if (ext.test(name)) out.push(p);
  }
  return out;
}

function prng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) / 1024;
}

const REQUESTS = 10_000;

let server: TestServer;
before(async () => {
  server = await startServer({ 'buf.yaml': 'version: v2\n' });
});
after(async () => {
  await server.stop();
});

test(`${REQUESTS} random requests and edits are all answered, with bounded memory`, async () => {
  const rand = prng(7);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const protos = files(join(corpus, 'protobuf'), /\.proto$/);
  const avscs = files(join(corpus, 'avro', 'avsc'), /\.avsc$/);
  const docs: { uri: string; text: string; version: number; languageId: string }[] = [];
  for (let i = 0; i < 12; i++) {
    const source = i % 3 === 2 ? pick(avscs) : pick(protos);
    const ext = source.endsWith('.avsc') ? 'avsc' : 'proto';
    const rel = `fuzz/doc${i}.${ext}`;
    const text = readFileSync(source, 'utf8');
    await server.open(rel, text);
    docs.push({ uri: server.uri(rel), text, version: 1, languageId: ext === 'proto' ? 'proto' : 'avroavsc' });
  }
  const idl = 'protocol P { record R { string a; } }\n';
  await server.open('fuzz/p.avdl', idl);
  docs.push({ uri: server.uri('fuzz/p.avdl'), text: idl, version: 1, languageId: 'avroidl' });

  // Warm up, then measure memory from here.
  await server.connection.sendRequest('workspace/symbol', { query: 'a' });
  const rssStart = rssMiB(server.process.pid!);

  const methods = [
    'textDocument/hover',
    'textDocument/definition',
    'textDocument/references',
    'textDocument/completion',
    'textDocument/documentSymbol',
    'textDocument/formatting',
    'textDocument/semanticTokens/full',
    'textDocument/foldingRange',
    'textDocument/codeAction',
    'textDocument/prepareRename',
    'textDocument/rename',
    'workspace/symbol',
  ];
  const position = (text: string) => {
    const r = rand();
    if (r < 0.05) return { line: -1, character: -1 };
    if (r < 0.1) return { line: 1e6, character: 1e6 };
    const lines = text.split('\n');
    const line = Math.floor(rand() * lines.length);
    return { line, character: Math.floor(rand() * ((lines[line]?.length ?? 0) + 2)) };
  };
  const paramsFor = (method: string, doc: { uri: string; text: string }) => {
    const unknown = rand() < 0.05;
    const textDocument = { uri: unknown ? `file:///nowhere/${Math.floor(rand() * 1e6)}.proto` : doc.uri };
    if (rand() < 0.03) return pick([{}, null, { textDocument: 7 }, { textDocument, position: 'x' }]);
    switch (method) {
      case 'workspace/symbol':
        return { query: pick(['', 'Order', 'a.b', '(((', 'Timestamp', '\u0000']) };
      case 'textDocument/references':
        return { textDocument, position: position(doc.text), context: { includeDeclaration: rand() < 0.5 } };
      case 'textDocument/rename':
        return { textDocument, position: position(doc.text), newName: pick(['X', '1bad', '', 'message', 'Renamed_2']) };
      case 'textDocument/formatting':
        return { textDocument, options: { tabSize: pick([2, 4, 0]), insertSpaces: rand() < 0.8 } };
      case 'textDocument/codeAction':
        return { textDocument, range: { start: position(doc.text), end: position(doc.text) }, context: { diagnostics: [] } };
      case 'textDocument/documentSymbol':
      case 'textDocument/semanticTokens/full':
      case 'textDocument/foldingRange':
        return { textDocument };
      default:
        return { textDocument, position: position(doc.text) };
    }
  };

  let answered = 0;
  let withResult = 0;
  let sent = 0;
  const inflight: Promise<unknown>[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    const doc = pick(docs);
    const r = rand();
    if (r < 0.12) {
      // An edit: insert, delete or replace at a random place.
      const lines = doc.text.split('\n');
      const start = position(doc.text);
      const line = Math.max(0, Math.min(start.line, lines.length - 1));
      const ch = Math.max(0, Math.min(start.character, lines[line]?.length ?? 0));
      const insert = pick(['', 'x', '}', '{', ';', '"', '\n', 'message M {', 'int32 a = 1;', '/*']);
      const lineText = lines[line] ?? '';
      const removed = Math.floor(rand() * 4);
      lines[line] = lineText.slice(0, ch) + insert + lineText.slice(ch + removed);
      doc.text = lines.join('\n');
      doc.version++;
      await server.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri: doc.uri, version: doc.version },
        contentChanges: [{ text: doc.text }],
      });
      continue;
    }
    if (r < 0.14) {
      await server.connection.sendNotification(pick(['$/cancelRequest', '$/setTrace', '$/progress', '$/unknown']), pick([{ id: 999999 }, { value: 'off' }, {}, null]));
      continue;
    }
    const method = pick(methods);
    sent++;
    const source = rand() < 0.1 ? new CancellationTokenSource() : undefined;
    const params = paramsFor(method, doc);
    // Without a token the argument must be left out: an `undefined` would go out as a second
    // parameter, and the server would reject every such request for its parameters by position.
    const p = (source ? server.connection.sendRequest(method, params, source.token) : server.connection.sendRequest(method, params))
      .then(
        () => {
          answered++;
          withResult++;
        },
        (e: { code?: number }) => {
          // An error response is an answer too (cancelled, invalid params, refused rename).
          if (typeof e?.code === 'number') answered++;
        },
      );
    source?.cancel();
    inflight.push(p);
    if (inflight.length >= 32) await Promise.all(inflight.splice(0));
  }
  await Promise.all(inflight);
  assert.equal(answered, sent, 'every request got an answer');
  // Most requests are well-formed and reach their feature; only the odd ones are refused.
  assert.ok(withResult > sent * 0.6, `only ${withResult} of ${sent} requests got a result`);
  assert.equal(server.process.exitCode, null, 'the server is still running');
  const growth = rssMiB(server.process.pid!) - rssStart;
  assert.ok(growth < 300, `RSS grew by ${growth.toFixed(0)} MiB`);
});

test('a 10 MB file and 1,000-level nesting are diagnosed without a crash', async () => {
  const deep = 'syntax = "proto3";\n' + 'message M {\n'.repeat(1000) + '}\n'.repeat(1000);
  const uri = server.uri('fuzz/deep.proto');
  const deepDiags = server.diagnostics(uri, () => true, 60_000);
  await server.open('fuzz/deep.proto', deep);
  const d = await deepDiags;
  assert.ok(Array.isArray(d.diagnostics));
  const line = 'message Big%d { string a = 1; int64 b = 2; repeated Big%d c = 3; }\n';
  let big = 'syntax = "proto3";\npackage big;\n';
  for (let i = 0; big.length < 10 * 1024 * 1024; i++) big += line.replaceAll('%d', String(i));
  const bigUri = server.uri('fuzz/big.proto');
  const bigDiags = server.diagnostics(bigUri, () => true, 120_000);
  await server.open('fuzz/big.proto', big);
  assert.deepEqual((await bigDiags).diagnostics.filter((x) => x.severity === 1), []);
  const symbols: unknown[] = await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: bigUri } });
  assert.ok(symbols.length > 10_000);
  assert.equal(server.process.exitCode, null);
});
