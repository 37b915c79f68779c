/**
 * The parser on broken input: real files from the corpus, mutated at random (deletions,
 * insertions of tokens and bytes, truncations), binary garbage and absurd nesting. Whatever the
 * input, parseProto returns, and every span it hands out is a valid range nested in its parent.
 * The random choices come from a seeded generator, so a failure reproduces exactly.
 *
 * Two recovery properties are checked on the real files too: deleting one `;` that ends a
 * declaration gives exactly one diagnostic, the missing `;`, and deleting a field number gives
 * exactly one diagnostic, the missing number.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseProto } from '../../../server/src/core/proto/parser';
import type { AnyDecl, MessageElement, ParseResult, TopLevelDecl } from '../../../server/src/core/proto/ast';
import { assertSpansNested, lineCol } from './fixture';

const CORPUS = join(__dirname, '../../../../shared/corpus');

/** mulberry32: small, fast, and good enough to pick mutations. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function protoFiles(root: string): string[] {
  assert.ok(existsSync(root), `corpus folder ${root} is missing: clone the shared corpus next to the repository`);
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.proto')) out.push(p);
    }
  };
  walk(root);
  return out;
}

let sampled: { path: string; text: string }[] | undefined;

/** 200 corpus files, 100 from each corpus (proto2 and editions come from the protobuf one), the same ones on every run. */
function sample(): { path: string; text: string }[] {
  if (sampled) return sampled;
  const random = prng(20240601);
  const pick = (files: string[], n: number) => {
    const picked = new Set<number>();
    while (picked.size < n) picked.add(Math.floor(random() * files.length));
    return [...picked].sort((a, b) => a - b).map((i) => files[i]!);
  };
  const paths = [...pick(protoFiles(join(CORPUS, 'protobuf')), 100), ...pick(protoFiles(join(CORPUS, 'googleapis', 'head')), 100)];
  sampled = paths.map((path) => ({ path, text: readFileSync(path, 'utf8') }));
  return sampled;
}

/**
 * Parses and checks every invariant that must hold for any input whatsoever. `deep` also walks
 * the whole tree for span nesting, the costly part.
 */
function parseChecked(text: string, what: string, deep = true): ParseResult {
  let r: ParseResult;
  try {
    r = parseProto(text);
  } catch (e) {
    assert.fail(`${what}: parseProto threw ${(e as Error).stack}`);
  }
  const n = text.length;
  const starts = new Set<number>();
  for (const d of r.diagnostics) {
    const s = d.span;
    assert.ok(Number.isInteger(s.start) && Number.isInteger(s.end) && 0 <= s.start && s.start <= s.end && s.end <= n, `${what}: diagnostic span ${s.start}-${s.end} of ${d.code} outside [0, ${n}]`);
    assert.ok(!starts.has(s.start), `${what}: two diagnostics at offset ${s.start} (${d.code})`);
    starts.add(s.start);
    assert.ok(d.message.length > 0 && !d.message.endsWith('.'), `${what}: bad message ${JSON.stringify(d.message)}`);
  }
  let prevEnd = 0;
  for (const t of r.tokens) {
    assert.ok(t.span.start >= prevEnd && t.span.start <= t.span.end && t.span.end <= n, `${what}: token ${t.text} at ${t.span.start}`);
    prevEnd = t.span.end;
  }
  if (deep) {
    try {
      assertSpansNested(r.ast, n);
    } catch (e) {
      assert.fail(`${what}: ${(e as Error).message}`);
    }
  }
  return r;
}

const SNIPPETS = [
  '{', '}', '{{', '}}', ';', ';;', '=', '[', ']', '(', ')', '<', '>', ',', '.', '-', '"', "'", '/*', '*/', '//', '\n',
  'message', 'enum', 'service', 'rpc', 'oneof', 'map<', 'group', 'option', 'reserved', 'extensions', 'to', 'max',
  'extend', 'returns', 'stream', 'syntax', 'edition', 'import', 'package', 'optional', 'repeated', 'required',
  ' = 1;', ' 0x', '1e', '09', '"\\', 'message A {', 'option (x) = {', '[(a) = {', 'map<string, ', 'rpc A(',
  '\u0000', '\uFFFD', '\uD800', '\uDC00', '😀', '#', '@', '\\', '\t', '\r', '\r\n',
];

