/**
 * Indexes a folder's .proto, .avsc and .avdl files in the background, a small batch per
 * event-loop turn, so that requests and edits are answered between batches and a cold open never
 * waits for the whole workspace. Files only get parsed here; linking and checking happen on demand.
 */
import { readdir } from 'node:fs/promises';
import { isAbsolute, join, relative } from 'node:path';
import type { FolderState } from './folders';
import { uriOf } from '../host/protoFiles';

const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out', 'build', '.e2e']);
const BATCH = 25;
const INDEXED = /\.(proto|avsc|avdl)$/;

export interface IndexProgress {
  indexed: number;
  total: number;
}

async function walk(dir: string, out: string[], limit: number, stopped: () => boolean): Promise<void> {
  if (out.length >= limit || stopped()) return;
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    if (out.length >= limit) return;
    const p = join(dir, e.name);
    // Symlinked folders are not followed: they could lead out of the roots or loop.
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name) && !e.name.startsWith('.')) await walk(p, out, limit, stopped);
    } else if (e.isFile() && INDEXED.test(e.name)) {
      out.push(p);
    }
  }
}

/** Whether the folder walk skips this relative path (a root there is walked on its own). */
function hidden(rel: string): boolean {
  return rel.split(/[\\/]/).some((part) => SKIP_DIRS.has(part) || part.startsWith('.'));
}

function within(dir: string, path: string): boolean {
  const rel = relative(dir, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function indexFolder(
  folder: FolderState,
  maxFiles: number,
  onProgress: (p: IndexProgress) => void,
  stopped: () => boolean,
): Promise<void> {
  // .proto files are indexed below the import roots; Avro files, which have no import roots,
  // below the folder. One walk covers both when the roots lie in the folder (the usual case).
  const roots = folder.files.roots.roots;
  const found: string[] = [];
  const starts = [folder.folderPath, ...roots.filter((r) => !within(folder.folderPath, r) || hidden(relative(folder.folderPath, r)))];
  for (const dir of starts) await walk(dir, found, maxFiles, stopped);
  const files = [...new Set(found)].filter((f) => (f.endsWith('.proto') ? roots.some((r) => within(r, f)) : within(folder.folderPath, f)));
  let indexed = 0;
  onProgress({ indexed, total: files.length });
  for (let i = 0; i < files.length && !stopped(); i += BATCH) {
    for (const file of files.slice(i, i + BATCH)) {
      if (!file.endsWith('.proto')) {
        if (!folder.avro.registry.file(uriOf(file))) folder.avro.addFile(file);
      } else if (!folder.project.has(uriOf(file))) folder.files.addFile(file, undefined, { cold: true });
      indexed++;
    }
    onProgress({ indexed, total: files.length });
    await turn();
  }
}
