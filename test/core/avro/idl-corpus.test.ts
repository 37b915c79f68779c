// Our IDL corpus (fixtures/idl): each .avdl has a hand-written JSON equivalent (.avsc or .avpr)
// in the form Avro Java's `idl` tool writes. Lowering the IDL must give the same normalized schema
// as parsing the JSON; python3-avro must accept the JSON and agree on its canonical form; and
// avsc's own IDL reader, where it understands the file, must agree too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  checkAvro,
  fileResolver,
  fileToJson,
  parseAvdl,
  parseAvpr,
  parseAvsc,
  parsingCanonicalForm,
} from '../../../server/src/core/avro/index';
import { fixturesDir, normalizePythonCanonical, pythonAvro, render } from './helpers';
import { readProtocol } from 'avsc';

const dir = join(fixturesDir, 'idl');
const names = readdirSync(dir).filter((f) => f.endsWith('.avdl')).sort();

test('the IDL corpus covers every construct', () => {
  const all = names.map((n) => readFileSync(join(dir, n), 'utf8')).join('\n');
  const constructs = [
    /^protocol|\bprotocol `?\w/m, /\brecord\b/, /\berror\b/, /\benum\b[^}]*\}\s*=/, /\bfixed \w+\(/, /\bunion \{/, /array</, /map</,
    /import idl/, /import protocol/, /import schema/, /\bthrows\b/, /\boneway\b/, /\bvoid\b/, /@namespace/, /@aliases/,
    /@logicalType/, /@order/, /@java-class/, /decimal\(\d+, ?\d+\)/, /decimal\(\d+\)/, /\bdate\b/, /\btime_ms\b/, /\btimestamp_ms\b/,
    /\blocal_timestamp_ms\b/, /\buuid\b/, /\w\?/, /^namespace /m, /^schema /m, /\/\*\*/, /`\w+`/, /= \{/, /= \[/, /0x/,
  ];
  for (const c of constructs) assert.match(all, c);
});

for (const name of names) {
  const base = name.replace(/\.avdl$/, '');
  const jsonPath = [join(dir, `${base}.avpr`), join(dir, `${base}.avsc`)].find(existsSync);

  test(`idl corpus ${name}: lowers to the same schema as its JSON equivalent`, () => {
    assert.ok(jsonPath, `${name} needs a .avpr or .avsc equivalent`);
    const idlText = readFileSync(join(dir, name), 'utf8');
    const jsonText = readFileSync(jsonPath, 'utf8');
    const idl = parseAvdl(idlText);
    const json = jsonPath.endsWith('.avpr') ? parseAvpr(jsonText) : parseAvsc(jsonText);
    assert.deepEqual(render(idlText, checkAvro(idl)), [], `${name} is clean`);
    assert.deepEqual(render(jsonText, checkAvro(json)), [], `${jsonPath} is clean`);
    assert.equal(Boolean(idl.protocol), Boolean(json.protocol));
    assert.deepEqual(fileToJson(idl), fileToJson(json));
    if (idl.schema && json.schema) {
      assert.equal(parsingCanonicalForm(idl.schema, fileResolver(idl)), parsingCanonicalForm(json.schema, fileResolver(json)));
    }
  });
}

test('python3-avro accepts every JSON equivalent and agrees on the canonical form', () => {
  const jsons = readdirSync(dir).filter((f) => /\.(avsc|avpr)$/.test(f)).sort();
  const verdicts = pythonAvro(jsons.map((f) => ({ text: readFileSync(join(dir, f), 'utf8'), kind: f.endsWith('.avpr') ? 'avpr' as const : 'avsc' as const })));
  jsons.forEach((f, i) => {
    const v = verdicts[i]!;
    assert.ok(v.ok, `python3-avro rejects ${f}: ${v.error}`);
    if (f.endsWith('.avsc')) {
      const file = parseAvsc(readFileSync(join(dir, f), 'utf8'));
      assert.equal(parsingCanonicalForm(file.schema!, fileResolver(file)), normalizePythonCanonical(v.canonical!), f);
    }
  });
});

/** avsc's readProtocol drops message annotations; compare without them. */
function withoutMessageProps(p: unknown): unknown {
  const out = structuredClone(p) as { messages: Record<string, Record<string, unknown>> };
  for (const m of Object.values(out.messages)) {
    for (const k of Object.keys(m)) if (!['doc', 'request', 'response', 'errors', 'one-way'].includes(k)) delete m[k];
  }
  return out;
}

test('avsc reads the protocol-syntax IDL it supports the same way', () => {
  const text = readFileSync(join(dir, 'protocol.avdl'), 'utf8');
  const viaAvsc = parseAvpr(JSON.stringify(readProtocol(text)));
  assert.deepEqual(withoutMessageProps(fileToJson(viaAvsc)), withoutMessageProps(fileToJson(parseAvdl(text))));
});
