/**
 * The inputs of the corpus-wide robustness tests: every .proto and Avro schema file of the shared
 * corpus, each with its import roots or syntax; shards of them; and the seeded edits that make
 * a mutation and a truncation of each. Every random choice derives from the run's seed and the
 * file's path, so one file's variants are the same whatever shard or order it runs in.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { AvroSyntax } from '../../server/src/core/avro/ast';

export const CORPUS = join(__dirname, '..', '..', '..', 'shared', 'corpus');
export const IDL_FIXTURES = join(__dirname, '..', 'core', 'avro', 'fixtures', 'idl');

/** The seed of every run unless ROBUSTNESS_SEED says otherwise (to replay or to explore). */
export const SEED = Number(process.env.ROBUSTNESS_SEED ?? 20261126) >>> 0;

export interface ProtoInput {
  readonly path: string;
  /** Import roots, searched in order, as buf or protoc would be given them for this tree. */
  readonly roots: readonly string[];
}

export interface AvroInput {
  readonly path: string;
  readonly syntax: AvroSyntax;
}

function walk(dir: string, keep: (name: string) => boolean, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, keep, out);
    else if (keep(name)) out.push(p);
  }
  return out;
}

function corpusDir(rel: string): string {
  const dir = join(CORPUS, rel);
  assert.ok(existsSync(dir), `corpus folder ${dir} is missing: the shared corpus must sit next to the repository`);
  return dir;
}

/**
 * Every .proto file except googleapis/yearago (an older copy of the same tree). The protobuf
 * repository imports by paths relative to `src` and to its top; each buf-bufcheck case is its
 * own module (the folder holding its buf.yaml).
 */
export function protoInputs(): ProtoInput[] {
  const out: ProtoInput[] = [];
  const isProto = (n: string) => n.endsWith('.proto');
  const head = corpusDir('googleapis/head');
  for (const path of walk(head, isProto)) out.push({ path, roots: [head] });
  const protobuf = corpusDir('protobuf');
  for (const path of walk(protobuf, isProto)) out.push({ path, roots: [join(protobuf, 'src'), protobuf] });
  const bufcheck = corpusDir('buf-bufcheck');
  for (const path of walk(bufcheck, isProto)) out.push({ path, roots: [moduleOf(path, bufcheck)] });
  const cloudevents = corpusDir('cloudevents');
  for (const path of walk(cloudevents, isProto)) out.push({ path, roots: [dirname(path)] });
  return out;
}

/** The nearest folder at or above the file's folder that holds a buf.yaml, else the file's folder. */
function moduleOf(path: string, top: string): string {
  for (let dir = dirname(path); relative(top, dir) !== '' && !relative(top, dir).startsWith('..'); dir = dirname(dir)) {
    if (existsSync(join(dir, 'buf.yaml'))) return dir;
  }
  return dirname(path);
}

/**
 * Every Avro schema of the corpus (.avsc, .avpr, and the extensionless JSON schemas of the C and
 * C++ test suites, read as .avsc), the CloudEvents .avsc, and the IDL fixtures: the corpus has no
 * .avdl of its own.
 */
export function avroInputs(): AvroInput[] {
  const out: AvroInput[] = [];
  for (const path of walk(corpusDir('avro'), (n) => !/^LICENSE|\.txt$/i.test(n))) {
    out.push({ path, syntax: path.endsWith('.avpr') ? 'avpr' : 'avsc' });
  }
  for (const path of walk(corpusDir('cloudevents'), (n) => n.endsWith('.avsc'))) out.push({ path, syntax: 'avsc' });
  for (const path of walk(IDL_FIXTURES, (n) => /\.(avdl|avsc|avpr)$/.test(n))) {
    out.push({ path, syntax: path.endsWith('.avdl') ? 'avdl' : path.endsWith('.avpr') ? 'avpr' : 'avsc' });
  }
  return out;
}

/** Shard `shard` of `shards`: every shards-th item, so each shard gets a mix of the trees. */
export function shardOf<T>(items: readonly T[], shard: number, shards: number): T[] {
  return items.filter((_, i) => i % shards === shard);
}

/**
 * The inputs of one shard; ROBUSTNESS_FILE keeps only the paths containing it (to replay one file).
 */
export function shardInputs<T extends { readonly path: string }>(all: readonly T[], shard: number, shards: number): T[] {
  const only = process.env.ROBUSTNESS_FILE;
  const mine = shardOf(all, shard, shards);
  return only ? mine.filter((f) => shown(f.path).includes(only)) : mine;
}

