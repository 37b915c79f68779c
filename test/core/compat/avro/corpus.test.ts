// Real schemas from the Avro repository (shared corpus), each mutated the way schemas evolve:
// fields added with and without defaults, removed, promoted, retyped, renamed with and without
// an alias; records renamed; enum symbols added and removed, enum defaults added; fixed sizes
// changed; union branches added and removed. Every pair is judged in both directions (BACKWARD
// and FORWARD) by our checker and by python3-avro, and verdicts, types and locations must agree.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseAvsc, PRIMITIVE_TYPES } from '../../../../server/src/core/avro/index';
import { checkAvroCompat, type AvroCompatResult } from '../../../../server/src/core/compat/avro/index';
import { assertSameAsOracle } from './helpers';
import { oracle } from './oracle';

const avroCorpus = join(__dirname, '..', '..', '..', '..', '..', 'shared', 'corpus', 'avro');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

const LARGE = 50_000;

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Obj = { [k: string]: Json };
const isObj = (v: Json | undefined): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every schema position in a schema tree, with a setter, found depth first. */
interface Site {
  readonly value: Json;
  readonly set: (v: Json) => void;
  /** The enclosing namespace, for full names. */
  readonly namespace: string;
}

function sites(root: { s: Json }): Site[] {
  const out: Site[] = [];
  const visit = (value: Json, set: (v: Json) => void, namespace: string) => {
    out.push({ value, set, namespace });
    if (Array.isArray(value)) value.forEach((b, i) => visit(b, (v) => (value[i] = v), namespace));
    else if (isObj(value)) {
      let ns = namespace;
      if (typeof value.name === 'string' && ['record', 'error', 'enum', 'fixed'].includes(value.type as string)) {
        ns = value.name.includes('.') ? value.name.slice(0, value.name.lastIndexOf('.')) : typeof value.namespace === 'string' ? value.namespace : namespace;
      }
      if (Array.isArray(value.fields)) for (const f of value.fields) if (isObj(f) && f.type !== undefined) visit(f.type, (v) => (f.type = v), ns);
      if (value.items !== undefined) visit(value.items, (v) => (value.items = v), ns);
      if (value.values !== undefined) visit(value.values, (v) => (value.values = v), ns);
    }
  };
  visit(root.s, (v) => (root.s = v), '');
  return out;
}

const fullName = (o: Obj, namespace: string): string => {
  const name = o.name as string;
  if (name.includes('.')) return name;
  const ns = typeof o.namespace === 'string' ? o.namespace : namespace;
  return ns ? `${ns}.${name}` : name;
};

type Mutation = (site: Site) => boolean;

const records = (s: Site): Obj | undefined => (isObj(s.value) && (s.value.type === 'record' || s.value.type === 'error') && Array.isArray(s.value.fields) ? s.value : undefined);
const enums = (s: Site): Obj | undefined => (isObj(s.value) && s.value.type === 'enum' && Array.isArray(s.value.symbols) ? s.value : undefined);
const fixeds = (s: Site): Obj | undefined => (isObj(s.value) && s.value.type === 'fixed' && typeof s.value.size === 'number' ? s.value : undefined);

const changeFieldType = (from: string, to: string): Mutation => (s) => {
  const r = records(s);
  const f = (r?.fields as Json[] | undefined)?.find((x) => isObj(x) && x.type === from);
  if (!isObj(f)) return false;
  f.type = to;
  delete f.default;
  return true;
};

const MUTATIONS: Record<string, Mutation> = {
  'add a field with a default': (s) => {
    const r = records(s);
    if (!r) return false;
    (r.fields as Json[]).push({ name: 'added_field', type: 'int', default: 7 });
    return true;
  },
  'add a field without a default': (s) => {
    const r = records(s);
    if (!r) return false;
    (r.fields as Json[]).push({ name: 'added_field', type: 'string' });
    return true;
  },
  'remove the first field': (s) => {
    const r = records(s);
    if (!r || (r.fields as Json[]).length === 0) return false;
    (r.fields as Json[]).shift();
    return true;
  },
  'promote int to long': changeFieldType('int', 'long'),
  'promote float to double': changeFieldType('float', 'double'),
  'string to bytes': changeFieldType('string', 'bytes'),
  'int to string': changeFieldType('int', 'string'),
  'long to int': changeFieldType('long', 'int'),
  'rename a field with an alias': (s) => {
    const f = (records(s)?.fields as Json[] | undefined)?.[0];
    if (!isObj(f)) return false;
    f.aliases = [f.name as string];
    f.name = `${f.name as string}_renamed`;
    return true;
  },
  'rename a field without an alias': (s) => {
    const f = (records(s)?.fields as Json[] | undefined)?.[0];
    if (!isObj(f)) return false;
    f.name = `${f.name as string}_renamed`;
    return true;
  },
  'rename a record with an alias': (s) => {
    const r = records(s);
    if (!r) return false;
    r.aliases = [fullName(r, s.namespace)];
    r.name = `${r.name as string}V2`;
    return true;
  },
  'rename an enum without an alias': (s) => {
    const e = enums(s);
    if (!e) return false;
    e.name = `${e.name as string}V2`;
    return true;
  },
  'add an enum symbol': (s) => {
    const e = enums(s);
    if (!e) return false;
    (e.symbols as Json[]).push('ADDED_SYMBOL');
    return true;
  },
  'remove an enum symbol': (s) => {
    const e = enums(s);
    if (!e || (e.symbols as Json[]).length < 2) return false;
    const removed = (e.symbols as Json[]).pop();
    if (e.default === removed) delete e.default;
    return true;
  },
  'give an enum a default': (s) => {
    const e = enums(s);
    if (!e || e.default !== undefined) return false;
    e.default = (e.symbols as Json[])[0]!;
    return true;
  },
  'change a fixed size': (s) => {
    const f = fixeds(s);
    if (!f) return false;
    f.size = (f.size as number) + 1;
    return true;
  },
  'add a union branch': (s) => {
    if (!Array.isArray(s.value)) return false;
    const present = new Set(s.value.filter((b) => typeof b === 'string'));
    const extra = PRIMITIVE_TYPES.find((p) => !present.has(p) && !s.value!.toString().includes(`"${p}"`));
    if (!extra) return false;
    s.value.push(extra);
    return true;
  },
  'remove a union branch': (s) => {
    if (!Array.isArray(s.value) || s.value.length < 2) return false;
    s.value.pop();
    return true;
  },
  'make a type nullable': (s) => {
    if (typeof s.value !== 'string' || s.value === 'null' || !PRIMITIVE_TYPES.includes(s.value as never)) return false;
    s.set(['null', s.value]);
    return true;
  },
};

