// Copies the fixture workspace (test/e2e/workspace) to `dest` and makes it a git repository with
// one commit, so scenarios that compare against git (breaking changes vs HEAD) have a baseline.
import { cpSync, mkdirSync, symlinkSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export function prepareWorkspace(dest) {
  cpSync(join(REPO, 'test/e2e/workspace'), dest, { recursive: true });
  // The generated handlers import protobufjs and need Node's types, as in a real consumer project;
  // the repository's own copies stand in for an `npm install` (gitignored in the fixture).
  for (const pkg of ['protobufjs', 'long', '@types/node', 'undici-types']) {
    mkdirSync(dirname(join(dest, 'node_modules', pkg)), { recursive: true });
    symlinkSync(join(REPO, 'node_modules', pkg), join(dest, 'node_modules', pkg), 'dir');
  }
  const git = (...args) => {
    const r = spawnSync('git', ['-c', 'user.name=e2e', '-c', 'user.email=e2e@example.invalid', '-c', 'commit.gpgsign=false',
      '-c', 'init.defaultBranch=main', ...args], { cwd: dest, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`git ${args.join(' ')} in ${dest}: ${r.stderr || r.error}`);
  };
  git('init', '-q');
  git('add', '-A');
  git('commit', '-q', '-m', 'baseline');
  return dest;
}
