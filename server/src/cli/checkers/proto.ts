/**
 * Checks .proto files. Files are grouped by their import roots (the nearest buf.work.yaml or
 * buf.yaml above each file, else the -I folders, else the PATH folder they were found under);
 * each group is one ProtoProject, so imports resolve the way buf or protoc would resolve them.
 */
import { dirname } from 'node:path';
import { ProtoProject } from '../../core/proto/project';
import { ProtoFiles, pathOf } from '../../host/protoFiles';
import { discoverRoots, type ImportRoots } from '../../host/roots';
import type { CheckedFile, CheckerOptions, CheckerResult, InputFile, SchemaChecker } from './checker';

interface Group {
  readonly roots: ImportRoots;
  readonly files: InputFile[];
}

function rootsFor(file: InputFile, options: CheckerOptions, cache: Map<string, ImportRoots>): ImportRoots {
  const dir = dirname(file.path);
  let found = cache.get(dir);
  if (!found) {
    found = discoverRoots(dir, { importPaths: options.importPaths });
    cache.set(dir, found);
  }
  if (found.source !== 'folder') return found;
  // Without configuration the root is the PATH folder, not the file's own folder, so that
  // `check .` at the top of a protoc-style tree resolves `import "a/b.proto"`.
  return { roots: [file.originIsFolder ? file.origin : dirname(file.origin)], source: 'folder', problems: [] };
}

export const protoChecker: SchemaChecker = {
  name: 'protobuf',
  extensions: ['.proto'],
  check(files: readonly InputFile[], options: CheckerOptions): CheckerResult {
    const cache = new Map<string, ImportRoots>();
    const groups = new Map<string, Group>();
    const problems = new Set<string>();
    for (const file of files) {
      const roots = rootsFor(file, options, cache);
      for (const p of roots.problems) problems.add(p);
      const key = roots.roots.join('\0');
      const group = groups.get(key);
      if (group) group.files.push(file);
      else groups.set(key, { roots, files: [file] });
    }

    const projects: ProtoProject[] = [];
    const checked: CheckedFile[] = [];
    for (const group of groups.values()) {
      const project = new ProtoProject();
      projects.push(project);
      const loader = new ProtoFiles(project, group.roots);
      // Cold: each file's tree is dropped once checked, so memory stays flat on large trees.
      const uris = group.files.map((f) => loader.addFile(f.path, f.text, { cold: true })!);
      loader.loadImports(uris);
      group.files.forEach((f, i) => {
        checked.push({ path: f.path, text: f.text, diagnostics: project.diagnostics(uris[i]!) });
      });
    }

    return {
      files: checked,
      problems: [...problems],
      source: (uri) => {
        for (const project of projects) {
          const state = project.get(uri);
          const path = pathOf(uri);
          if (state && path) return { path, text: state.text };
        }
        return undefined;
      },
    };
  },
};