function ourAnswer(reader: string, writer: string): AvroCompatResult {
  const r = parseAvsc(reader);
  const w = parseAvsc(writer);
  return checkAvroCompat({ schema: r.schema!, file: r }, { schema: w.schema!, file: w });
}

test('mutated corpus schemas: our verdicts, types and locations equal python3-avro in both directions', (t) => {
  const files = [
    ...filesUnder(join(avroCorpus, 'avsc')).filter((f) => f.endsWith('.avsc')),
    ...filesUnder(join(avroCorpus, 'c-schema-tests', 'lang', 'c', 'tests', 'schema_tests', 'pass')),
    ...filesUnder(join(avroCorpus, 'cpp-jsonschemas')).filter((f) => !f.endsWith('.txt')),
  ].sort();
  assert.ok(files.length > 100, 'the corpus is present');

  interface Pair {
    readonly id: string;
    readonly mutation: string;
    readonly reader: string;
    readonly writer: string;
  }
  const candidates: Pair[] = [];
  const seenTexts = new Set<string>();
  for (const f of files) {
    const text = readFileSync(f, 'utf8');
    // python3-avro needs seconds per pair of the 380 KB large_schema.avsc; it is checked below.
    if (text.length > LARGE) continue;
    const parsed = parseAvsc(text);
    if (!parsed.schema || parsed.diagnostics.some((d) => d.severity === 'error')) continue;
    const original = JSON.stringify(JSON.parse(text));
    if (seenTexts.has(original)) continue;
    seenTexts.add(original);
    for (const [mutation, apply] of Object.entries(MUTATIONS)) {
      // The first and the last place the mutation applies to.
      const results = new Map<string, string>();
      for (const order of ['first', 'last']) {
        const root = { s: JSON.parse(original) as Json };
        const all = sites(root);
        if (order === 'last') all.reverse();
        if (all.some((site) => apply(site))) results.set(JSON.stringify(root.s), order);
      }
      for (const [mutated, order] of results) {
        const id = `${relative(avroCorpus, f)} ${order} ${mutation}`;
        candidates.push({ id: `${id} (new reads old)`, mutation, reader: mutated, writer: original });
        candidates.push({ id: `${id} (old reads new)`, mutation, reader: original, writer: mutated });
      }
    }
  }
  const answers = oracle(candidates);
  const compared = new Map<string, number>();
  const typesSeen = new Set<string>();
  let incompatible = 0;
  candidates.forEach((pair, i) => {
    const answer = answers[i]!;
    // A mutation python cannot parse (a renamed type that is referenced by its old name, a
    // union that now holds two of a kind) says nothing about resolution.
    if (!answer.ok) return;
    const mine = ourAnswer(pair.reader, pair.writer);
    assertSameAsOracle(mine, answer, pair.id);
    compared.set(pair.mutation, (compared.get(pair.mutation) ?? 0) + 1);
    for (const t of answer.types) typesSeen.add(t);
    if (!answer.compatible) incompatible++;
  });
  for (const mutation of Object.keys(MUTATIONS)) assert.ok((compared.get(mutation) ?? 0) >= 4, `mutation "${mutation}" was compared (${compared.get(mutation) ?? 0} pairs)`);
  assert.deepEqual([...typesSeen].sort(), ['FIXED_SIZE_MISMATCH', 'MISSING_ENUM_SYMBOLS', 'MISSING_UNION_BRANCH', 'NAME_MISMATCH', 'READER_FIELD_MISSING_DEFAULT_VALUE', 'TYPE_MISMATCH']);
  const total = [...compared.values()].reduce((a, b) => a + b, 0);
  t.diagnostic(`${total} pairs compared, ${incompatible} incompatible, ${candidates.length - total} left to python's parser`);
  assert.ok(total > 500 && incompatible > 100, `enough pairs: ${total} compared, ${incompatible} incompatible`);
});

test('the large corpus schema against a mutation of itself', () => {
  const f = filesUnder(join(avroCorpus, 'cpp-jsonschemas')).find((p) => p.endsWith('large_schema.avsc'))!;
  const text = readFileSync(f, 'utf8');
  assert.ok(text.length > LARGE);
  // The first record is the top-level union's second branch: a problem inside it is reported
  // as that branch missing (python3-avro agrees, in 10 s).
  const root = { s: JSON.parse(text) as Json };
  assert.ok(sites(root).some((site) => MUTATIONS['add a field without a default']!(site)));
  const got = ourAnswer(JSON.stringify(root.s), text);
  assert.deepEqual(got.incompatibilities.map((i) => `${i.type} ${i.location}`), ['MISSING_UNION_BRANCH /1']);
});
