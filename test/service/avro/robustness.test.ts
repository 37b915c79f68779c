/**
 * Every Avro feature at every position of real, half-typed and mutated .avsc and .avdl text: no
 * feature may hit an internal error, and every range a feature returns lies inside its document.
 * Features catch their own errors, so the test listens to the error reporter.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Range } from 'vscode-languageserver-types';
import { parseAvro, syntaxOfPath, type AvroSyntax } from '../../../server/src/core/avro/index';
import { AvroRegistry } from '../../../server/src/core/avro/registry';
import { LineIndex } from '../../../server/src/core/text/lineIndex';
import { codeActions } from '../../../server/src/service/avro/codeActions';
import { completion } from '../../../server/src/service/avro/completion';
import { definition } from '../../../server/src/service/avro/definition';
import { formatAvsc } from '../../../server/src/service/avro/formatting';
import { hover } from '../../../server/src/service/avro/hover';
import { simpleProject } from '../../../server/src/service/avro/project';
import { references } from '../../../server/src/service/avro/references';
import { prepareRename, rename } from '../../../server/src/service/avro/rename';
import { documentSymbols, workspaceSymbols } from '../../../server/src/service/avro/symbols';
import { setInternalErrorReporter } from '../../../server/src/service/proto/guard';
import { corpusDir, fixturesDir } from '../../core/avro/helpers';

const everywhere = () => true;

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Runs every feature of one file at the given offsets; returns internal errors and out-of-document ranges. */
function exercise(texts: Record<string, string>, uri: string, offsets: (text: string) => Iterable<number>): string[] {
  const registry = new AvroRegistry();
  for (const [u, text] of Object.entries(texts)) registry.setFile(u, parseAvro(text, syntaxOfPath(u) ?? 'avsc', u));
  const project = simpleProject(registry);
  const text = texts[uri]!;
  const index = new LineIndex(text);
  const problems: string[] = [];
  const indexes = new Map<string, LineIndex>();
  const inside = (what: string, u: string, r: Range) => {
    const t = texts[u];
    if (t === undefined) return problems.push(`${what}: unknown uri ${u}`);
    let i = indexes.get(u);
    if (!i) indexes.set(u, (i = new LineIndex(t)));
    const s = i.spanOf(r);
    if (s.start < 0 || s.end > t.length || s.start > s.end || i.positionAt(s.start).line !== r.start.line) problems.push(`${what}: range ${JSON.stringify(r)} outside ${u}`);
    return undefined;
  };
  const previous = setInternalErrorReporter((feature, error) => problems.push(`${feature} in ${uri}: ${String((error as Error)?.stack ?? error)}`));
  try {
    for (const s of documentSymbols(project, uri)) inside('symbol', uri, s.range);
    workspaceSymbols(project, 'a');
    if (uri.endsWith('.avsc')) for (const e of formatAvsc(text, { tabSize: 2, insertSpaces: true })) inside('format', uri, e.range);
    for (const offset of offsets(text)) {
      const position = index.positionAt(offset);
      const h = hover(project, uri, position);
      if (h?.range) inside('hover', uri, h.range);
      for (const l of definition(project, uri, position)) inside('definition', l.targetUri, l.targetRange);
      for (const l of references(project, uri, position, true)) inside('references', l.uri, l.range);
      prepareRename(project, uri, position, everywhere);
      const edit = rename(project, uri, position, 'Renamed', everywhere, { keepAlias: 'always', annotations: false });
      if ('changes' in edit) for (const [u, edits] of Object.entries(edit.changes ?? {})) for (const e of edits) inside('rename', u, e.range);
      for (const item of completion(project, uri, position).items) {
        const te = item.textEdit;
        if (te && 'range' in te) inside(`completion ${item.label}`, uri, te.range);
      }
      for (const a of codeActions(project, uri, { start: position, end: position })) {
        for (const [u, edits] of Object.entries(a.edit?.changes ?? {})) for (const e of edits) inside(`action ${a.title}`, u, e.range);
      }
    }
  } finally {
    setInternalErrorReporter(previous);
  }
  return problems;
}

