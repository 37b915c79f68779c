/**
 * Checks .proto files. Files are grouped by their import roots (the nearest buf.work.yaml or
 * buf.yaml above each file, else the -I folders, else the PATH folder they were found under);
 * each group is one ProtoProject, so imports resolve the way buf or protoc would resolve them.
 */
import { dirname } from 'node:path';
import type { ProtoImage } from '../../core/compat/proto/image';
import { pathOf } from '../../host/protoFiles';
import { discoverRoots, type ImportRoots } from '../../host/roots';
import type { CheckedFile, CheckerOptions, CheckerResult, InputFile, SchemaChecker } from './checker';
import { checkGroup } from './protoGroup';

interface Group {
  readonly roots: ImportRoots;
  readonly files: InputFile[];
}

export interface ProtoCheckResult extends CheckerResult {
  /**
   * Each group's image, by `rootsKey`: its files are the module, what they import the
   * dependencies. Only when asked for.
   */
  readonly images: ReadonlyMap<string, ProtoImage>;
}

/** Files with the same import roots form one group; `breaking` groups its files by the same key. */
export function rootsKey(roots: ImportRoots): string {
  return roots.roots.join('\0');
}

function rootsFor(file: InputFile, options: CheckerOptions, cache: Map<string, ImportRoots>): ImportRoots {
  const dir = dirname(file.path);
  let found = cache.get(dir);
  if (!found) {
    found = discoverRoots(dir, { importPaths: options.importPaths, configFiles: options.configFiles });
    cache.set(dir, found);
  }
  if (found.source !== 'folder') return found;
  // Without configuration the root is the PATH folder, not the file's own folder, so that
  // `check .` at the top of a protoc-style tree resolves `import "a/b.proto"`.
  return { roots: [file.originIsFolder ? file.origin : dirname(file.origin)], source: 'folder', problems: [] };
}

/**
 * Checks the files and, with `images`, builds each group's image in the same pass (see
 * protoGroup.ts), so `breaking` parses and links the current files once for both.
 */
export function checkProto(files: readonly InputFile[], options: CheckerOptions, want: { images: boolean }): ProtoCheckResult {
  const cache = new Map<string, ImportRoots>();
  const groups = new Map<string, Group>();
  const problems = new Set<string>();
  for (const file of files) {
    const roots = rootsFor(file, options, cache);
    for (const p of roots.problems) problems.add(p);
    const key = rootsKey(roots);
    const group = groups.get(key);
    if (group) group.files.push(file);
    else groups.set(key, { roots, files: [file] });
  }

  const checked: CheckedFile[] = [];
  const images = new Map<string, ProtoImage>();
  // Texts by uri rather than the projects themselves, so the projects are garbage once checked.
  const sources = new Map<string, { readonly path: string; readonly text: string }>();
  for (const [key, group] of groups) {
    const done = checkGroup(group.files, group.roots, want.images);
    checked.push(...done.files);
    if (done.image) images.set(key, done.image);
    for (const uri of done.project.uris()) {
      const state = done.project.get(uri);
      const path = pathOf(uri);
      if (state && path && !sources.has(uri)) sources.set(uri, { path, text: state.text });
    }
  }

  return {
    files: checked,
    problems: [...problems],
    source: (uri) => sources.get(uri),
    images,
  };
}

export const protoChecker: SchemaChecker = {
  name: 'protobuf',
  extensions: ['.proto'],
  check: (files, options) => checkProto(files, options, { images: false }),
};
