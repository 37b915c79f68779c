/**
 * Old versions of schema files at a git revision. Git runs through execFile with an argument
 * list, never a shell, and user text only ever reaches it as one argument after
 * `--end-of-options` or `--`. Blobs are cached by object id (a content hash, so the same id is
 * the same text in every repository): a second request for a blob never runs git again.
 */
import { execFile } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { findExecutable } from '../executable';
import type { GitRevision } from './spec';
import { printable } from './spec';
import { BaselineError, type Baseline, type BaselineFile, type BaselineRequest } from './types';

const SCHEMA_EXTENSIONS = ['.proto', '.avsc', '.avdl'];
/** The same folders the CLI's discovery skips, so the old and the new side list the same files. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', 'dist']);

export interface GitOptions {
  /** The git executable; `git` from PATH by default. */
  readonly git?: string;
  readonly cache?: GitCache;
  /** Each git command is stopped after this long; default 60 s. */
  readonly timeoutMs?: number;
}

interface TreeEntry {
  /** Relative to the repository root, `/`-separated, exactly as git stores it. */
  readonly path: string;
  readonly oid: string;
}

/**
 * Blob texts by object id, the least recently used dropped beyond a size budget, and tree listings
 * by commit and paths (a commit id never changes what it lists). Requests for a blob that is
 * being read already wait for that read instead of starting another.
 */
export class GitCache {
  private readonly blobs = new Map<string, string>();
  private readonly reading = new Map<string, Promise<string | undefined>>();
  private readonly trees = new Map<string, readonly TreeEntry[]>();
  private bytes = 0;
  /** How many times git was asked for blobs; tests read it to prove the cache answers. */
  blobReads = 0;

  constructor(private readonly maxBytes = 256 * 1024 * 1024) {}

  blob(oid: string): string | undefined {
    const text = this.blobs.get(oid);
    if (text !== undefined) {
      this.blobs.delete(oid);
      this.blobs.set(oid, text);
    }
    return text;
  }

  setBlob(oid: string, text: string): void {
    if (this.blobs.has(oid)) return;
    this.blobs.set(oid, text);
    this.bytes += text.length * 2;
    for (const [old, t] of this.blobs) {
      if (this.bytes <= this.maxBytes || old === oid) break;
      this.blobs.delete(old);
      this.bytes -= t.length * 2;
    }
  }

  pending(oid: string): Promise<string | undefined> | undefined {
    return this.reading.get(oid);
  }

  setPending(oid: string, read: Promise<string | undefined>): void {
    this.reading.set(oid, read);
    void read.finally(() => this.reading.delete(oid)).catch(() => undefined);
  }

  tree(key: string): readonly TreeEntry[] | undefined {
    return this.trees.get(key);
  }

  setTree(key: string, entries: readonly TreeEntry[]): void {
    if (this.trees.size >= 64) this.trees.delete(this.trees.keys().next().value!);
    this.trees.set(key, entries);
  }
}

const sharedCache = new GitCache();

export async function loadGitBaseline(
  revision: GitRevision,
  label: string,
  request: BaselineRequest,
  options: GitOptions = {},
): Promise<Baseline> {
  // An absolute path from PATH's absolute entries only: a workspace cannot shadow git.
  const git = new Git(options.git ?? findExecutable('git') ?? 'git', options.timeoutMs ?? 60_000);
  const cache = options.cache ?? sharedCache;
  const base = realOrSelf(request.base);

  // Targets may lie in different repositories (rare, but a PATH list can span them).
  const byRepo = new Map<string, string[]>();
  for (const target of request.targets) {
    const folder = target.isFolder ? target.path : dirname(target.path);
    const top = await git.topLevel(folder);
    const rel = repoRelative(top, target.path);
    if (rel === undefined) throw new BaselineError('usage', `${target.path} is outside the git repository at ${top}`);
    const list = byRepo.get(top);
    if (list) list.push(rel);
    else byRepo.set(top, [rel]);
  }
  for (const folder of request.extraFolders ?? []) {
    // Extra folders (import roots) help when they are in a repository already in use, and are
    // left alone otherwise: the well-known types, say, come from the disk.
    for (const [top, specs] of byRepo) {
      const rel = repoRelative(top, folder);
      if (rel !== undefined) specs.push(rel);
    }
  }

  const files: BaselineFile[] = [];
  const commits: string[] = [];
  for (const [top, specs] of byRepo) {
    const commit = await git.resolve(top, revision);
    commits.push(commit);
    const entries = await listTree(git, cache, top, commit, unique(specs));
    const texts = await readBlobs(git, cache, top, entries.map((e) => e.oid));
    for (const entry of entries) {
      const text = texts.get(entry.oid);
      if (text === undefined) continue;
      const abs = join(top, ...entry.path.split('/'));
      files.push({
        path: relative(base, abs).split(sep).join('/'),
        text,
        origin: `git:${revisionText(revision)}:${entry.path}`,
      });
    }
  }
  const short = unique(commits.map((c) => c.slice(0, 7))).join(', ');
  return {
    description: `${label} (${short})`,
    versions: [{ label, files }],
  };
}

