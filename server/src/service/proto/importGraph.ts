/**
 * Which files import a given file, directly or not, read from the import statements rather than the
 * links: the links of files nobody has asked about yet are not computed, and computing them all
 * for one request would be wasteful. Adding an import of such a file would make a cycle.
 */
import type { ProtoProject } from '../../core/proto/project';

/**
 * A test: does `candidate` import `uri`, directly or through other files? The answer set is built
 * on the first question, from one pass over every file's import statements.
 */
export function importerTest(project: ProtoProject, uri: string): (candidate: string) => boolean {
  let importers: Set<string> | undefined;
  return (candidate) => {
    importers ??= importersOf(project, uri);
    return candidate === uri || importers.has(candidate);
  };
}

function importersOf(project: ProtoProject, uri: string): Set<string> {
  const importedBy = new Map<string, string[]>();
  for (const from of project.uris()) {
    // The import statements, not the tree: reading a background file's tree parses it again,
    // and a workspace holds thousands of them.
    for (const d of project.get(from)?.imports ?? []) {
      if (d.path === undefined) continue;
      const target = project.uriForImport(d.path);
      if (!target) continue;
      const list = importedBy.get(target);
      if (list) list.push(from);
      else importedBy.set(target, [from]);
    }
  }
  const out = new Set<string>();
  const queue = [uri];
  while (queue.length) {
    for (const from of importedBy.get(queue.pop()!) ?? []) {
      if (!out.has(from)) {
        out.add(from);
        queue.push(from);
      }
    }
  }
  return out;
}
