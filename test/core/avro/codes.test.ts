// The list of Avro diagnostic codes and the sources stay in step: every code the core can emit is
// documented, every documented code is emitted somewhere, and all are stable kebab-case.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AVRO_CODES } from '../../../server/src/core/avro/index';

const srcDir = join(__dirname, '..', '..', '..', 'server', 'src', 'core', 'avro');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') && !p.endsWith('codes.ts') ? [p] : [];
  });
}

test('every emitted code is documented and every documented code is emitted', () => {
  const used = new Set<string>();
  for (const f of sources(srcDir)) {
    for (const m of readFileSync(f, 'utf8').matchAll(/'((?:avro|syntax)\/[a-z0-9-]+)'/g)) used.add(m[1]!);
  }
  const documented = new Set(Object.keys(AVRO_CODES));
  assert.deepEqual([...used].filter((c) => !documented.has(c)).sort(), [], 'undocumented codes');
  assert.deepEqual([...documented].filter((c) => !used.has(c)).sort(), [], 'documented but never emitted');
  for (const code of documented) assert.match(code, /^(avro|syntax)\/[a-z0-9]+(-[a-z0-9]+)*$/);
});
