// Agreement with Avro's own parsers on real schemas from the Avro repository (shared corpus):
// the C implementation's pass/fail suite, and every .avsc/.avpr there judged by python3-avro.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileResolver, parseAvsc, parsingCanonicalForm, rabinFingerprint } from '../../../server/src/core/avro/index';
import { check, corpusDir, errors, normalizePythonCanonical, pythonAvro, render } from './helpers';
import { Type as AvscType } from 'avsc';

const avroCorpus = join(corpusDir, 'avro');
const cTests = join(avroCorpus, 'c-schema-tests', 'lang', 'c', 'tests', 'schema_tests');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

const read = (p: string) => readFileSync(p, 'utf8');
const kindOf = (p: string) => (p.endsWith('.avpr') ? ('avpr' as const) : ('avsc' as const));

/**
 * Where python3-avro 1.11 is wrong and the spec (and Avro Java and C) are right: it rejects
 * `"namespace": ""`, which the spec defines as the null namespace.
 */
const PYTHON_BUGS = new Set(['pass/namespace_null_enum', 'pass/namespace_null_fixed', 'pass/namespace_null_record']);

test('every schema Avro C must accept is accepted', () => {
  const files = filesUnder(join(cTests, 'pass'));
  assert.ok(files.length >= 28, 'the corpus is present');
  for (const f of files) assert.deepEqual(render(read(f), errors(check(read(f)).diagnostics)), [], relative(cTests, f));
});

test('every schema Avro C must reject is rejected', () => {
  const files = filesUnder(join(cTests, 'fail'));
  assert.ok(files.length >= 12, 'the corpus is present');
  for (const f of files) assert.ok(errors(check(read(f)).diagnostics).length > 0, `${relative(cTests, f)} must be rejected`);
});

test('python3-avro agrees on the C suite, except for its known bugs', () => {
  const files = filesUnder(cTests).sort();
  const verdicts = pythonAvro(files.map((f) => ({ text: read(f), kind: 'avsc' })));
  files.forEach((f, i) => {
    const id = relative(cTests, f);
    const python = verdicts[i]!.ok;
    const ours = errors(check(read(f)).diagnostics).length === 0;
    if (PYTHON_BUGS.has(id)) assert.equal(python, false, `${id} is still a python3-avro bug`);
    else assert.equal(ours, python, `${id}: python3-avro ${python ? 'accepts' : `rejects (${verdicts[i]!.error})`}`);
  });
});

test('every .avsc and .avpr in the corpus gets the verdict python3-avro gives it', () => {
  const files = [...filesUnder(join(avroCorpus, 'avsc')), ...filesUnder(join(avroCorpus, 'cpp-jsonschemas'))]
    .filter((f) => !f.endsWith('LICENSE.txt'))
    .sort();
  assert.ok(files.length > 150, 'the corpus is present');
  const verdicts = pythonAvro(files.map((f) => ({ text: read(f), kind: kindOf(f) })));
  let accepted = 0;
  files.forEach((f, i) => {
    const id = relative(avroCorpus, f);
    const v = verdicts[i]!;
    const { file, diagnostics } = check(read(f), kindOf(f));
    const ours = errors(diagnostics);
    if (v.ok) {
      accepted++;
      assert.deepEqual(render(read(f), ours), [], `${id}: python3-avro accepts it`);
      if (file.schema) assert.equal(parsingCanonicalForm(file.schema, fileResolver(file)), normalizePythonCanonical(v.canonical!), `${id}: canonical form`);
    } else {
      assert.ok(ours.length > 0, `${id}: python3-avro rejects it (${v.error})`);
    }
  });
  assert.ok(accepted > 140);
});

/** Where avsc departs from the spec: it allows anonymous named types (Java, Python and C reject them). */
const AVSC_DEVIATIONS = new Set(['c-schema-tests/lang/c/tests/schema_tests/fail/fixed_without_name']);

test("avsc's Type.forSchema agrees on every corpus schema and on the canonical form", () => {
  const files = filesUnder(avroCorpus).filter((f) => !f.endsWith('.avpr') && !f.endsWith('LICENSE.txt')).sort();
  for (const f of files) {
    const id = relative(avroCorpus, f);
    const text = read(f);
    let type: { schema(): unknown } | undefined;
    let reason = '';
    try {
      type = AvscType.forSchema(JSON.parse(text));
    } catch (e) {
      reason = (e as Error).message;
    }
    const { file, diagnostics } = check(text);
    const oursAccepts = errors(diagnostics).length === 0;
    if (AVSC_DEVIATIONS.has(id)) {
      assert.ok(type && !oursAccepts, `${id} is still an avsc deviation`);
      continue;
    }
    assert.equal(oursAccepts, type !== undefined, `${id}: avsc ${type ? 'accepts' : `rejects (${reason})`}`);
    // avsc writes an error record's type as "error"; the spec's canonical form (and Java) says "record".
    if (type) assert.equal(parsingCanonicalForm(file.schema!, fileResolver(file)), JSON.stringify(type.schema()).replace(/"type":"error"/g, '"type":"record"'), id);
  }
});

test('the 64-bit Rabin fingerprint matches the Avro test vectors', () => {
  // Values from Avro's share/test/data/schema-tests.txt (signed longs there).
  const vectors: [string, bigint][] = [
    ['"null"', 7195948357588979594n],
    ['"int"', 8247732601305521295n],
    ['{"type":"long"}', -3434872931120570953n],
    ['{"fields":[], "type":"record", "name":"foo"}', -4824392279771201922n],
    ['{"fields":[], "type":"record", "name":"foo", "namespace":"x.y"}', 5916914534497305771n],
    ['{"fields":[], "type":"record", "name":"a.b.foo", "namespace":"x.y"}', -4616218487480524110n],
    ['{"fields":[{"type":{"type":"boolean"}, "name":"f1"}], "type":"record", "name":"foo"}', 7843277075252814651n],
  ];
  for (const [text, expected] of vectors) {
    const file = parseAvsc(text);
    const fp = rabinFingerprint(parsingCanonicalForm(file.schema!, fileResolver(file)));
    assert.equal(BigInt.asIntN(64, fp), expected, text);
  }
});
