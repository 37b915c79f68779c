/**
 * Indexes a folder's .proto files in the background, a small batch per event-loop turn, so that
 * requests and edits are answered between batches and a cold open never waits for the whole
 * workspace. Files only get parsed here; linking and checking happen on demand.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { FolderState } from './folders';
import { uriOf } from '../host/protoFiles';

const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out', 'build', '.e2e']);
const BATCH = 25;

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
    } else if (e.isFile() && e.name.endsWith('.proto')) {
      out.push(p);
    }
  }
}

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function indexFolder(
  folder: FolderState,
  maxFiles: number,
  onProgress: (p: IndexProgress) => void,
  stopped: () => boolean,
): Promise<void> {
  const files: string[] = [];
  for (const root of folder.files.roots.roots) await walk(root, files, maxFiles, stopped);
  let indexed = 0;
  onProgress({ indexed, total: files.length });
  for (let i = 0; i < files.length && !stopped(); i += BATCH) {
    for (const file of files.slice(i, i + BATCH)) {
      if (!folder.project.has(uriOf(file))) folder.files.addFile(file, undefined, { cold: true });
      indexed++;
    }
    onProgress({ indexed, total: files.length });
    await turn();
  }
}
