/**
 * The bits of git the editor needs besides baselines: the branches to offer as a baseline, and a
 * watch on HEAD so a git baseline is read again when HEAD moves (a commit, a checkout, a reset).
 * Git runs through execFile with an argument list, never a shell.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, statSync, watch, type FSWatcher } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { findExecutable } from './executable';

export interface Branches {
  /** Local branches, then remote-tracking ones. */
  readonly branches: string[];
  /** The branch HEAD is on, if any. */
  readonly current?: string;
}

export async function listBranches(folder: string, git = findExecutable('git') ?? 'git'): Promise<Branches> {
  const run = (args: string[]) =>
    new Promise<string>((done) => {
      execFile(git, args, { cwd: folder, timeout: 10_000, windowsHide: true, env: GIT_ENV }, (error, stdout) => done(error ? '' : String(stdout)));
    });
  const [refs, head] = await Promise.all([
    run(['for-each-ref', '--format=%(refname:short)', 'refs/heads', 'refs/remotes']),
    run(['symbolic-ref', '--quiet', '--short', 'HEAD']),
  ]);
  const branches = refs.split('\n').map((l) => l.trim()).filter((l) => l !== '' && !l.endsWith('/HEAD'));
  const current = head.trim();
  return { branches, ...(current ? { current } : {}) };
}

/** As for baselines: no prompts, no locks, and a repository's config cannot make git run a program. */
const GIT_ENV = {
  ...process.env,
  LC_ALL: 'C',
  GIT_TERMINAL_PROMPT: '0',
  GIT_OPTIONAL_LOCKS: '0',
  GIT_CONFIG_COUNT: '2',
  GIT_CONFIG_KEY_0: 'core.fsmonitor',
  GIT_CONFIG_VALUE_0: 'false',
  GIT_CONFIG_KEY_1: 'core.hooksPath',
  GIT_CONFIG_VALUE_1: '/dev/null',
};

/** The git directory of the repository holding `folder` (a `.git` folder, or where a `.git` file points). */
export function gitDirOf(folder: string): string | undefined {
  let dir = resolve(folder);
  for (;;) {
    const candidate = join(dir, '.git');
    try {
      const stat = statSync(candidate);
      if (stat.isDirectory()) return candidate;
      if (stat.isFile()) {
        const m = /^gitdir:\s*(.+)$/m.exec(readFileSync(candidate, 'utf8'));
        if (m) return resolve(dir, m[1]!.trim());
      }
    } catch {
      // not here; look further up
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/**
 * Calls `moved` (at most once per `delayMs`) after HEAD changes: `HEAD` itself (checkout) and
 * its reflog `logs/HEAD`, which git appends to on every move of HEAD, commits included. Returns
 * the stop function; watching is best effort and never throws.
 */
export function watchHead(gitDir: string, moved: () => void, delayMs = 150): () => void {
  const watchers: FSWatcher[] = [];
  let timer: NodeJS.Timeout | undefined;
  const fire = () => {
    if (timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      moved();
    }, delayMs);
  };
  const add = (path: string, filter?: (name: string | null) => boolean) => {
    try {
      const w = watch(path, { persistent: false }, (_event, name) => {
        if (!filter || filter(name === null ? null : String(name))) fire();
      });
      w.on('error', () => undefined);
      watchers.push(w);
    } catch {
      // a path that does not exist yet (no commit, no reflog) is not watched
    }
  };
  add(gitDir, (name) => name === null || name === 'HEAD' || name === 'packed-refs');
  if (existsSync(join(gitDir, 'logs'))) add(join(gitDir, 'logs'), (name) => name === null || name === 'HEAD');
  if (existsSync(join(gitDir, 'refs', 'heads'))) add(join(gitDir, 'refs', 'heads'));
  return () => {
    if (timer) clearTimeout(timer);
    for (const w of watchers) w.close();
  };
}
