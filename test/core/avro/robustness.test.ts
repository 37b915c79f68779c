// Broken input never breaks the core: random truncations and mutations of real schemas (seeded,
// so failures reproduce) parse, check, print and index without throwing, and every span stays
// inside the document.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  AvroRegistry,
  checkAvro,
  fileResolver,
  fileToJson,
  parseAvro,
  parsingCanonicalForm,
  walkFile,
  type AvroFile,
  type AvroSyntax,
} from '../../../server/src/core/avro/index';
import type { Diagnostic } from '../../../server/src/core/diagnostics/diagnostic';
import { corpusDir, fixturesDir } from './helpers';

/** A small deterministic PRNG (mulberry32). */
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

const NOISE = ['{', '}', '[', ']', '"', ',', ':', ';', '<', '>', '(', ')', '@', '?', '`', '\\', '/*', '//', '/**', 'null', '-', '0x', '\u001a', 'é', '\n'];

function mutate(text: string, random: () => number): string {
  const at = Math.floor(random() * (text.length + 1));
  switch (Math.floor(random() * 5)) {
    case 0:
      return text.slice(0, at);
    case 1:
      return text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 8));
    case 2:
      return text.slice(0, at) + NOISE[Math.floor(random() * NOISE.length)]! + text.slice(at);
    case 3: {
      const from = Math.floor(random() * text.length);
      return text.slice(0, at) + text.slice(from, from + Math.floor(random() * 40)) + text.slice(at);
    }
    default: {
      // Swap two nearby slices: reorders keys, branches and tokens.
      const len = Math.floor(random() * 20) + 1;
      const b = Math.min(text.length, at + len);
      return text.slice(0, at) + text.slice(b, b + len) + text.slice(at, b) + text.slice(b + len);
    }
  }
}

function assertSpansInside(text: string, file: AvroFile, ds: readonly Diagnostic[], where: string): void {
  const inside = (s: { start: number; end: number }, what: string) =>
    assert.ok(s.start >= 0 && s.start <= s.end && s.end <= text.length, `${where}: ${what} span ${s.start}-${s.end} outside 0-${text.length}`);
  for (const d of ds) {
    inside(d.span, d.code);
    for (const r of d.related ?? []) inside(r.span, `${d.code} related`);
    for (const f of d.fixes ?? []) for (const e of f.edits) inside(e.span, `${d.code} fix`);
  }
  walkFile(file, {
    schema: (s) => {
      inside(s.span, s.kind);
      if ('name' in s && s.name) inside(s.name.span, `${s.kind} name`);
      for (const p of s.props) inside(p.span, `prop ${p.key}`);
    },
    field: (f) => {
      inside(f.span, 'field');
      if (f.default) inside(f.default.span, 'default');
    },
    message: (m) => inside(m.span, 'message'),
  });
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

function exercise(text: string, syntax: AvroSyntax, where: string, registry: AvroRegistry): void {
  let file: AvroFile | undefined;
  let ds: Diagnostic[] = [];
  assert.doesNotThrow(() => {
    file = parseAvro(text, syntax, 'file:///m');
    registry.setFile('file:///m', file);
    ds = checkAvro(file, registry, { uri: 'file:///m' });
    fileToJson(file, registry);
    if (file.schema) parsingCanonicalForm(file.schema, fileResolver(file, registry));
    registry.referencesTo('x.Y');
    registry.dependents('file:///m');
  }, where);
  assertSpansInside(text, file!, ds, where);
}

test('mutated corpus schemas never throw and keep spans inside the text', () => {
  const files = filesUnder(join(corpusDir, 'avro'))
    .filter((f) => !f.endsWith('LICENSE.txt') && statSync(f).size < 16000)
    .sort();
  assert.ok(files.length > 100);
  const random = rng(20260826);
  const registry = new AvroRegistry();
  for (const f of files) {
    const original = readFileSync(f, 'utf8');
    const syntax: AvroSyntax = f.endsWith('.avpr') ? 'avpr' : 'avsc';
    for (let i = 0; i < 12; i++) {
      let text = original;
      const rounds = 1 + Math.floor(random() * 3);
      for (let r = 0; r < rounds; r++) text = mutate(text, random);
      exercise(text, syntax, `${f} mutation ${i}`, registry);
      // The same text as IDL exercises the IDL recovery on unfamiliar input.
      if (i % 4 === 0) exercise(text, 'avdl', `${f} as IDL, mutation ${i}`, registry);
    }
  }
});

test('mutated IDL files never throw and keep spans inside the text', () => {
  const dir = join(fixturesDir, 'idl');
  const random = rng(7);
  const registry = new AvroRegistry();
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.avdl'))) {
    const original = readFileSync(join(dir, name), 'utf8');
    for (let cut = 0; cut <= original.length; cut += 7) exercise(original.slice(0, cut), 'avdl', `${name} cut at ${cut}`, registry);
    for (let i = 0; i < 150; i++) {
      let text = original;
      const rounds = 1 + Math.floor(random() * 4);
      for (let r = 0; r < rounds; r++) text = mutate(text, random);
      exercise(text, 'avdl', `${name} mutation ${i}`, registry);
    }
  }
});

test('random token soup never throws', () => {
  const random = rng(42);
  const words = ['protocol', 'record', 'error', 'enum', 'fixed', 'union', 'array', 'map', 'schema', 'namespace', 'import', 'idl', 'void', 'oneway', 'throws', 'int', 'string', 'decimal', 'X', 'a.b', '=', '1', '"s"', 'true', 'null', ...NOISE];
  const registry = new AvroRegistry();
  for (let i = 0; i < 400; i++) {
    const n = Math.floor(random() * 60);
    const text = Array.from({ length: n }, () => words[Math.floor(random() * words.length)]!).join(random() < 0.5 ? ' ' : '');
    exercise(text, 'avdl', `soup ${i}: ${text}`, registry);
    exercise(text, 'avsc', `soup ${i}: ${text}`, registry);
  }
});
