/**
 * One side of a Protobuf comparison as an image, built from file texts: the module's files, then
 * every file their imports reach. Shared by `event-schemas breaking` and the editor's baselines.
 */
import { readFileSync } from 'node:fs';
import { buildProtoImageFromTexts, type TextInput } from '../../core/compat/proto/fromTexts';
import type { ProtoImage } from '../../core/compat/proto/image';
import { ProtoProject } from '../../core/proto/project';
import { ProtoFiles, uriOf } from '../protoFiles';
import type { ImportRoots } from '../roots';

export interface SideFile {
  readonly uri: string;
  /** The import path. */
  readonly path: string;
  readonly text: string;
}

/**
 * One side's image, built file by file from the texts (only one syntax tree in memory at a time):
 * the module's files, then every file their imports reach, transitively, from `brought` or else
 * from the import roots and the well-known types on disk.
 */
export function imageOf(module: readonly SideFile[], brought: ReadonlyMap<string, SideFile>, roots: ImportRoots): ProtoImage {
  const texts = new Map<string, string>();
  const inputs: TextInput[] = [];
  const seen = new Set<string>();
  const queue: string[] = [];
  for (const f of module) {
    if (seen.has(f.path)) continue;
    seen.add(f.path);
    texts.set(f.uri, f.text);
    inputs.push({ uri: f.uri, path: f.path });
    queue.push(f.text);
  }
  const disk = new ProtoFiles(new ProtoProject(), roots);
  while (queue.length) {
    for (const path of importsOf(queue.pop()!)) {
      if (seen.has(path)) continue;
      seen.add(path);
      let dep = brought.get(path);
      if (!dep) {
        const file = disk.locate(path);
        const text = file === undefined ? undefined : readOrUndefined(file);
        if (file === undefined || text === undefined) continue; // the file's own diagnostics name it
        dep = { uri: uriOf(file), path, text };
      }
      texts.set(dep.uri, dep.text);
      inputs.push({ uri: dep.uri, path, isImport: true });
      queue.push(dep.text);
    }
  }
  return buildProtoImageFromTexts(inputs, (uri) => texts.get(uri));
}

/**
 * The paths a file imports. A scan of the text rather than a parse: the image builder parses each
 * file once anyway, and an import inside a comment only adds a dependency that is never compared.
 */
export function importsOf(text: string): string[] {
  const out: string[] = [];
  const re = /(?:^|[;}])\s*import\s+(?:(?:public|weak)\s+)?(?:"([^"\n]*)"|'([^'\n]*)')/gm;
  for (const m of text.matchAll(re)) out.push((m[1] ?? m[2])!);
  return out;
}

function readOrUndefined(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
