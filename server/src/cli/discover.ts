/**
 * Finds the schema files a command works on. A folder is searched recursively, in a stable
 * order, skipping dependency and output folders; a file named explicitly is taken as it is.
 * Symlinked folders are not followed, so a link cycle cannot make the walk endless.
 */
import { readdirSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';

export const SCHEMA_EXTENSIONS: readonly string[] = ['.proto', '.avsc', '.avdl'];

const SKIPPED_FOLDERS = new Set(['node_modules', '.git', 'dist']);

export interface FoundFile {
  /** Absolute path. */
  readonly path: string;
  /** The absolute PATH argument the file was found under (the file itself when named directly). */
  readonly origin: string;
  /** Whether `origin` is a folder. */
  readonly originIsFolder: boolean;
}

export interface Discovery {
  readonly files: readonly FoundFile[];
  /** PATH arguments that do not exist or are not schema files; each one is a usage or I/O error. */
  readonly errors: readonly string[];
  /** Folders that could not be listed; the walk went on without them. */
  readonly unreadable: readonly string[];
}

export function isSchemaFile(path: string): boolean {
  return SCHEMA_EXTENSIONS.includes(extname(path).toLowerCase());
}

export function discoverFiles(paths: readonly string[], cwd: string): Discovery {
  const files: FoundFile[] = [];
  const seen = new Set<string>();
  const errors: string[] = [];
  const unreadable: string[] = [];
  for (const arg of paths) {
    const origin = resolve(cwd, arg);
    let isDir: boolean;
    try {
      const st = statSync(origin);
      isDir = st.isDirectory();
      if (!isDir && !st.isFile()) {
        errors.push(`${arg} is neither a file nor a folder`);
        continue;
      }
    } catch {
      errors.push(`${arg} does not exist`);
      continue;
    }
    const add = (path: string) => {
      if (seen.has(path)) return;
      seen.add(path);
      files.push({ path, origin, originIsFolder: isDir });
    };
    if (!isDir) {
      if (isSchemaFile(origin)) add(origin);
      else errors.push(`${arg} is not a schema file: expected ${SCHEMA_EXTENSIONS.join(', ')}`);
      continue;
    }
    walk(origin, add, unreadable);
  }
  return { files, errors, unreadable };
}

function walk(dir: string, add: (path: string) => void, unreadable: string[]): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    unreadable.push(dir);
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name)) walk(path, add, unreadable);
    } else if (isSchemaFile(entry.name) && (entry.isFile() || isFileLink(path))) {
      add(path);
    }
  }
}

function isFileLink(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
