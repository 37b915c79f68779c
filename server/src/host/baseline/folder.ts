/**
 * Baselines on disk: a folder or a file holding the old version, laid out like PATH, and a glob
 * naming an ordered list of earlier versions of one schema for the transitive modes.
 */
import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, join, relative, resolve, sep } from 'node:path';
import { expandGlob, naturalCompare } from './glob';
import { printable } from './spec';
import { BaselineError, type Baseline, type BaselineFile, type BaselineRequest, type BaselineVersion } from './types';

const SCHEMA_EXTENSIONS = ['.proto', '.avsc', '.avdl'];
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', 'dist']);

/**
 * A folder stands in for each folder PATH (its files take the same relative paths below PATH),
 * and for the folder of each file PATH. A file stands in for the one current file of the request.
 * A text with glob characters that names no existing path is a list of versions.
 */
export function loadPathBaseline(text: string, glob: boolean, request: BaselineRequest): Baseline {
  const abs = resolve(request.base, text);
  let stat;
  try {
    stat = statSync(abs);
  } catch {
    if (glob) return loadVersionList(text, request);
    throw new BaselineError('not-found', `the baseline ${printable(text)} does not exist: give a folder, a file, git:REV or registry:URL#SUBJECT`);
  }
  if (stat.isDirectory()) return { description: text, versions: [{ label: text, files: folderFiles(abs, request) }] };
  if (stat.isFile()) return { description: text, versions: [{ label: text, files: [fileFor(abs, request, text)] }] };
  throw new BaselineError('usage', `the baseline ${printable(text)} is neither a file nor a folder`);
}

function folderFiles(folder: string, request: BaselineRequest): BaselineFile[] {
  const files = new Map<string, BaselineFile>();
  const add = (oldPath: string, currentPath: string) => {
    const path = relative(request.base, currentPath).split(sep).join('/');
    if (files.has(path)) return;
    const text = read(oldPath);
    files.set(path, { path, text, origin: oldPath, diskPath: oldPath });
  };
  for (const target of request.targets) {
    if (target.isFolder) {
      for (const rel of walk(folder)) add(join(folder, rel), join(target.path, rel));
    } else {
      const old = join(folder, basename(target.path));
      if (isFile(old)) add(old, target.path);
    }
  }
  return [...files.values()];
}

function fileFor(abs: string, request: BaselineRequest, text: string): BaselineFile {
  const current = request.singleFile ?? singleTargetFile(request);
  if (!current) {
    throw new BaselineError('usage', `the baseline ${printable(text)} is one file, so PATH must be one schema file too: name the file to compare it with`);
  }
  return { path: relative(request.base, current).split(sep).join('/'), text: read(abs), origin: abs, diskPath: abs };
}

function singleTargetFile(request: BaselineRequest): string | undefined {
  const [only, ...more] = request.targets;
  return only && !only.isFolder && more.length === 0 ? only.path : undefined;
}

/** Every file the pattern names, in natural order (v2 before v10), each one version of the current file. */
export function loadVersionList(pattern: string, request: BaselineRequest): Baseline {
  const current = request.singleFile ?? singleTargetFile(request);
  if (!current) {
    throw new BaselineError('usage', `the baseline ${printable(pattern)} is a list of versions of one schema, so PATH must be one schema file: name the file to compare them with`);
  }
  const currentReal = realOrSelf(current);
  const matches = expandGlob(pattern, request.base)
    .filter((p) => isFile(p) && realOrSelf(p) !== currentReal)
    .map((p) => ({ p, shown: relative(request.base, p).split(sep).join('/') }))
    .sort((a, b) => naturalCompare(a.shown, b.shown));
  if (matches.length === 0) {
    throw new BaselineError('not-found', `no file matches the baseline pattern ${printable(pattern)}: check the pattern, relative to ${request.base}`);
  }
  const path = relative(request.base, current).split(sep).join('/');
  const versions: BaselineVersion[] = matches.map(({ p, shown }) => ({
    label: shown,
    files: [{ path, text: read(p), origin: p, diskPath: p }],
  }));
  return { description: `${pattern} (${versions.length} version${versions.length === 1 ? '' : 's'})`, versions };
}

function walk(root: string): string[] {
  const out: string[] = [];
  const visit = (dir: string, prefix: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      throw new BaselineError('io', `cannot read the baseline folder ${dir}`);
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const rel = prefix ? join(prefix, e.name) : e.name;
      if (e.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(e.name)) visit(join(dir, e.name), rel);
      } else if (SCHEMA_EXTENSIONS.some((ext) => e.name.toLowerCase().endsWith(ext)) && isFile(join(dir, e.name))) {
        out.push(rel);
      }
    }
  };
  visit(root, '');
  return out;
}

function read(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new BaselineError('io', `cannot read the baseline file ${path}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function realOrSelf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}