/** One random edit: delete a range, insert a snippet or random characters, or truncate. */
function mutate(text: string, random: () => number): string {
  const at = Math.floor(random() * (text.length + 1));
  const kind = random();
  if (kind < 0.4) {
    const len = 1 + Math.floor(random() * 24);
    return text.slice(0, at) + text.slice(at + len);
  }
  if (kind < 0.75) {
    return text.slice(0, at) + SNIPPETS[Math.floor(random() * SNIPPETS.length)]! + text.slice(at);
  }
  if (kind < 0.92) {
    let junk = '';
    const len = 1 + Math.floor(random() * 8);
    for (let i = 0; i < len; i++) junk += String.fromCharCode(Math.floor(random() * 0x3000));
    return text.slice(0, at) + junk + text.slice(at);
  }
  return text.slice(0, at);
}

test('randomly mutated corpus files: no throw, and every span valid and nested', () => {
  const random = prng(7);
  let parses = 0;
  let withErrors = 0;
  for (const { path, text } of sample()) {
    for (let variant = 0; variant < 6; variant++) {
      let mutated = text;
      const edits = 1 + Math.floor(random() * (variant < 3 ? 3 : 40));
      for (let i = 0; i < edits; i++) mutated = mutate(mutated, random);
      const r = parseChecked(mutated, `${path} (variant ${variant})`);
      parses++;
      if (r.diagnostics.length > 0) withErrors++;
    }
  }
  assert.equal(parses, 1200);
  // The mutations do break things: most variants must come back with diagnostics.
  assert.ok(withErrors > parses / 2, `only ${withErrors} of ${parses} mutated files had diagnostics`);
});

test('every prefix of a file parses', () => {
  const text = readFileSync(join(CORPUS, 'protobuf', 'src', 'google', 'protobuf', 'unittest_custom_options.proto'), 'utf8');
  const step = Math.ceil(text.length / 200);
  for (let end = 0; end <= text.length; end += step) parseChecked(text.slice(0, end), `prefix of ${end}`);
});

test('binary garbage', () => {
  const random = prng(99);
  for (let i = 0; i < 200; i++) {
    const len = Math.floor(random() * 4000);
    const codes = new Array<number>(len);
    // Half the inputs are bytes (like a binary file read as latin1), half any UTF-16 code unit.
    const range = i % 2 === 0 ? 256 : 65536;
    for (let k = 0; k < len; k++) codes[k] = Math.floor(random() * range);
    parseChecked(String.fromCharCode(...codes), `garbage ${i}`);
  }
  // Printable garbage built from Protobuf's own vocabulary gets deeper into the grammar.
  for (let i = 0; i < 300; i++) {
    let s = '';
    const n = Math.floor(random() * 300);
    for (let k = 0; k < n; k++) s += SNIPPETS[Math.floor(random() * SNIPPETS.length)]! + (random() < 0.5 ? ' ' : '');
    parseChecked(s, `token soup ${i}: ${JSON.stringify(s.slice(0, 80))}`);
  }
});

test('deep nesting, long lines and many errors', () => {
  const n = 1000;
  const cases: [string, string][] = [
    ['nested messages', 'message M { '.repeat(n) + '}'.repeat(n)],
    ['unclosed nested messages', 'message M { '.repeat(n)],
    ['nested groups', 'message M { ' + 'optional group G = 1 { '.repeat(n) + '}'.repeat(n) + ' }'],
    ['braces', '{'.repeat(n) + '}'.repeat(n)],
    ['open braces', '{'.repeat(100_000)],
    ['close braces', '}'.repeat(100_000)],
    ['aggregate', 'option (x) = ' + '{ a: '.repeat(n) + '}'.repeat(n) + ';'],
    ['unclosed aggregate', 'option (x) = ' + '{ a: ['.repeat(n)],
    ['brackets and parens', 'message M { int32 a = 1 ' + '[('.repeat(n) + ' }'],
    ['nested oneofs and enums', 'message M { ' + 'oneof o { enum E { '.repeat(n)],
    ['long dotted name', 'message M { ' + 'a.'.repeat(50_000) + 'b c = 1; }'],
    ['many strings', 'option x = ' + '"a" '.repeat(50_000) + ';'],
    ['brackets nobody closes in a value', 'option x = {' + '['.repeat(50_000) + '>'.repeat(50_000)],
    ['one line of garbage', '= '.repeat(100_000)],
  ];
  for (const [what, text] of cases) {
    const r = parseChecked(text, what);
    assert.ok(r.ast.body.length <= text.length, what);
  }
  // Every broken field on one long line is its own diagnostic.
  const errors = parseChecked('message A { ' + 'int32 = 1; '.repeat(20_000) + '}', 'one line of broken fields');
  assert.equal(errors.diagnostics.length, 20_000);
  assert.ok(errors.diagnostics.every((d) => d.code === 'syntax/missing-name'));
  const nested = parseProto('message M { '.repeat(n) + '}'.repeat(n));
  assert.deepEqual(
    nested.diagnostics.map((d) => d.code),
    ['syntax/nesting-too-deep'],
  );
});