const every = (text: string) => Array.from({ length: text.length + 1 }, (_, i) => i);
const sample = (n: number) => (text: string) => Array.from({ length: Math.min(n, text.length + 1) }, (_, i) => Math.floor((i * (text.length + 1)) / Math.min(n, text.length + 1)));

function files(dir: string, ext: RegExp): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (ext.test(e.name)) out.push(p);
    }
  };
  walk(dir);
  return out.sort();
}

const uriFor = (syntax: AvroSyntax, i = 0) => `file:///ws/f${i}.${syntax}`;

test('every feature at every offset of the IDL fixtures and their JSON twins', () => {
  const problems: string[] = [];
  for (const path of files(join(fixturesDir, 'idl'), /\.(avdl|avsc)$/)) {
    const syntax = syntaxOfPath(path)!;
    const uri = uriFor(syntax);
    problems.push(...exercise({ [uri]: readFileSync(path, 'utf8') }, uri, every));
  }
  assert.deepEqual(problems, []);
});

test('every feature at sampled offsets of each corpus .avsc', () => {
  const problems: string[] = [];
  for (const path of files(join(corpusDir, 'avro'), /\.avsc$/)) {
    const uri = uriFor('avsc');
    const text = readFileSync(path, 'utf8');
    problems.push(...exercise({ [uri]: text }, uri, sample(text.length > 50_000 ? 6 : 40)));
  }
  assert.deepEqual(problems, []);
});

test('half-typed files: every prefix of a schema and an IDL protocol, cursor at the end', () => {
  const avsc = '{"type": "record", "name": "Order", "namespace": "a", "aliases": ["Old"], "fields": [\n  {"name": "s", "type": {"type": "enum", "name": "S", "symbols": ["X", "Y"], "default": "X"}, "default": "Y"},\n  {"name": "m", "type": ["null", {"type": "map", "values": {"type": "bytes", "logicalType": "decimal", "precision": 4, "scale": 2}}], "default": null}\n]}\n';
  const avdl = '@namespace("a")\nprotocol P {\n  import schema "x.avsc";\n  /** Doc. */\n  record R { S? s = null; array<union { null, R }> kids = []; decimal(9,2) amount; }\n  enum S { X, Y } = X;\n  fixed F(16);\n  error E { string why; }\n  R get(string id, @order("ignore") S s = "X") throws E;\n  void ping() oneway;\n}\n';
  const problems: string[] = [];
  for (let n = 0; n <= avsc.length; n++) problems.push(...exercise({ [uriFor('avsc')]: avsc.slice(0, n) }, uriFor('avsc'), (t) => [t.length]));
  for (let n = 0; n <= avdl.length; n++) problems.push(...exercise({ [uriFor('avdl')]: avdl.slice(0, n) }, uriFor('avdl'), (t) => [t.length]));
  assert.deepEqual(problems, []);
});

test('seeded mutations of a two-file workspace, at sampled offsets', () => {
  const a = '{"type": "record", "name": "A", "namespace": "n", "fields": [{"name": "b", "type": "n.B"}, {"name": "e", "type": {"type": "enum", "name": "E", "symbols": ["P"]}, "default": "P"}]}\n';
  const b = 'namespace n;\nrecord B { A? back = null; E e = "P"; map<array<B>> nested; }\n';
  const noise = ['{', '}', '[', ']', '"', ',', ':', ';', '<', '>', '(', ')', '@', '?', '`', '\\', 'null', '.', 'é', '\n'];
  const random = rng(7);
  const problems: string[] = [];
  for (let i = 0; i < 150; i++) {
    const pick = random() < 0.5 ? 'a' : 'b';
    const base = pick === 'a' ? a : b;
    const at = Math.floor(random() * (base.length + 1));
    const mutated = random() < 0.5 ? base.slice(0, at) + noise[Math.floor(random() * noise.length)]! + base.slice(at) : base.slice(0, at) + base.slice(at + 1 + Math.floor(random() * 5));
    const texts = { 'file:///ws/a.avsc': pick === 'a' ? mutated : a, 'file:///ws/b.avdl': pick === 'b' ? mutated : b };
    problems.push(...exercise(texts, pick === 'a' ? 'file:///ws/a.avsc' : 'file:///ws/b.avdl', sample(25)));
  }
  assert.deepEqual(problems, []);
});
