// Nothing from the workspace is ever executed: the programs we run (git) are found on PATH's
// absolute entries only, so a workspace that ships its own `git` and a PATH with `.` in it
// cannot get its program run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { findExecutable } from '../../server/src/host/executable';
import { loadBaseline } from '../../server/src/host/baseline';

function workspaceWithFakeGit(): { root: string; marker: string } {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'es-exec-')));
  const marker = join(root, 'PWNED');
  for (const dir of [root, join(root, 'bin'), join(root, 'node_modules', '.bin')]) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'git'), `#!/bin/sh\ntouch ${JSON.stringify(marker)}\n`);
    chmodSync(join(dir, 'git'), 0o755);
  }
  return { root, marker };
}

test('relative and empty PATH entries are never searched', () => {
  const { root } = workspaceWithFakeGit();
  const cwd = process.cwd();
  process.chdir(root);
  try {
    assert.equal(findExecutable('git', ['.', '', 'bin', 'node_modules/.bin'].join(':')), undefined);
    const real = findExecutable('git', `.:${process.env.PATH}`);
    assert.ok(real && !real.startsWith(root), `found ${real}`);
  } finally {
    process.chdir(cwd);
  }
});

test('a git baseline in a workspace that ships a fake git runs the real one', async () => {
  const { root, marker } = workspaceWithFakeGit();
  writeFileSync(join(root, 'a.proto'), 'syntax = "proto3";\nmessage A {}\n');
  const git = (...args: string[]) => execFileSync(findExecutable('git')!, args, { cwd: root, stdio: 'ignore' });
  git('init', '-q');
  git('-c', 'user.email=t@t', '-c', 'user.name=t', 'add', 'a.proto');
  git('-c', 'user.email=t@t', '-c', 'user.name=t', 'commit', '-qm', 'one');
  // A repository config that would run a program on index reads if git honoured it.
  git('config', 'core.fsmonitor', join(root, 'git'));
  const savedPath = process.env.PATH;
  const cwd = process.cwd();
  process.env.PATH = `.:bin:node_modules/.bin:${savedPath}`;
  process.chdir(root);
  try {
    const baseline = await loadBaseline('git:HEAD', { base: root, targets: [{ path: root, isFolder: true }] });
    const files = baseline.versions.flatMap((v) => v.files.map((f) => f.path));
    assert.deepEqual(files, ['a.proto']);
  } finally {
    process.env.PATH = savedPath;
    process.chdir(cwd);
  }
  assert.equal(existsSync(marker), false, 'the workspace git ran');
});
