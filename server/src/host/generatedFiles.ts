/**
 * The editor's view of generated code on disk: where a workspace folder's output folder is, the
 * header of a generated module (for "generated code is stale"), and the schema files below a
 * folder (for "Generate handlers" on a folder). Reads only below the workspace folder, after
 * resolving symlinks, so a setting or a link cannot lead reads or writes elsewhere.
 */
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';

/** `eventSchemas.generate.outDir` when empty: next to the TypeScript sources when there are any. */
export function defaultOutDir(folder: string): string {
  return isDirectory(join(folder, 'src')) && existsSync(join(folder, 'tsconfig.json')) ? 'src/generated/events' : 'generated';
}

export type OutDir = { readonly path: string } | { readonly error: string };

/**
 * The absolute output folder for a workspace folder and a setting value, or why it cannot be used:
 * it must lie inside the folder, also once symlinks in its existing part are resolved.
 */
export function resolveOutDir(folder: string, setting: string): OutDir {
  const value = setting.trim() || defaultOutDir(folder);
  const path = resolve(folder, value);
  if (path !== resolve(folder) && !inside(folder, path)) return { error: `eventSchemas.generate.outDir "${value}" lies outside the workspace folder: choose a folder inside it` };
  const realFolder = real(folder);
  const realOut = real(existingAncestor(path));
  if (realFolder === undefined || realOut === undefined || !(realOut === realFolder || inside(realFolder, realOut))) {
    return { error: `eventSchemas.generate.outDir "${value}" leads outside the workspace folder through a symbolic link: choose a folder inside it` };
  }
  return { path };
}

interface CachedHeader {
  readonly mtimeMs: number;
  readonly size: number;
  readonly head: string;
}

/**
 * The first lines of files, re-read only when their modification time or size changes: diagnostics
 * ask on every edit of a schema, and must not read whole modules each time.
 */
export class HeaderCache {
  private readonly entries = new Map<string, CachedHeader>();

  /** The first 1 KiB of the file as text, or undefined when there is no regular file there. */
  head(path: string): string | undefined {
    let st;
    try {
      st = statSync(path);
    } catch {
      this.entries.delete(path);
      return undefined;
    }
    if (!st.isFile()) return undefined;
    const cached = this.entries.get(path);
    if (cached && cached.mtimeMs === st.mtimeMs && cached.size === st.size) return cached.head;
    let head: string;
    try {
      head = readFileSync(path, 'utf8').slice(0, 1024);
    } catch {
      return undefined;
    }
    this.entries.set(path, { mtimeMs: st.mtimeMs, size: st.size, head });
    return head;
  }
}

const SKIPPED = new Set(['node_modules', 'dist', 'out', 'build']);
const SCHEMA = /\.(proto|avsc|avdl)$/i;

/** The schema files below a folder, in a stable order; hidden, dependency and output folders are skipped. Symlinked folders are not followed. */
export function schemaFilesBelow(dir: string, limit = 50_000): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    let entries;
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (out.length >= limit) return;
      const p = join(d, e.name);
      if (e.isDirectory()) {
        if (!SKIPPED.has(e.name) && !e.name.startsWith('.')) walk(p);
      } else if (e.isFile() && SCHEMA.test(e.name)) out.push(p);
    }
  };
  walk(dir);
  return out;
}

export function inside(dir: string, path: string): boolean {
  const rel = relative(dir, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

function existingAncestor(path: string): string {
  let p = path;
  while (!existsSync(p)) {
    const up = dirname(p);
    if (up === p) return p;
    p = up;
  }
  return p;
}

function real(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

export function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
