// The handler codes: each described, each with a tsserver number TypeScript does not use, and
// each one the rules actually emit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { HANDLER_CODE_DESCRIPTIONS, HANDLER_CODE_NUMBERS, HANDLER_CODES } from '../../../server/src/core/handlers';

test('every code has a description and a distinct number outside TypeScript\'s own codes', () => {
  const codes = Object.values(HANDLER_CODES);
  assert.deepEqual(Object.keys(HANDLER_CODE_DESCRIPTIONS).sort(), [...codes].sort());
  assert.deepEqual(Object.keys(HANDLER_CODE_NUMBERS).sort(), [...codes].sort());
  const numbers = Object.values(HANDLER_CODE_NUMBERS);
  assert.equal(new Set(numbers).size, numbers.length);
  // TypeScript's message table is internal API, but present at run time.
  const table = (ts as unknown as { Diagnostics: Record<string, { code: number }> }).Diagnostics;
  const typescriptCodes = new Set(Object.values(table).map((d) => d.code));
  assert.ok(typescriptCodes.has(2322), 'the table is there');
  for (const n of numbers) assert.ok(!typescriptCodes.has(n), `${n} is a TypeScript code`);
  for (const n of numbers) assert.ok(!ts.getSupportedCodeFixes().includes(String(n)), `TypeScript has its own fixes for ${n}`);
});

test('the rules emit every code and no other', () => {
  const dir = join(__dirname, '..', '..', '..', 'server', 'src', 'core', 'handlers');
  const used = new Set<string>();
  for (const name of readdirSync(dir)) {
    for (const m of readFileSync(join(dir, name), 'utf8').matchAll(/HANDLER_CODES\.(\w+)/g)) used.add(m[1]!);
  }
  assert.deepEqual([...used].sort(), Object.keys(HANDLER_CODES).sort());
});
