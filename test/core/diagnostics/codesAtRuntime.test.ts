// A run-time check beside codes.test.ts's source scan: the Protobuf and Avro front ends, fed
// schemas protoc rejects, Avro's must-fail schemas and every file cut short at a few points, emit
// only registered codes, with a severity the registry allows. A code built in a way the scan
// cannot see (a computed string) would show up here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { checkAvro, parseAvro, syntaxOfPath, type AvroSyntax } from '../../../server/src/core/avro/index';
import { codeInfo } from '../../../server/src/core/diagnostics/codes';
import type { Diagnostic } from '../../../server/src/core/diagnostics/diagnostic';
import { ProtoProject } from '../../../server/src/core/proto/project';
import { loadWellKnownTypes } from '../proto/checkFixture';

const root = join(__dirname, '..', '..', '..');
const CORPUS = join(root, '..', 'shared', 'corpus');

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = join(dir, name);
      return statSync(p).isDirectory() ? filesUnder(p) : [p];
    });
}

/** The text whole and cut at a third and two thirds, where parsers meet unfinished input. */
function variants(text: string): string[] {
  return [text, text.slice(0, Math.floor(text.length / 3)), text.slice(0, Math.floor((2 * text.length) / 3))];
}

function unregistered(diagnostics: readonly Diagnostic[], where: string, seen: Set<string>): string[] {
  const out: string[] = [];
  for (const d of diagnostics) {
    seen.add(d.code);
    const info = codeInfo(d.code);
    if (!info) out.push(`${where}: unregistered code ${d.code}`);
    else if (d.severity !== info.severity && !info.alsoAs?.includes(d.severity)) out.push(`${where}: ${d.code} as ${d.severity}`);
  }
  return out;
}

test('Protobuf files protoc rejects, and their prefixes, produce registered codes only', () => {
  const fixtures = filesUnder(join(root, 'test', 'core', 'proto', 'fixtures', 'protoc')).filter((f) => f.endsWith('.proto'));
  assert.ok(fixtures.length > 50, 'the protoc fixtures are there');
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const file of fixtures) {
    variants(readFileSync(file, 'utf8')).forEach((text, i) => {
      const project = new ProtoProject();
      const uri = `file:///fixture/main.proto`;
      project.setFile({ uri, importPath: 'main.proto', text });
      loadWellKnownTypes(project);
      problems.push(...unregistered(project.diagnostics(uri), `${file} (variant ${i})`, seen));
    });
  }
  assert.deepEqual(problems, []);
  // Guards against a run that checks nothing: protoc's rejects cover many stages.
  const stages = new Set([...seen].map((c) => codeInfo(c)?.stage));
  assert.ok(seen.size >= 50 && stages.size >= 12, `saw ${seen.size} codes in ${stages.size} stages`);
});

test("Avro's schemas, its must-fail schemas and their prefixes produce registered codes only", () => {
  const inputs: { path: string; syntax: AvroSyntax }[] = [];
  for (const path of filesUnder(join(CORPUS, 'avro'))) {
    const syntax = syntaxOfPath(path) ?? (path.includes('/schema_tests/') ? 'avsc' : undefined);
    if (syntax) inputs.push({ path, syntax });
  }
  for (const path of filesUnder(join(root, 'test', 'core', 'avro', 'fixtures'))) {
    const syntax = syntaxOfPath(path);
    if (syntax) inputs.push({ path, syntax });
  }
  assert.ok(inputs.length > 100, 'the Avro corpus is there');
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const { path, syntax } of inputs) {
    variants(readFileSync(path, 'utf8')).forEach((text, i) => {
      const file = parseAvro(text, syntax, `file:///corpus/x.${syntax}`);
      problems.push(...unregistered(checkAvro(file), `${path} (variant ${i})`, seen));
    });
  }
  assert.deepEqual(problems, []);
  assert.ok(seen.size >= 18, `saw ${seen.size} codes`);
});