function revisionText(revision: GitRevision): string {
  return revision.kind === 'rev' ? revision.rev : `merge-base:${revision.branch}`;
}

async function listTree(git: Git, cache: GitCache, top: string, commit: string, specs: string[]): Promise<readonly TreeEntry[]> {
  const key = [top, commit, ...specs].join('\0');
  const known = cache.tree(key);
  if (known) return known;
  const out = await git.run(top, ['--literal-pathspecs', 'ls-tree', '-r', '-z', '--end-of-options', commit, '--', ...specs]);
  const entries: TreeEntry[] = [];
  const seen = new Set<string>();
  for (const record of out.stdout.toString('utf8').split('\0')) {
    // `<mode> SP <type> SP <oid> TAB <path>`; symlinks (120000) and submodules are not schema files.
    const tab = record.indexOf('\t');
    if (tab < 0) continue;
    const [mode, type, oid] = record.slice(0, tab).split(' ');
    const path = record.slice(tab + 1);
    if (type !== 'blob' || (mode !== '100644' && mode !== '100755') || !oid) continue;
    if (!isSchemaPath(path) || seen.has(path)) continue;
    seen.add(path);
    entries.push({ path, oid });
  }
  cache.setTree(key, entries);
  return entries;
}

function isSchemaPath(path: string): boolean {
  const lower = path.toLowerCase();
  if (!SCHEMA_EXTENSIONS.some((ext) => lower.endsWith(ext))) return false;
  return !path.split('/').slice(0, -1).some((part) => SKIPPED_FOLDERS.has(part));
}

async function readBlobs(git: Git, cache: GitCache, top: string, oids: readonly string[]): Promise<Map<string, string>> {
  const result = new Map<string, string>();
  const waits: Promise<void>[] = [];
  const wanted: string[] = [];
  for (const oid of unique(oids)) {
    const text = cache.blob(oid);
    if (text !== undefined) {
      result.set(oid, text);
      continue;
    }
    const pending = cache.pending(oid);
    if (pending) waits.push(pending.then((t) => void (t !== undefined && result.set(oid, t))));
    else wanted.push(oid);
  }
  if (wanted.length) {
    cache.blobReads++;
    const batch = git.catFile(top, wanted);
    for (const oid of wanted) cache.setPending(oid, batch.then((m) => m.get(oid)));
    const texts = await batch;
    for (const [oid, text] of texts) {
      cache.setBlob(oid, text);
      result.set(oid, text);
    }
  }
  await Promise.all(waits);
  return result;
}

function repoRelative(top: string, path: string): string | undefined {
  const rel = relative(top, realOrSelf(path));
  if (rel.startsWith('..') || isAbsolute(rel)) return undefined;
  return rel === '' ? '.' : rel.split(sep).join('/');
}

function realOrSelf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

function unique<T>(xs: readonly T[]): T[] {
  return [...new Set(xs)];
}

interface RunResult {
  readonly stdout: Buffer;
  readonly stderr: string;
}

class GitFailure extends Error {
  constructor(
    readonly code: number | string | null,
    readonly stderr: string,
  ) {
    super(stderr);
  }
}

class Git {
  private readonly tops = new Map<string, string>();

  constructor(
    private readonly exe: string,
    private readonly timeoutMs: number,
  ) {}

