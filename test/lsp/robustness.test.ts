// The server survives anything a client sends: mutated corpus files, random positions, invalid
// params, unknown documents and cancellation. Every request gets an answer, every diagnostic range
// lies inside its document, and the process is still alive at the end.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, type TestServer } from './client';

const corpus = join(__dirname, '..', '..', '..', 'shared', 'corpus', 'protobuf');

function protoFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) protoFiles(p, out);
    else if (name.endsWith('.proto')) out.push(p);
  }
  return out;
}

/** A small deterministic PRNG (mulberry32), so a failure can be replayed. */
function prng(seed: number): () => number {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SNIPPETS = ['{', '}', ';', '=', 'message', 'enum', '"', '/*', '//', '\n', '[', ']', '(', 'option', 'import "', '0x', '-', 'map<', '\u0000', '😀'];

function mutate(text: string, rand: () => number): string {
  let t = text;
  const n = 1 + Math.floor(rand() * 6);
  for (let i = 0; i < n; i++) {
    const at = Math.floor(rand() * (t.length + 1));
    const r = rand();
    if (r < 0.35) t = t.slice(0, at) + t.slice(at + Math.floor(rand() * 40));
    else if (r < 0.8) t = t.slice(0, at) + SNIPPETS[Math.floor(rand() * SNIPPETS.length)] + t.slice(at);
    else t = t.slice(0, at);
  }
  return t;
}

function lineCount(text: string): number {
  return text.split(/\r\n|\r|\n/).length;
}

let server: TestServer;
before(async () => {
  server = await startServer({ 'buf.yaml': 'version: v2\n' });
});
after(async () => {
  await server.stop();
});

test('mutated corpus files through every feature: answers for all, ranges inside the document', async () => {
  const rand = prng(20261126);
  const files = protoFiles(corpus);
  const sample = Array.from({ length: 40 }, () => files[Math.floor(rand() * files.length)]!);
  let requests = 0;
  for (const [i, file] of sample.entries()) {
    const text = mutate(readFileSync(file, 'utf8'), rand);
    const rel = `fuzz/f${i}.proto`;
    const uri = server.uri(rel);
    const got = server.diagnostics(uri, () => true, 20_000);
    await server.open(rel, text);
    const diags = (await got).diagnostics;
    const lines = lineCount(text);
    for (const d of diags) {
      assert.ok(d.range.start.line >= 0 && d.range.end.line < lines, `${file}: ${JSON.stringify(d.range)} outside ${lines} lines`);
      assert.ok(
        d.range.start.line < d.range.end.line || (d.range.start.line === d.range.end.line && d.range.start.character <= d.range.end.character),
        `${file}: inverted range ${JSON.stringify(d.range)}`,
      );
    }
    const pos = () => ({ line: Math.floor(rand() * (lines + 2)), character: Math.floor(rand() * 120) });
    const doc = { uri };
    const calls: Promise<unknown>[] = [
      server.connection.sendRequest('textDocument/hover', { textDocument: doc, position: pos() }),
      server.connection.sendRequest('textDocument/definition', { textDocument: doc, position: pos() }),
      server.connection.sendRequest('textDocument/references', { textDocument: doc, position: pos(), context: { includeDeclaration: true } }),
      server.connection.sendRequest('textDocument/completion', { textDocument: doc, position: pos() }),
      server.connection.sendRequest('textDocument/documentSymbol', { textDocument: doc }),
      server.connection.sendRequest('textDocument/formatting', { textDocument: doc, options: { tabSize: 2, insertSpaces: true } }),
      server.connection.sendRequest('textDocument/semanticTokens/full', { textDocument: doc }),
      server.connection.sendRequest('textDocument/foldingRange', { textDocument: doc }),
      server.connection.sendRequest('textDocument/codeAction', {
        textDocument: doc,
        range: { start: pos(), end: pos() },
        context: { diagnostics: diags },
      }),
      server.connection.sendRequest('textDocument/prepareRename', { textDocument: doc, position: pos() }).catch((e) => e),
      server.connection.sendRequest('textDocument/rename', { textDocument: doc, position: pos(), newName: 'Renamed' }).catch((e) => e),
    ];
    requests += calls.length;
    await Promise.all(calls);
  }
  assert.equal(requests, sample.length * 11);
  assert.equal(server.process.exitCode, null, 'the server process is still running');
});

test('invalid params, unknown documents and odd notifications get answers or are ignored', async () => {
  const answers = await Promise.allSettled([
    server.connection.sendRequest('textDocument/hover', {}),
    server.connection.sendRequest('textDocument/hover', { textDocument: { uri: 'untitled:nothing' }, position: { line: -5, character: -1 } }),
    server.connection.sendRequest('textDocument/definition', { textDocument: { uri: 42 }, position: null }),
    server.connection.sendRequest('textDocument/completion', { textDocument: { uri: server.uri('missing.proto') }, position: { line: 1e9, character: 1e9 } }),
    server.connection.sendRequest('workspace/symbol', { query: '\u0000(((' }),
    server.connection.sendRequest('textDocument/formatting', { textDocument: { uri: 'file:///etc/passwd' }, options: {} }),
  ]);
  assert.equal(answers.length, 6);
  await server.connection.sendNotification('$/setTrace', { value: 'verbose' });
  await server.connection.sendNotification('$/unknownThing', { x: 1 });
  await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: server.uri('never-opened.proto'), version: 3 }, contentChanges: [{ text: 'x' }] });
  // Still answering afterwards.
  const symbols = await server.connection.sendRequest('workspace/symbol', { query: 'Any' });
  assert.ok(Array.isArray(symbols));
});

test('a cancelled request is answered as cancelled or with a result, never left hanging', async () => {
  const uri = server.uri('cancel.proto');
  await server.open('cancel.proto', 'syntax = "proto3";\nmessage A { int32 a = 1; }\n');
  const { CancellationTokenSource } = await import('vscode-languageserver-protocol');
  const source = new CancellationTokenSource();
  const pending = server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 9 } }, source.token);
  source.cancel();
  const outcome = await pending.then(
    () => 'answered',
    (e: { code?: number }) => (e.code === -32800 ? 'cancelled' : `failed ${e.code}`),
  );
  assert.ok(outcome === 'answered' || outcome === 'cancelled', outcome);
});
