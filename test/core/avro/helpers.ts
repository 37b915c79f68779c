// Shared by the Avro tests: `^^^ code` marker fixtures, diagnostics rendering, applying fixes,
// paths into the shared corpus, and Debian's python3-avro as an oracle.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic, Fix } from '../../../server/src/core/diagnostics/diagnostic';
import { AvroRegistry, checkAvro, parseAvro, type AvroFile, type AvroSyntax, type CheckOptions } from '../../../server/src/core/avro/index';

/** The shared corpus, next to the repository (`/x/main` and `/x/shared`). */
export const corpusDir = join(__dirname, '..', '..', '..', '..', 'shared', 'corpus');
export const fixturesDir = join(__dirname, 'fixtures');

export interface Mark {
  readonly code: string;
  readonly start: number;
  readonly end: number;
}

/**
 * A fixture with markers: a line holding only `^` characters (and a diagnostic code after them)
 * marks the columns of the closest line above it that is not a marker line. Marker lines are
 * removed from the text. A leading newline and the common indentation are removed first.
 */
export function marked(src: string): { text: string; marks: Mark[] } {
  let lines = src.replace(/^\n/, '').replace(/\n\s*$/, '').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim() !== '').map((l) => /^ */.exec(l)![0].length));
  lines = lines.map((l) => l.slice(indent));
  const out: string[] = [];
  const marks: Mark[] = [];
  let offset = 0;
  let lastStart = -1;
  for (const line of lines) {
    const m = /^(\s*)(\^+)\s*(\S+)?\s*$/.exec(line);
    if (m && lastStart >= 0) {
      const start = lastStart + m[1]!.length;
      marks.push({ code: m[3] ?? '', start, end: start + m[2]!.length });
      continue;
    }
    out.push(line);
    lastStart = offset;
    offset += line.length + 1;
  }
  return { text: out.join('\n'), marks };
}

export function render(text: string, ds: readonly { code: string; span: { start: number; end: number } }[]): string[] {
  return ds.map((d) => `${d.code} ${JSON.stringify(text.slice(d.span.start, d.span.end))} @${d.span.start}`).sort();
}

export function check(text: string, syntax: AvroSyntax = 'avsc', registry?: AvroRegistry, options?: CheckOptions): { file: AvroFile; diagnostics: Diagnostic[] } {
  const file = parseAvro(text, syntax, options?.uri ?? '');
  return { file, diagnostics: checkAvro(file, registry, options) };
}

/** Asserts exactly the marked diagnostics (hints ignored unless marked) and returns them. */
export function expectMarks(src: string, syntax: AvroSyntax = 'avsc', registry?: AvroRegistry): { text: string; diagnostics: Diagnostic[] } {
  const { text, marks } = marked(src);
  const { diagnostics } = check(text, syntax, registry);
  const wantHints = marks.some((m) => diagnostics.some((d) => d.severity === 'hint' && d.code === m.code));
  const got = diagnostics.filter((d) => d.severity !== 'hint' || wantHints);
  assert.deepEqual(render(text, got), render(text, marks.map((m) => ({ code: m.code, span: m }))), `diagnostics of:\n${text}`);
  for (const d of diagnostics) {
    assert.ok(d.span.start >= 0 && d.span.end <= text.length && d.span.start <= d.span.end, `span inside the text: ${d.code}`);
    assert.ok(d.message === d.message.trim() && !d.message.endsWith('.'), `message style: ${d.message}`);
    assert.equal(d.message[0], d.message[0]!.toLowerCase(), `lowercase message: ${d.message}`);
  }
  return { text, diagnostics };
}

/** Applies a fix's edits (all in the same document) to the text. */
export function applyFix(text: string, fix: Fix): string {
  const edits = [...fix.edits].sort((a, b) => b.span.start - a.span.start);
  for (let i = 1; i < edits.length; i++) assert.ok(edits[i]!.span.end <= edits[i - 1]!.span.start, 'edits do not overlap');
  let out = text;
  for (const e of edits) out = out.slice(0, e.span.start) + e.newText + out.slice(e.span.end);
  return out;
}

// --- python3-avro ---------------------------------------------------------------------------------

export const PYTHON = '/usr/bin/python3';

const PY_SCRIPT = `
import json, sys, warnings
warnings.simplefilter('ignore')
import avro.schema, avro.protocol
out = []
for item in json.load(sys.stdin):
    try:
        if item['kind'] == 'avpr':
            avro.protocol.parse(item['text'])
            out.append({'ok': True})
        else:
            s = avro.schema.parse(item['text'])
            out.append({'ok': True, 'canonical': s.canonical_form})
    except Exception as e:
        out.append({'ok': False, 'error': type(e).__name__ + ': ' + str(e)[:300]})
json.dump(out, sys.stdout)
`;

export interface PythonVerdict {
  readonly ok: boolean;
  readonly canonical?: string;
  readonly error?: string;
}

/** Parses each text with python3-avro (Debian), one process for the batch. Fails clearly if it is missing. */
export function pythonAvro(items: readonly { text: string; kind: 'avsc' | 'avpr' }[]): PythonVerdict[] {
  assert.ok(existsSync(PYTHON), `${PYTHON} is missing: install python3-avro (apt-get install -y python3-avro)`);
  const res = spawnSync(PYTHON, ['-c', PY_SCRIPT], { input: JSON.stringify(items), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  assert.equal(res.status, 0, `python3-avro failed (install it with apt-get install -y python3-avro): ${res.stderr}`);
  const out = JSON.parse(res.stdout) as PythonVerdict[];
  assert.equal(out.length, items.length);
  return out;
}

/**
 * python3-avro 1.11's canonical form, made comparable with the spec's: it writes a fixed in full at
 * every use (the spec and Avro Java write each named type once, then its name), writes a primitive
 * that had a logical type as `{"type":"int"}` (the spec says `"int"`), and keeps `"type":"error"`
 * (Java writes "record"). Everything else is compared as python writes it.
 */
export function normalizePythonCanonical(canonical: string): string {
  const seen = new Set<string>();
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      const keys = Object.keys(o);
      if (keys.length === 1 && keys[0] === 'type' && typeof o.type === 'string') return o.type;
      if (o.type === 'fixed' && typeof o.name === 'string') {
        if (seen.has(o.name)) return o.name;
        seen.add(o.name);
      }
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(o)) out[k] = k === 'type' && x === 'error' ? 'record' : walk(x);
      return out;
    }
    return v;
  };
  return JSON.stringify(walk(JSON.parse(canonical)));
}

export function errors(ds: readonly Diagnostic[]): Diagnostic[] {
  return ds.filter((d) => d.severity === 'error');
}