  run(cwd: string, args: readonly string[], input?: string): Promise<RunResult> {
    return new Promise((resolve, reject) => {
      const child = execFile(
        this.exe,
        args,
        {
          cwd,
          encoding: 'buffer',
          maxBuffer: 2 ** 31 - 1,
          timeout: this.timeoutMs,
          windowsHide: true,
          // English messages (the only part read is whether it failed), no prompts, no locks.
          env: {
            ...process.env,
            LC_ALL: 'C',
            LANGUAGE: 'C',
            GIT_TERMINAL_PROMPT: '0',
            GIT_OPTIONAL_LOCKS: '0',
            // A repository's config must not make reading it run a program.
            GIT_CONFIG_COUNT: '2',
            GIT_CONFIG_KEY_0: 'core.fsmonitor',
            GIT_CONFIG_VALUE_0: 'false',
            GIT_CONFIG_KEY_1: 'core.hooksPath',
            GIT_CONFIG_VALUE_1: '/dev/null',
          },
        },
        (error, stdout, stderr) => {
          const err = stderr.toString('utf8');
          if (!error) return resolve({ stdout, stderr: err });
          const code = (error as NodeJS.ErrnoException).code ?? null;
          if (code === 'ENOENT') return reject(new BaselineError('io', 'git is not installed or not on PATH: install git to use a git:REV baseline'));
          if (error.killed) return reject(new BaselineError('io', `git ${args.find((a) => !a.startsWith('-'))} took longer than ${this.timeoutMs} ms and was stopped`));
          reject(new GitFailure(typeof code === 'number' ? code : (error as { code?: number }).code ?? null, err));
        },
      );
      child.stdin?.on('error', () => undefined);
      if (input !== undefined) child.stdin?.end(input);
      else child.stdin?.end();
    });
  }

  async topLevel(folder: string): Promise<string> {
    const known = this.tops.get(folder);
    if (known) return known;
    let top: string;
    try {
      top = (await this.run(folder, ['rev-parse', '--show-toplevel'])).stdout.toString('utf8').replace(/\n$/, '');
    } catch (e) {
      if (e instanceof GitFailure) {
        if (/not a git repository/i.test(e.stderr)) {
          throw new BaselineError('not-a-repository', `${folder} is not in a git repository: run git init, or use a folder or file baseline`);
        }
        throw new BaselineError('io', `git cannot read the repository at ${folder}: ${firstLine(e.stderr)}`);
      }
      throw e;
    }
    if (top === '') throw new BaselineError('not-a-repository', `${folder} is not in a git work tree: use a folder or file baseline`);
    // git prints the real path; keep it real so relative paths agree with realpath'd targets.
    top = realOrSelf(top);
    this.tops.set(folder, top);
    return top;
  }

  async resolve(top: string, revision: GitRevision): Promise<string> {
    if (revision.kind === 'rev') return this.commitOf(top, revision.rev, 'git revision');
    const branch = await this.commitOf(top, revision.branch, 'branch');
    const head = await this.commitOf(top, 'HEAD', 'revision');
    try {
      const out = await this.run(top, ['merge-base', '--end-of-options', head, branch]);
      return out.stdout.toString('utf8').trim();
    } catch (e) {
      if (e instanceof GitFailure) {
        throw new BaselineError('not-found', `HEAD and \`${printable(revision.branch)}\` have no common ancestor: pick another branch with merge-base:BRANCH`);
      }
      throw e;
    }
  }

  private async commitOf(top: string, rev: string, what: string): Promise<string> {
    try {
      const out = await this.run(top, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`]);
      const oid = out.stdout.toString('utf8').trim();
      if (/^[0-9a-f]{40,64}$/.test(oid)) return oid;
    } catch (e) {
      if (!(e instanceof GitFailure)) throw e;
    }
    const hint = rev === 'HEAD' ? 'the repository has no commits yet: commit once, or use a folder baseline' : 'name a branch, a tag or a commit that exists';
    throw new BaselineError('not-found', `unknown ${what} \`${printable(rev)}\` in ${top}: ${hint}`);
  }

  /** Reads blobs with one `git cat-file --batch`; ids git reports missing are left out. */
  async catFile(top: string, oids: readonly string[]): Promise<Map<string, string>> {
    const out = await this.run(top, ['cat-file', '--batch'], oids.join('\n') + '\n');
    const texts = new Map<string, string>();
    const buf = out.stdout;
    let at = 0;
    while (at < buf.length) {
      const eol = buf.indexOf(0x0a, at);
      if (eol < 0) break;
      const header = buf.toString('utf8', at, eol).split(' ');
      at = eol + 1;
      if (header.length !== 3) continue; // `<oid> missing`
      const size = Number(header[2]);
      texts.set(header[0]!, buf.toString('utf8', at, at + size));
      at += size + 1;
    }
    return texts;
  }
}

function firstLine(text: string): string {
  return text.split('\n').find((l) => l.trim() !== '')?.replace(/^fatal: /, '').trim() ?? 'unknown error';
}
