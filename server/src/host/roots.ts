/**
 * Finds the import roots of .proto files, in the order DESIGN.md gives: the modules of a
 * buf.work.yaml or buf.yaml found at or above the folder; else the configured import paths
 * (`eventSchemas.importPaths` or `-I`); else the folder itself. The well-known types always
 * resolve, from the copy shipped next to the bundles.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';

export type RootsSource = 'buf.work.yaml' | 'buf.yaml' | 'importPaths' | 'folder';

export interface ImportRoots {
  /** Absolute folders, searched in order. The well-known types' folder is not listed; see `wktRoot`. */
  readonly roots: readonly string[];
  readonly source: RootsSource;
  /** The buf.yaml or buf.work.yaml the roots came from. */
  readonly configFile?: string;
  /** Problems with the configuration, e.g. a buf.yaml that is not valid YAML. */
  readonly problems: readonly string[];
}

function readYaml(file: string, problems: string[]): Record<string, unknown> | undefined {
  try {
    const value: unknown = parseYaml(readFileSync(file, 'utf8'));
    if (value && typeof value === 'object') return value as Record<string, unknown>;
    problems.push(`${file}: expected a YAML mapping`);
  } catch (e) {
    problems.push(`${file}: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
  }
  return undefined;
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** The roots one buf.yaml declares: v2 `modules[].path`, v1beta1 `build.roots`, else its own folder. */
export function rootsOfBufYaml(file: string, problems: string[]): string[] {
  const dir = dirname(file);
  const doc = readYaml(file, problems);
  if (!doc) return [dir];
  if (doc.version === 'v2' && Array.isArray(doc.modules)) {
    const paths = doc.modules
      .map((m) => (m && typeof m === 'object' ? (m as Record<string, unknown>).path : undefined))
      .filter((p): p is string => typeof p === 'string');
    return paths.length ? unique(paths.map((p) => resolve(dir, p))) : [dir];
  }
  const build = doc.build as Record<string, unknown> | undefined;
  const roots = stringList(build?.roots);
  return roots.length ? roots.map((r) => resolve(dir, r)) : [dir];
}

function unique(xs: string[]): string[] {
  return [...new Set(xs)];
}

function findUp(folder: string, names: readonly string[], known?: Map<string, string | null>): string | undefined {
  let dir = resolve(folder);
  const key = names.join('\0');
  const asked: string[] = [];
  let found: string | undefined;
  for (;;) {
    const answer = known?.get(`${dir}\0${key}`);
    if (answer !== undefined) {
      found = answer ?? undefined;
      break;
    }
    asked.push(dir);
    for (const name of names) {
      const candidate = join(dir, name);
      if (existsSync(candidate)) {
        found = candidate;
        break;
      }
    }
    if (found) break;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  // Every folder walked through has the same answer as the one it ended at.
  if (known) for (const d of asked) known.set(`${d}\0${key}`, found ?? null);
  return found;
}

export interface RootsOptions {
  /** `eventSchemas.importPaths` or `-I` folders; relative ones are taken from `folder`. */
  readonly importPaths?: readonly string[];
  /** Stop looking for buf configuration above this folder (the workspace folder). */
  readonly ceiling?: string;
  /**
   * Which folders' buf configuration was looked for already, and what was found: for a caller
   * that asks about many folders at one moment (a CLI run over a tree) and so walks the same
   * parents again and again. The files must not change while it is used.
   */
  readonly configFiles?: Map<string, string | null>;
}

export function discoverRoots(folder: string, options: RootsOptions = {}): ImportRoots {
  const problems: string[] = [];
  const start = existsSync(folder) && statSync(folder).isFile() ? dirname(folder) : folder;
  const work = findUp(start, ['buf.work.yaml'], options.configFiles);
  if (work && within(work, options.ceiling)) {
    const doc = readYaml(work, problems);
    const dirs = stringList(doc?.directories);
    if (dirs.length) {
      const roots = dirs.flatMap((d) => {
        const moduleDir = resolve(dirname(work), d);
        const bufYaml = join(moduleDir, 'buf.yaml');
        return existsSync(bufYaml) ? rootsOfBufYaml(bufYaml, problems) : [moduleDir];
      });
      return { roots: unique(roots), source: 'buf.work.yaml', configFile: work, problems };
    }
  }
  const buf = findUp(start, ['buf.yaml', 'buf.yml'], options.configFiles);
  if (buf && within(buf, options.ceiling)) {
    return { roots: rootsOfBufYaml(buf, problems), source: 'buf.yaml', configFile: buf, problems };
  }
  if (options.importPaths?.length) {
    const base = options.ceiling ?? start;
    const roots = options.importPaths.map((p) => (isAbsolute(p) ? p : resolve(base, p)));
    return { roots: unique(roots), source: 'importPaths', problems };
  }
  return { roots: [resolve(start)], source: 'folder', problems };
}

function within(file: string, ceiling: string | undefined): boolean {
  if (!ceiling) return true;
  const c = resolve(ceiling);
  const d = dirname(resolve(file));
  return d === c || d.startsWith(c + '/') || d.startsWith(c + '\\');
}

/**
 * The folder holding google/protobuf/*.proto: `wkt/` next to the running bundle (dist/), or the
 * `protoc` package's include folder when running from source.
 */
export function wktRoot(): string {
  const candidates = [
    join(__dirname, 'wkt'),
    join(__dirname, '..', 'dist', 'wkt'),
    join(__dirname, '..', '..', '..', 'dist', 'wkt'),
    join(__dirname, '..', '..', '..', 'node_modules', 'protoc', 'include'),
  ];
  for (const c of candidates) {
    if (existsSync(join(c, 'google', 'protobuf', 'descriptor.proto'))) return c;
  }
  return candidates[0]!;
}
