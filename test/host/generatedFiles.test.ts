// Where the editor writes generated code: always inside the workspace folder, also when a
// symbolic link in the way points elsewhere; and the header cache re-reads a file once it changes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultOutDir, HeaderCache, resolveOutDir, schemaFilesBelow } from '../../server/src/host/generatedFiles';

function scratch(): string {
  return realpathSync(mkdtempSync(join(tmpdir(), 'es-outdir-')));
}

test('the default output folder sits next to the TypeScript sources when there are any', () => {
  const dir = scratch();
  try {
    assert.equal(defaultOutDir(dir), 'generated');
    mkdirSync(join(dir, 'src'));
    assert.equal(defaultOutDir(dir), 'generated', 'src/ alone is not a TypeScript project');
    writeFileSync(join(dir, 'tsconfig.json'), '{}');
    assert.equal(defaultOutDir(dir), 'src/generated/events');
    assert.deepEqual(resolveOutDir(dir, ''), { path: join(dir, 'src/generated/events') });
    assert.deepEqual(resolveOutDir(dir, ' gen/ts '), { path: join(dir, 'gen/ts') });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('an output folder outside the workspace folder is refused, by path or through a symbolic link', () => {
  const dir = scratch();
  const elsewhere = scratch();
  try {
    const ws = join(dir, 'ws');
    mkdirSync(ws);
    for (const value of ['..', '../ws-sibling', '/tmp', 'a/../../b']) {
      const r = resolveOutDir(ws, value);
      assert.ok('error' in r && /lies outside the workspace folder/.test(r.error), `${value}: ${JSON.stringify(r)}`);
    }
    symlinkSync(elsewhere, join(ws, 'link'), 'dir');
    const linked = resolveOutDir(ws, 'link/generated');
    assert.ok('error' in linked && /through a symbolic link/.test(linked.error), JSON.stringify(linked));
    // A link that stays inside the folder is fine.
    mkdirSync(join(ws, 'real'));
    symlinkSync(join(ws, 'real'), join(ws, 'inner'), 'dir');
    assert.deepEqual(resolveOutDir(ws, 'inner/gen'), { path: join(ws, 'inner/gen') });
    assert.deepEqual(resolveOutDir(ws, '.'), { path: ws });
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(elsewhere, { recursive: true, force: true });
  }
});

test('the header cache answers from memory until the file changes', () => {
  const dir = scratch();
  try {
    const file = join(dir, 'a_pb.ts');
    const cache = new HeaderCache();
    assert.equal(cache.head(file), undefined);
    writeFileSync(file, '// first\n');
    utimesSync(file, 1000, 1000);
    assert.equal(cache.head(file), '// first\n');
    writeFileSync(file, '// other\n');
    utimesSync(file, 1000, 1000);
    assert.equal(cache.head(file), '// first\n', 'same time and size: not read again');
    utimesSync(file, 2000, 2000);
    assert.equal(cache.head(file), '// other\n');
    assert.equal(cache.head(dir), undefined, 'a folder has no header');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('schema files below a folder, sorted, without hidden, dependency and build folders', () => {
  const dir = scratch();
  try {
    for (const rel of ['b.proto', 'a/x.avsc', 'a/y.avdl', 'a/z.ts', 'node_modules/p/q.proto', '.git/r.proto', 'dist/s.proto']) {
      mkdirSync(join(dir, rel, '..'), { recursive: true });
      writeFileSync(join(dir, rel), '');
    }
    assert.deepEqual(
      schemaFilesBelow(dir).map((p) => p.slice(dir.length + 1)),
      ['a/x.avsc', 'a/y.avdl', 'b.proto'],
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
