// `npm run demo` runs the CLI on examples/: it must pass whenever the CLI itself works, whatever
// the examples contain.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ensureBuilt, repoRoot } from './run';

before(ensureBuilt);

test('the demo checks examples/ and exits 0', () => {
  const res = spawnSync(process.execPath, [join(repoRoot, 'scripts', 'demo.mjs')], { cwd: repoRoot, encoding: 'utf8' });
  assert.equal(res.status, 0, res.stdout + res.stderr);
  assert.match(res.stdout, /── event-schemas check examples ─/);
  assert.match(res.stdout, /^\d+ errors?, \d+ warnings? in \d+ files?$/m);
  assert.match(res.stdout, /\(exit [01]: /);
});
