/**
 * The language server over stdio (dist/server.js, as VS Code runs it), fed a seeded sample of the
 * corpus: each sampled file is opened, then edited into its mutation and its truncation, and
 * after each version every document feature is asked for at once, without waiting for answers
 * (code lens, symbols, semantic tokens, folding, formatting, code actions, and hover,
 * definition, references, completion, prepare-rename and rename at seeded positions), with
 * invalid params, unknown documents, cancelled requests and `$/` notifications mixed in.
 *
 * Every request must be answered (a result or an error response) within REQUEST_BOUND_MS, every
 * range must lie in the document version it was asked about, every published diagnostic in the
 * version it was published for, the process must stay up, and its memory bounded.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { test, type TestContext } from 'node:test';
import { CancellationTokenSource, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { LineIndex } from '../../server/src/core/text/lineIndex';
import { startServer, type TestServer } from '../lsp/client';
import { avroInputs, CORPUS, protoInputs, SEED, shardOf, shown, variantOf, VARIANTS } from './corpus';

export const LSP_SHARDS = 2;
/** Every SAMPLE-th .proto file goes over stdio; the in-process shards take every file. */
const SAMPLE = 32;
const REQUEST_BOUND_MS = 60_000;
const RSS_GROWTH_MIB = 400;

interface Input {
  readonly path: string;
  readonly languageId: string;
}

/** This shard's sample: every SAMPLE-th .proto file from an offset the seed picks, and its share of the Avro files. */
export function lspInputs(shard: number): Input[] {
  const offset = SEED % SAMPLE;
  const protos = protoInputs().filter((_, i) => i % SAMPLE === offset).map((p) => ({ path: p.path, languageId: 'proto' }));
  // Extensionless JSON schemas and .avpr protocols are opened as Avro schemas, as a user would pick the language.
  const avros = avroInputs().map((a) => ({ path: a.path, languageId: a.syntax === 'avdl' ? 'avroidl' : 'avroavsc' }));
  return shardOf([...protos, ...avros], shard, LSP_SHARDS);
}

function rssMiB(pid: number): number {
  return Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;
}

type Range = { start: { line: number; character: number }; end: { line: number; character: number } };

/** Ranges by document: the versions this test sent, and files on disk for the rest. */
class Documents {
  private readonly versions = new Map<string, Map<number, { text: string; index: LineIndex }>>();
  private readonly disk = new Map<string, LineIndex | undefined>();
  /** Closed documents: the server is back to their text on disk. */
  private readonly closed = new Set<string>();

  close(uri: string): void {
    this.closed.add(uri);
  }

  set(uri: string, version: number, text: string): void {
    this.closed.delete(uri);
    let v = this.versions.get(uri);
    if (!v) this.versions.set(uri, (v = new Map()));
    v.set(version, { text, index: new LineIndex(text) });
  }

  index(uri: string, version?: number): LineIndex | undefined {
    const v = this.versions.get(uri);
    if (v && version !== undefined) return v.get(version)?.index;
    if (v && !this.closed.has(uri)) return [...v.values()].at(-1)?.index;
    if (!this.disk.has(uri)) {
      let index: LineIndex | undefined;
      try {
        index = uri.startsWith('file:') ? new LineIndex(readFileSync(fileURLToPath(uri), 'utf8')) : undefined;
      } catch {
        index = undefined;
      }
      this.disk.set(uri, index);
    }
    return this.disk.get(uri);
  }

  inside(uri: string, r: Range, version?: number): boolean {
    const index = this.index(uri, version);
    if (!index) return false;
    const ok = (p: { line: number; character: number }) =>
      p.line >= 0 && p.line < index.lineCount && p.character >= 0 && p.character <= index.lineEnd(p.line) - index.lineStart(p.line);
    const ordered = r.start.line < r.end.line || (r.start.line === r.end.line && r.start.character <= r.end.character);
    return ok(r.start) && ok(r.end) && ordered;
  }
}