/** mulberry32: small, fast, and good enough to pick edits. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a of the text mixed with the seed: one file's own random stream. */
export function seedFor(seed: number, text: string): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** Relative to the corpus (or the repository, for fixtures), for messages. */
export function shown(path: string): string {
  const rel = relative(CORPUS, path);
  return rel.startsWith('..') ? relative(join(__dirname, '..', '..'), path) : rel;
}

const PROTO_SNIPPETS = [
  '{', '}', '{{', '}}', ';', '=', '[', ']', '(', ')', '<', '>', ',', '.', '-', '"', "'", '/*', '*/', '//', '\n',
  'message', 'enum', 'service', 'rpc', 'oneof', 'map<', 'group', 'option', 'reserved', 'extensions', 'to', 'max',
  'extend', 'returns', 'stream', 'syntax', 'edition', 'import', 'package', 'optional', 'repeated', 'required',
  ' = 1;', ' 0x', '1e', '"\\', 'message A {', 'option (x) = {', '[(a) = {', 'map<string, ', 'rpc A(', 'import "x.proto";',
  'google.protobuf.', '.', '\u0000', '\uFFFD', '\uD800', '\uDC00', '😀', '#', '@', '\\', '\t', '\r', '\r\n',
];

const AVRO_SNIPPETS = [
  '{', '}', '[', ']', '"', ',', ':', ';', '<', '>', '(', ')', '@', '?', '`', '\\', 'null', 'true', '-1', '1e999', '.',
  '"type"', '"name"', '"fields"', '"symbols"', '"items"', '"values"', '"default"', '"namespace"', '"aliases"',
  '"logicalType"', '"decimal"', '"record"', '"enum"', '"fixed"', '"array"', '"map"', '"size"', '"precision"',
  '{"type": "record", "name": "R", "fields": [', '["null", ', 'record R {', 'union { null, ', 'protocol P {',
  'import idl "x.avdl";', 'array<', 'map<', '/**', '*/', '//', '\n', '\u0000', '\uD800', '😀', 'é',
];

/** One to six random edits: deletions, insertions of the format's own tokens or of odd characters, moved chunks. */
export function mutate(text: string, random: () => number, format: 'proto' | 'avro'): string {
  const snippets = format === 'proto' ? PROTO_SNIPPETS : AVRO_SNIPPETS;
  let t = text;
  const edits = 1 + Math.floor(random() * 6);
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(random() * (t.length + 1));
    const kind = random();
    if (kind < 0.35) {
      t = t.slice(0, at) + t.slice(at + 1 + Math.floor(random() * 30));
    } else if (kind < 0.75) {
      t = t.slice(0, at) + snippets[Math.floor(random() * snippets.length)]! + t.slice(at);
    } else if (kind < 0.9) {
      let junk = '';
      const n = 1 + Math.floor(random() * 6);
      for (let k = 0; k < n; k++) junk += String.fromCharCode(Math.floor(random() * 0x10000));
      t = t.slice(0, at) + junk + t.slice(at);
    } else {
      // A chunk copied elsewhere: duplicate declarations, numbers and names.
      const from = Math.floor(random() * (t.length + 1));
      t = t.slice(0, at) + t.slice(from, from + Math.floor(random() * 200)) + t.slice(at);
    }
  }
  return t;
}

/** The text cut at a random point, as an editor holds a file while it is typed or pasted. */
export function truncate(text: string, random: () => number): string {
  return text.slice(0, Math.floor(random() * text.length));
}

export const VARIANTS = ['original', 'mutation', 'truncation'] as const;
export type Variant = (typeof VARIANTS)[number];

/**
 * One variant of a file and the random stream its positions are drawn from next: both depend
 * only on the seed, the file's path and the variant, so any one can be rebuilt on its own.
 */
export function variantOf(path: string, original: string, variant: Variant, seed: number, format: 'proto' | 'avro'): { text: string; random: () => number } {
  const random = prng(seedFor(seed, `${shown(path)}#${variant}`));
  const text = variant === 'mutation' ? mutate(original, random, format) : variant === 'truncation' ? truncate(original, random) : original;
  return { text, random };
}

/** Random UTF-16 (lone surrogates included) or bytes read as latin1, as a binary file opened by mistake. */
export function garbage(random: () => number, length: number, bytes: boolean): string {
  const codes = new Array<number>(length);
  const range = bytes ? 256 : 0x10000;
  for (let i = 0; i < length; i++) codes[i] = Math.floor(random() * range);
  let out = '';
  for (let i = 0; i < codes.length; i += 8192) out += String.fromCharCode(...codes.slice(i, i + 8192));
  return out;
}
