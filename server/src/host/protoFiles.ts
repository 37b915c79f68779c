/**
 * Connects the pure ProtoProject to the disk: gives each file its import path from the import
 * roots, and loads the files an import names. It reads only below the import roots and the
 * well-known types' folder, after resolving symlinks, so an import such as "../../x.proto" or a
 * symlink pointing out of a root never reads outside them.
 */
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, normalize, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ProtoProject } from '../core/proto/project';
import { wktRoot, type ImportRoots } from './roots';

export function uriOf(absPath: string): string {
  return pathToFileURL(absPath).href;
}

export function pathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

function realOrUndefined(p: string): string | undefined {
  try {
    // The system call, not Node's JavaScript walk that lstat()s every component of every path:
    // the CLI asks this of each of thousands of files.
    return realpathSync.native(p);
  } catch {
    return undefined;
  }
}

function inside(dir: string, file: string): boolean {
  const rel = relative(dir, file);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

export class ProtoFiles {
  /** Every root the loader may read from: the import roots, then the well-known types. */
  private readonly searchRoots: { dir: string; real: string }[];
  /** Files that failed to load, so a missing import is not retried on every keystroke. */
  private readonly missing = new Set<string>();

  constructor(
    readonly project: ProtoProject,
    readonly roots: ImportRoots,
    /** Text of files open in the editor, which wins over the disk. */
    private readonly overlay: (uri: string) => string | undefined = () => undefined,
  ) {
    const dirs = [...roots.roots, wktRoot()];
    this.searchRoots = [];
    for (const dir of dirs) {
      const real = realOrUndefined(dir);
      if (real && !this.searchRoots.some((r) => r.real === real)) this.searchRoots.push({ dir, real });
    }
  }

  /** The path other files import this file by: relative to the first root holding it. */
  importPathOf(absPath: string): string | undefined {
    const real = realOrUndefined(absPath) ?? normalize(absPath);
    for (const root of this.searchRoots) {
      if (inside(root.real, real)) return relative(root.real, real).split(sep).join('/');
      if (inside(root.dir, absPath)) return relative(root.dir, absPath).split(sep).join('/');
    }
    return undefined;
  }

  /** Whether the file lies below one of the roots (symlinks resolved). */
  isInsideRoots(absPath: string): boolean {
    const real = realOrUndefined(absPath);
    return real !== undefined && this.searchRoots.some((r) => inside(r.real, real));
  }

  /**
   * Adds a file the user works on (open in the editor or named on the command line). A file
   * outside every root still gets an import path, its name relative to the first root, so that
   * it can be checked on its own.
   */
  addFile(absPath: string, text?: string, options: { cold?: boolean } = {}): string | undefined {
    const uri = uriOf(absPath);
    const content = text ?? this.overlay(uri) ?? this.read(absPath);
    if (content === undefined) return undefined;
    const importPath =
      this.importPathOf(absPath) ?? relative(this.searchRoots[0]?.dir ?? '', absPath).split(sep).join('/');
    this.project.setFile({ uri, importPath, text: content }, options);
    return uri;
  }

  /** Finds an import path in the roots, in order, and returns the absolute file if it exists there. */
  locate(importPath: string): string | undefined {
    if (isAbsolute(importPath) || importPath.includes('\\')) return undefined;
    for (const root of this.searchRoots) {
      const candidate = normalize(join(root.dir, importPath));
      if (!inside(root.dir, candidate)) continue;
      const real = realOrUndefined(candidate);
      if (!real || !inside(root.real, real)) continue;
      try {
        if (statSync(real).isFile()) return candidate;
      } catch {
        continue;
      }
    }
    return undefined;
  }

  /**
   * Loads, transitively, every import of the given files that the project cannot answer yet.
   * Returns the uris that were added.
   */
  loadImports(uris: Iterable<string>): string[] {
    const added: string[] = [];
    const queue = [...uris];
    while (queue.length) {
      const uri = queue.pop()!;
      for (const importPath of this.project.unresolvedImports(uri)) {
        if (this.missing.has(importPath)) continue;
        const file = this.locate(importPath);
        if (!file) {
          this.missing.add(importPath);
          continue;
        }
        const text = this.overlay(uriOf(file)) ?? this.read(file);
        if (text === undefined) {
          this.missing.add(importPath);
          continue;
        }
        const fileUri = uriOf(file);
        // Imported files are read, not edited: their trees may be dropped to save memory.
        this.project.setFile({ uri: fileUri, importPath: this.importPathOf(file) ?? importPath, text }, { cold: true });
        added.push(fileUri);
        queue.push(fileUri);
      }
    }
    return added;
  }

  /** Forget failed look-ups, e.g. after files were created on disk. */
  forgetMissing(): void {
    this.missing.clear();
  }

  private read(absPath: string): string | undefined {
    try {
      return readFileSync(absPath, 'utf8');
    } catch {
      return undefined;
    }
  }
}