/** Every range in an answer: any object with `start` and `end` positions, with the uri it belongs to when the answer says. */
function rangesIn(value: unknown, uri: string, out: { uri: string; range: Range }[] = []): { uri: string; range: Range }[] {
  if (Array.isArray(value)) {
    for (const v of value) rangesIn(v, uri, out);
    return out;
  }
  if (typeof value !== 'object' || value === null) return out;
  const o = value as Record<string, unknown>;
  const own = typeof o.uri === 'string' ? o.uri : typeof o.targetUri === 'string' ? o.targetUri : uri;
  for (const [k, v] of Object.entries(o)) {
    if (k === 'changes' && typeof v === 'object' && v !== null) {
      for (const [u, edits] of Object.entries(v)) rangesIn(edits, u, out);
      continue;
    }
    if (k === 'documentChanges' && Array.isArray(v)) {
      for (const c of v as { textDocument?: { uri: string }; edits?: unknown }[]) if (c.textDocument) rangesIn(c.edits, c.textDocument.uri, out);
      continue;
    }
    if (k === 'originSelectionRange' || k === 'diagnostics' || k === 'data' || k === 'command') continue;
    const r = v as Partial<Range> | undefined;
    if (r && typeof r === 'object' && typeof r.start === 'object' && typeof r.end === 'object') out.push({ uri: own, range: r as Range });
    else rangesIn(v, own, out);
  }
  return out;
}

export function lspShardTest(shard: number): void {
  test(`LSP over stdio, shard ${shard + 1} of ${LSP_SHARDS}: sampled corpus files, original, mutation and truncation, every request answered`, async (t) => {
    const inputs = lspInputs(shard);
    const only = process.env.ROBUSTNESS_FILE;
    const picked = only ? inputs.filter((i) => shown(i.path).includes(only)) : inputs;
    await runLsp(t, picked);
  });
}

