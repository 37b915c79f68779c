// Golden files: the generated code of each case in cases.ts, byte for byte. `UPDATE_GOLDEN=1
// node scripts/test.mjs codegen` rewrites them after an intended change; review the diff.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CASES } from './cases';
import { asRecord, generateFiles, goldenDir, readTree } from './helpers';

for (const [name, files] of Object.entries(CASES)) {
  test(`golden ${name}`, () => {
    const generated = asRecord(generateFiles(files));
    const dir = join(goldenDir, name);
    if (process.env.UPDATE_GOLDEN) {
      rmSync(dir, { recursive: true, force: true });
      for (const [path, text] of Object.entries(generated)) {
        mkdirSync(dirname(join(dir, path)), { recursive: true });
        writeFileSync(join(dir, path), text);
      }
    }
    const onDisk = readTree(dir);
    assert.deepEqual(Object.keys(generated).sort(), Object.keys(onDisk).sort());
    for (const [path, text] of Object.entries(generated)) {
      assert.equal(text, onDisk[path], `${name}/${path} differs from its golden file (UPDATE_GOLDEN=1 rewrites it)`);
    }
  });
}

test('generating twice gives identical bytes, whatever the order of the inputs', () => {
  for (const files of Object.values(CASES)) {
    const first = asRecord(generateFiles(files));
    assert.deepEqual(asRecord(generateFiles(files)), first);
    const reversed = Object.fromEntries(Object.entries(files).reverse());
    assert.deepEqual(asRecord(generateFiles(reversed)), first);
  }
});