// ------------------------------------------------------------------ recovery on real files

function walk(nodes: readonly AnyDecl[], visit: (n: AnyDecl) => void): void {
  for (const n of nodes) {
    visit(n);
    if ('body' in n && Array.isArray(n.body)) walk(n.body as readonly AnyDecl[], visit);
  }
}

const ENDS_WITH_SEMICOLON = new Set(['field', 'mapField', 'enumValue', 'option', 'reserved', 'extensions', 'syntax', 'package', 'import', 'rpc']);

test('deleting one `;` from a real file reports exactly that `;`, right after the token before it', () => {
  const random = prng(3);
  let checked = 0;
  for (const { path, text } of sample()) {
    const r = parseProto(text);
    const tokenEndingAt = new Map(r.tokens.map((t, i) => [t.span.end, i]));
    const semis: { at: number; prevEnd: number }[] = [];
    walk(r.ast.body as readonly (TopLevelDecl | MessageElement)[], (n) => {
      if (!ENDS_WITH_SEMICOLON.has(n.kind) || text[n.span.end - 1] !== ';') return;
      const i = tokenEndingAt.get(n.span.end)!;
      const next = r.tokens[i + 1];
      // Only where the next token starts its own line (or closes the block): elsewhere the error is the next token.
      if (!next || !(next.newlineBefore || next.text === '}')) return;
      semis.push({ at: n.span.end - 1, prevEnd: r.tokens[i - 1]!.span.end });
    });
    for (let k = 0; k < 3 && semis.length > 0; k++) {
      const { at, prevEnd } = semis[Math.floor(random() * semis.length)]!;
      const broken = text.slice(0, at) + text.slice(at + 1);
      const d = parseChecked(broken, path, false).diagnostics;
      const where = `${path}:${lineCol(text, at)}`;
      assert.deepEqual(
        d.map((x) => [x.code, x.span.start, x.span.end]),
        [['syntax/missing-semicolon', prevEnd, prevEnd]],
        `${where}: ${d.map((x) => x.message).join('; ')}`,
      );
      checked++;
    }
  }
  assert.ok(checked > 300, `only ${checked} deletions checked`);
});

test('deleting a field number from a real file reports exactly the missing number', () => {
  const random = prng(5);
  let checked = 0;
  for (const { path, text } of sample()) {
    const r = parseProto(text);
    const numbers: { start: number; end: number }[] = [];
    walk(r.ast.body as readonly (TopLevelDecl | MessageElement)[], (n) => {
      if ((n.kind === 'field' || n.kind === 'mapField' || n.kind === 'group') && n.number) numbers.push(n.number.span);
    });
    for (let k = 0; k < 3 && numbers.length > 0; k++) {
      const span = numbers[Math.floor(random() * numbers.length)]!;
      const broken = text.slice(0, span.start) + text.slice(span.end);
      const d = parseChecked(broken, path, false).diagnostics;
      const where = `${path}:${lineCol(text, span.start)}`;
      assert.equal(d.length, 1, `${where}: ${d.map((x) => x.message).join('; ')}`);
      assert.equal(d[0]!.code, 'syntax/missing-field-number', where);
      // It points at the token that stands where the number should be.
      assert.match(broken.slice(span.start, d[0]!.span.start), /^\s*$/, where);
      checked++;
    }
  }
  assert.ok(checked > 300, `only ${checked} deletions checked`);
});

test('deleting one token from a real file almost always gives at most one diagnostic', () => {
  // Not every deletion can be one diagnostic (a lost `{` inside a text-format value reshapes
  // everything after it), but cascades must stay rare.
  const random = prng(11);
  let deletions = 0;
  let cascades = 0;
  const examples: string[] = [];
  for (const { path, text } of sample()) {
    const tokens = parseProto(text).tokens;
    for (let k = 0; k < 10; k++) {
      const t = tokens[Math.floor(random() * (tokens.length - 1))]!;
      const d = parseChecked(text.slice(0, t.span.start) + text.slice(t.span.end), path, false).diagnostics;
      deletions++;
      if (d.length > 1) {
        cascades++;
        examples.push(`${path}:${lineCol(text, t.span.start)} without ${JSON.stringify(t.text)}: ${d.length} diagnostics`);
      }
    }
  }
  assert.equal(deletions, 2000);
  assert.ok(cascades <= deletions / 100, `${cascades} cascades:\n${examples.join('\n')}`);
});