async function runLsp(t: TestContext, inputs: readonly Input[]): Promise<void> {
  // The whole corpus is the workspace folder, read in place; untrusted, so nothing is indexed or written.
  const server: TestServer = await startServer({}, {
    root: CORPUS,
    trusted: false,
    settings: { importPaths: ['googleapis/head', 'protobuf/src', 'protobuf'] },
  });
  const docs = new Documents();
  const problems: string[] = [];
  const problem = (m: string) => {
    if (problems.length < 100) problems.push(m);
  };
  let published = 0;
  let withContent = 0;
  server.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    published += p.diagnostics.length;
    for (const d of p.diagnostics) {
      if (!docs.inside(p.uri, d.range, p.version)) problem(`diagnostic ${String(d.code)} ${JSON.stringify(d.range)} outside ${shown(fileURLToPath(p.uri))} version ${p.version}`);
    }
  });

  const outstanding = new Map<number, { what: string; sent: number }>();
  let nextId = 0;
  let answered = 0;
  let sent = 0;
  // A request without an answer past the bound, or a server that exits, ends the run.
  let hung: string | undefined;
  let stopping = false;
  let onHang: () => void = () => {};
  const hang = new Promise<void>((resolve) => (onHang = resolve));
  const watchdog = setInterval(() => {
    const now = performance.now();
    for (const o of outstanding.values()) {
      if (now - o.sent > REQUEST_BOUND_MS) {
        hung ??= `${o.what}: no answer within ${REQUEST_BOUND_MS / 1000} s`;
        onHang();
      }
    }
  }, 1000);
  server.process.once('exit', (code, signal) => {
    if (stopping) return;
    hung ??= `the server exited (${code ?? signal}) while ${outstanding.size} requests were waiting`;
    onHang();
  });
  const settle = () => Promise.race([Promise.all(inflight.splice(0)), hang]);
  const inflight: Promise<void>[] = [];
  const request = (method: string, params: unknown, what: string, check?: (result: unknown) => void, cancel = false) => {
    const id = nextId++;
    outstanding.set(id, { what: `${method} for ${what}`, sent: performance.now() });
    sent++;
    const source = cancel ? new CancellationTokenSource() : undefined;
    // No token argument at all unless there is one: an `undefined` would be sent as a second parameter.
    const p = (source ? server.connection.sendRequest(method, params, source.token) : server.connection.sendRequest(method, params)).then(
      (result) => {
        outstanding.delete(id);
        answered++;
        if (result !== null && !(Array.isArray(result) && result.length === 0)) withContent++;
        check?.(result);
      },
      (e: { code?: unknown }) => {
        outstanding.delete(id);
        // An error response is an answer too (cancelled, invalid params, a refused rename).
        if (typeof e?.code === 'number') answered++;
        else problem(`${method} for ${what}: no answer: ${String(e)}`);
      },
    );
    source?.cancel();
    inflight.push(p);
  };

  let rssStart = 0;
  const c = server.connection;
  for (const [n, input] of inputs.entries()) {
    if (n === 20) {
      await settle();
      if (hung) break;
      rssStart = rssMiB(server.process.pid!);
    }
    const original = readFileSync(input.path, 'utf8');
    const uri = pathToFileURL(input.path).href;
    for (const [v, variant] of VARIANTS.entries()) {
      const { text, random } = variantOf(input.path, original, variant, SEED, input.languageId === 'proto' ? 'proto' : 'avro');
      const version = v + 1;
      const what = `${shown(input.path)} ${variant} (seed ${SEED})`;
      docs.set(uri, version, text);
      if (v === 0) await c.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: input.languageId, version, text } });
      else await c.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
      const inDoc = (method: string) => (result: unknown) => {
        for (const r of rangesIn(result, uri)) {
          if (!docs.inside(r.uri, r.range, r.uri === uri ? version : undefined)) problem(`${method} for ${what}: range ${JSON.stringify(r.range)} outside ${r.uri}`);
        }
      };
      const doc = { textDocument: { uri } };
      const index = new LineIndex(text);
      const at = () => {
        const r = random();
        if (r < 0.1) return { line: index.lineCount + 2, character: 3 };
        if (r < 0.15) return { line: 0, character: 100_000 };
        return index.positionAt(Math.floor(random() * (text.length + 1)));
      };
      const whole = { start: { line: 0, character: 0 }, end: index.positionAt(text.length) };
      for (const method of ['textDocument/documentSymbol', 'textDocument/semanticTokens/full', 'textDocument/foldingRange', 'textDocument/codeLens']) {
        request(method, doc, what, inDoc(method));
      }
      request('textDocument/formatting', { ...doc, options: { tabSize: 2, insertSpaces: true } }, what, inDoc('formatting'));
      request('textDocument/codeAction', { ...doc, range: whole, context: { diagnostics: [] } }, what, inDoc('codeAction'));
      request('textDocument/hover', { ...doc, position: at() }, what, inDoc('hover'));
      request('textDocument/definition', { ...doc, position: at() }, what, inDoc('definition'));
      request('textDocument/references', { ...doc, position: at(), context: { includeDeclaration: true } }, what, inDoc('references'));
      request('textDocument/completion', { ...doc, position: at() }, what, inDoc('completion'));
      request('textDocument/prepareRename', { ...doc, position: at() }, what, inDoc('prepareRename'));
      request('textDocument/rename', { ...doc, position: at(), newName: 'Renamed_1' }, what, inDoc('rename'));
      // What a client gets wrong, now and then.
      const odd = random();
      if (odd < 0.1) request('textDocument/hover', { ...doc, position: at() }, `${what}, cancelled`, undefined, true);
      else if (odd < 0.15) request('textDocument/definition', { textDocument: { uri: `${uri}.missing` }, position: at() }, `${what}, unknown document`);
      else if (odd < 0.2) request('textDocument/references', { textDocument: { uri }, position: null }, `${what}, invalid params`);
      else if (odd < 0.25) await c.sendNotification(random() < 0.5 ? '$/setTrace' : '$/unknownNotification', { value: 'off' });
    }
    request('workspace/symbol', { query: shown(input.path).split('/').pop()!.slice(0, 3) }, shown(input.path), (r) => {
      for (const s of (r as { location: { uri: string; range: Range } }[] | null) ?? []) {
        if (!docs.inside(s.location.uri, s.location.range)) problem(`workspace symbol ${JSON.stringify(s)} outside its file`);
      }
    });
    await c.sendNotification('textDocument/didClose', { textDocument: { uri } });
    docs.close(uri);
    // Keep the versions until their answers are checked: diagnostics of a closed file come last.
    if (inflight.length > 400) {
      await settle();
      if (hung) break;
    }
  }
  await settle();
  clearInterval(watchdog);
  const finalAnswer = hung ? undefined : await c.sendRequest('workspace/symbol', { query: 'a' });
  const rssEnd = hung ? 0 : rssMiB(server.process.pid!);
  if (inputs.length <= 20) rssStart = rssEnd;
  const alive = server.process.exitCode === null;
  stopping = true;
  await server.stop();
  t.diagnostic(`${inputs.length} files, ${sent} requests, ${answered} answered (${withContent} with content), ${published} diagnostics published; server RSS ${Math.round(rssStart)} -> ${Math.round(rssEnd)} MiB`);
  assert.equal(hung, undefined);
  assert.deepEqual(problems, []);
  assert.equal(answered, sent, 'every request got an answer');
  // Requests reach their features: many answers have something in them (a symbol, a token, a range).
  assert.ok(withContent > sent / 5, `only ${withContent} of ${sent} answers had content`);
  assert.ok(Array.isArray(finalAnswer), 'the server still answers');
  assert.ok(alive, 'the server process is still running');
  assert.ok(rssEnd - rssStart < RSS_GROWTH_MIB, `the server's memory grew by ${Math.round(rssEnd - rssStart)} MiB`);
}
