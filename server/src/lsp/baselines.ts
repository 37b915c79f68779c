/**
 * The baselines the editor compares open schema files with, loaded once and kept: one per
 * workspace folder and baseline setting (a git revision or a folder stands for the whole folder),
 * or per file for baselines that hold one schema (a file, a list of versions, a registry subject).
 *
 * Loading is asynchronous and never blocks a check: a check that finds its baseline still loading
 * compares nothing, and the folder's open files are checked again once it is there. Git blobs are
 * cached by object id across reloads; a git baseline is read again only when HEAD moves, and a
 * folder baseline when a file below it changes. Everything derived from a baseline (its images,
 * parsed Avro files) lives in the entry's cache and goes with it.
 *
 * Untrusted workspaces get no baseline at all: no git process, no registry request, no read.
 */
import { statSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import {
  BaselineError,
  GitCache,
  loadBaseline,
  parseBaselineSpec,
  type Baseline,
  type BaselineFile,
  type BaselineRequest,
  type BaselineSpec,
  type Credentials,
} from '../host/baseline';
import { gitDirOf, watchHead } from '../host/gitRefs';
import type { BaselineStatusParams, RegistryCredentials } from '../protocol';
import { baselineUri } from '../service/breaking/baselineUri';
import type { Logger } from './runSafe';

export type EntryState = 'loading' | 'ready' | 'error';

export class BaselineEntry {
  state: EntryState = 'loading';
  baseline: Baseline | undefined;
  error: BaselineError | undefined;
  /** Bumped each time the baseline's content changes, so derived results can tell they are stale. */
  generation = 0;
  private cache = new Map<string, unknown>();
  private byPath: Map<string, BaselineFile>[] = [];
  loading: Promise<void> | undefined;

  constructor(
    readonly key: string,
    readonly folderPath: string,
    readonly text: string,
    readonly spec: BaselineSpec,
    /** The one current file a single-schema baseline stands for. */
    readonly singleFile: string | undefined,
  ) {}

  get versionCount(): number {
    return this.baseline?.versions.length ?? 0;
  }

  /** The old version of the file at `relPath` (relative to the folder, `/` separators), if that version has it. */
  fileAt(version: number, relPath: string): BaselineFile | undefined {
    return this.byPath[version]?.get(relPath);
  }

  /** The uri an old file gets in images and diagnostics: one the client can open (`baselineContentRequest`). */
  uriOf(version: number, file: BaselineFile): string {
    return baselineUri({ path: resolve(this.folderPath, file.path), baseline: this.text, ...(this.versionCount > 1 ? { version } : {}) });
  }

  /** How many derived values were computed so far: a check that computed one was not a typical edit. */
  builds = 0;

  /** A value derived from this baseline, computed once per content generation. */
  cached<T>(key: string, make: () => T): T {
    if (this.cache.has(key)) return this.cache.get(key) as T;
    this.builds++;
    const value = make();
    this.cache.set(key, value);
    return value;
  }

  set(baseline: Baseline): boolean {
    const same = this.baseline !== undefined && sameContent(this.baseline, baseline);
    this.baseline = baseline;
    this.error = undefined;
    this.state = 'ready';
    if (same) return false;
    this.generation++;
    this.cache = new Map();
    this.byPath = baseline.versions.map((v) => {
      const m = new Map<string, BaselineFile>();
      for (const f of v.files) if (!f.reference && !m.has(f.path)) m.set(f.path, f);
      return m;
    });
    return true;
  }

  fail(error: BaselineError): void {
    this.state = 'error';
    this.error = error;
    this.baseline = undefined;
    this.byPath = [];
    this.cache = new Map();
    this.generation++;
  }
}

function sameContent(a: Baseline, b: Baseline): boolean {
  if (a.description !== b.description || a.compatibility !== b.compatibility || a.versions.length !== b.versions.length) return false;
  return a.versions.every((v, i) => {
    const w = b.versions[i]!;
    return v.files.length === w.files.length && v.files.every((f, j) => f.path === w.files[j]!.path && f.text === w.files[j]!.text);
  });
}

export interface BaselinesOptions {
  readonly log: Logger;
  readonly trusted: () => boolean;
  /** A baseline of the folder finished loading or changed: its open files need checking again. */
  readonly changed: (folderPath: string) => void;
  readonly status: (params: BaselineStatusParams) => void;
  /** The Protobuf import roots of the folder: a git baseline also brings the old files there. */
  readonly importRoots: (folderPath: string) => readonly string[];
  readonly folderUri: (folderPath: string) => string;
}

export class Baselines {
  private readonly entries = new Map<string, BaselineEntry>();
  /** Whether a path setting names a folder (one baseline for the folder) or a file / versions (one per file). */
  private readonly kinds = new Map<string, 'folder' | 'file'>();
  private readonly credentials = new Map<string, Credentials>();
  private readonly watchers = new Map<string, () => void>();
  readonly gitCache = new GitCache();

  constructor(private readonly options: BaselinesOptions) {}

  /**
   * The baseline for a file of the folder under the setting `text`; starts loading it the first
   * time. Undefined when the workspace is untrusted or the setting cannot be read (reported).
   */
  get(folderPath: string, text: string, filePath: string | undefined): BaselineEntry | undefined {
    if (!this.options.trusted()) return undefined;
    let spec: BaselineSpec;
    try {
      spec = parseBaselineSpec(text);
    } catch (e) {
      const key = `${folderPath}\0${text}\0`;
      let entry = this.entries.get(key);
      if (!entry) {
        entry = new BaselineEntry(key, folderPath, text, { kind: 'path', path: text, glob: false }, undefined);
        entry.fail(e instanceof BaselineError ? e : new BaselineError('usage', String(e)));
        this.entries.set(key, entry);
        this.report(entry);
      }
      return entry;
    }
    const single = this.isSingleSchema(folderPath, text, spec);
    if (single && filePath === undefined) return undefined;
    return this.entry(folderPath, text, single ? filePath : undefined, spec);
  }

  /** The entry for a baseline document, loading it when needed (after a restart, VS Code asks for old uris). */
  async whenLoaded(entry: BaselineEntry): Promise<BaselineEntry> {
    if (entry.loading) await entry.loading;
    return entry;
  }

  private entry(folderPath: string, text: string, singleFile: string | undefined, spec: BaselineSpec): BaselineEntry {
    const key = `${folderPath}\0${text}\0${singleFile ?? ''}`;
    let entry = this.entries.get(key);
    if (!entry) {
      entry = new BaselineEntry(key, folderPath, text, spec, singleFile);
      this.entries.set(key, entry);
      this.load(entry);
    }
    return entry;
  }

  private isSingleSchema(folderPath: string, text: string, spec: BaselineSpec): boolean {
    if (spec.kind === 'registry') return true;
    if (spec.kind === 'git') return false;
    const key = `${folderPath}\0${text}`;
    let kind = this.kinds.get(key);
    if (!kind) {
      try {
        kind = statSync(resolve(folderPath, spec.path)).isDirectory() ? 'folder' : 'file';
      } catch {
        kind = spec.glob ? 'file' : 'folder';
      }
      this.kinds.set(key, kind);
    }
    return kind === 'file';
  }

  private load(entry: BaselineEntry): void {
    const request: BaselineRequest = entry.singleFile
      ? { base: entry.folderPath, targets: [{ path: entry.singleFile, isFolder: false }], singleFile: entry.singleFile }
      : { base: entry.folderPath, targets: [{ path: entry.folderPath, isFolder: true }], extraFolders: this.options.importRoots(entry.folderPath) };
    const credentials = entry.spec.kind === 'registry' ? this.credentials.get(registryKey(entry.spec.url)) : undefined;
    const first = entry.state === 'loading' && entry.baseline === undefined;
    if (first) this.report(entry);
    const run = loadBaseline(entry.spec, request, {
      git: { cache: this.gitCache },
      registry: credentials ? { credentials } : {},
    }).then(
      (baseline) => {
        if (this.entries.get(entry.key) !== entry) return;
        const changed = entry.set(baseline);
        this.options.log.info(`baseline ${baseline.description} loaded for ${entry.singleFile ?? entry.folderPath}`);
        if (entry.spec.kind === 'git') this.watchGit(entry.folderPath);
        this.report(entry);
        if (changed || first) this.options.changed(entry.folderPath);
      },
      (e: unknown) => {
        if (this.entries.get(entry.key) !== entry) return;
        const error = e instanceof BaselineError ? e : new BaselineError('io', `cannot load the baseline: ${e instanceof Error ? e.message : String(e)}`);
        this.options.log.info(`baseline ${entry.text} not loaded: ${error.message}`);
        entry.fail(error);
        // A repository without commits yet gets its baseline with the first one.
        if (entry.spec.kind === 'git') this.watchGit(entry.folderPath);
        this.report(entry);
        this.options.changed(entry.folderPath);
      },
    );
    const loading: Promise<void> = run.finally(() => {
      if (entry.loading === loading) entry.loading = undefined;
    });
    entry.loading = loading;
  }

  /** Reads the folder's git baselines again when HEAD moves; unchanged content changes nothing. */
  private watchGit(folderPath: string): void {
    if (this.watchers.has(folderPath)) return;
    const gitDir = gitDirOf(folderPath);
    if (!gitDir) return;
    this.watchers.set(
      folderPath,
      watchHead(gitDir, () => {
        for (const entry of this.entries.values()) {
          if (entry.folderPath === folderPath && entry.spec.kind === 'git' && !entry.loading) this.load(entry);
        }
      }),
    );
  }

  /** A schema file changed on disk: folder and file baselines that hold it are read again. */
  fileChanged(path: string): void {
    for (const entry of this.entries.values()) {
      if (entry.spec.kind !== 'path' || entry.loading) continue;
      const base = resolve(entry.folderPath, entry.spec.path);
      const holds = entry.spec.glob ? dirname(path).startsWith(dirname(base)) : path === base || isInside(base, path);
      if (holds) this.load(entry);
    }
  }

  /** Credentials for a registry (null forgets them); its baselines are loaded again with them. */
  setCredentials(url: string, credentials: RegistryCredentials | null): void {
    const key = registryKey(url);
    if (credentials) this.credentials.set(key, credentials);
    else this.credentials.delete(key);
    for (const entry of [...this.entries.values()]) {
      if (entry.spec.kind === 'registry' && registryKey(entry.spec.url) === key) this.drop(entry);
    }
  }

  /** Forgets baselines no longer named by a setting (`keep` says which settings are), and stops their watches. */
  retain(keep: (folderPath: string, text: string) => boolean): void {
    this.kinds.clear();
    for (const entry of [...this.entries.values()]) if (!keep(entry.folderPath, entry.text)) this.drop(entry);
    for (const [folder, stop] of this.watchers) {
      if (![...this.entries.values()].some((e) => e.folderPath === folder && e.spec.kind === 'git')) {
        stop();
        this.watchers.delete(folder);
      }
    }
  }

  private drop(entry: BaselineEntry): void {
    this.entries.delete(entry.key);
    this.options.changed(entry.folderPath);
  }

  /** The entries of a folder under a setting (several for single-schema baselines). */
  entriesOf(folderPath: string, text: string): BaselineEntry[] {
    return [...this.entries.values()].filter((e) => e.folderPath === folderPath && e.text === text);
  }

  private report(entry: BaselineEntry): void {
    const folder = this.options.folderUri(entry.folderPath);
    const base = { folder, baseline: entry.text };
    if (entry.state === 'loading') this.options.status({ ...base, state: 'loading' });
    else if (entry.state === 'error') this.options.status({ ...base, state: 'error', message: entry.error?.message ?? 'the baseline cannot be loaded' });
    else this.options.status({ ...base, state: 'ready', ...(entry.baseline ? { description: entry.baseline.description } : {}) });
  }

  dispose(): void {
    for (const stop of this.watchers.values()) stop();
    this.watchers.clear();
    this.entries.clear();
  }
}

/** Credentials are kept per registry address, whatever its trailing slash or letter case. */
function registryKey(url: string): string {
  try {
    const u = new URL(url);
    u.username = '';
    u.password = '';
    return u.href.replace(/\/+$/, '');
  } catch {
    return url.replace(/\/+$/, '');
  }
}

/** A path relative to a folder with `/` separators, as baselines name files. */
export function relPath(folderPath: string, path: string): string {
  return relative(folderPath, path).split(sep).join('/');
}

function isInside(dir: string, path: string): boolean {
  const rel = relative(dir, path);
  return rel !== '' && !rel.startsWith('..') && !rel.startsWith(sep);
}
