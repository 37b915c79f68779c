// Avro: parse and check every corpus schema with our core, beside avsc's Type.forSchema on the
// same texts, in the same process and run. Prints one JSON line for bench/run.mjs.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import avro from 'avsc';
import { AvroRegistry, checkAvro, parseAvsc } from '../server/src/core/avro';

const corpus = join(__dirname, '..', '..', 'shared', 'corpus', 'avro');

function schemaFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) schemaFiles(p, out);
    else if (name.endsWith('.avsc') || dir.includes('schema_tests') || dir.includes('jsonschemas')) out.push(p);
  }
  return out;
}

const texts = schemaFiles(corpus).map((f) => readFileSync(f, 'utf8'));
const ROUNDS = 20;

function cpuMs(fn: () => void): number {
  const start = process.cpuUsage();
  fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

// Warm both up once so JIT compilation is not what gets measured.
const ours = () => {
  for (const text of texts) {
    const registry = new AvroRegistry();
    checkAvro(parseAvsc(text), registry);
  }
};
const theirs = () => {
  for (const text of texts) {
    try {
      avro.Type.forSchema(JSON.parse(text), { wrapUnions: 'auto' });
    } catch {
      // avsc throws on the invalid schemas of the corpus; that is its way of reporting them.
    }
  }
};
ours();
theirs();
let oursMs = 0;
let theirsMs = 0;
for (let i = 0; i < ROUNDS; i++) {
  oursMs += cpuMs(ours);
  theirsMs += cpuMs(theirs);
}
const bytes = texts.reduce((n, t) => n + t.length, 0);
console.log(JSON.stringify({ files: texts.length, bytes, rounds: ROUNDS, oursMs: oursMs / ROUNDS, avscMs: theirsMs / ROUNDS }));
