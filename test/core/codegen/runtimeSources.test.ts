// The runtime modules are real TypeScript files (runtime/*.ts, type-checked with the repository);
// generated output embeds them through runtimeSources.ts, which must match them exactly.
// `UPDATE_GOLDEN=1 node scripts/test.mjs codegen` rewrites it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RUNTIME_SOURCES } from '../../../server/src/core/codegen/runtimeSources';
import { runtimeText } from '../../../server/src/core/codegen/generate';
import { isGeneratedText } from '../../../server/src/core/codegen/header';
import { repoRoot } from './helpers';

const codegenDir = join(repoRoot, 'server', 'src', 'core', 'codegen');
const runtimeDir = join(codegenDir, 'runtime');

function render(): string {
  const names = readdirSync(runtimeDir).filter((n) => n.endsWith('.ts')).sort();
  let out =
    '/**\n * The runtime modules (runtime/*.ts) as text, written next to generated code. Do not edit:\n' +
    ' * `UPDATE_GOLDEN=1 node scripts/test.mjs codegen` rewrites this file from runtime/, and a test\n' +
    ' * fails while the two differ.\n */\nexport const RUNTIME_SOURCES: Readonly<Record<string, string>> = {\n';
  for (const n of names) out += `  ${JSON.stringify(n)}: ${JSON.stringify(readFileSync(join(runtimeDir, n), 'utf8'))},\n`;
  return out + '};\n';
}

test('runtimeSources.ts embeds runtime/*.ts unchanged', () => {
  const expected = render();
  const path = join(codegenDir, 'runtimeSources.ts');
  if (process.env.UPDATE_GOLDEN) writeFileSync(path, expected);
  assert.equal(readFileSync(path, 'utf8'), expected, 'runtimeSources.ts is out of date: UPDATE_GOLDEN=1 rewrites it');
});

test('written runtime modules carry the generated header and the module text', () => {
  for (const [name, source] of Object.entries(RUNTIME_SOURCES)) {
    const text = runtimeText(name);
    assert.ok(isGeneratedText(text), name);
    assert.ok(text.endsWith(source), name);
  }
});
