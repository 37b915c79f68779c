/**
 * What the Avro editor features need from the workspace: every file's tree (the registry), the
 * names a file can see (its scope), and where IDL imports lead. The host's AvroFiles provides it
 * for the language server; tests build one from fixtures.
 *
 * Resolution here is the checks' resolution with one refinement for navigation: when several
 * files define the same full name (a v1 and a v2 folder of one schema set), a reference goes to
 * the definition nearest to it by path, so go-to-definition and rename stay within one version.
 */
import type { AvroFile, AvroImport, NamedSchema, ReferenceSchema } from '../../core/avro/ast';
import { referenceCandidates } from '../../core/avro/names';
import type { AvroDefinition, AvroRegistry } from '../../core/avro/registry';
import type { Span } from '../../core/text/span';

export interface AvroProject {
  /** Every Avro file the workspace holds, open ones with their editor text. */
  readonly registry: AvroRegistry;
  /** The registry the names of `uri` resolve against (an IDL file: itself and its imports). */
  scope(uri: string): AvroRegistry;
  /** The file an IDL import statement of `uri` names, when it exists. */
  importTarget(uri: string, node: AvroImport): string | undefined;
  /** Changes whenever any file changes; when present, results may be cached per generation. */
  readonly generation?: number;
}

/** A project over one registry, for callers without imports to resolve. */
export function simpleProject(registry: AvroRegistry): AvroProject {
  return { registry, scope: () => registry, importTarget: () => undefined };
}

export function fileOf(project: AvroProject, uri: string): AvroFile | undefined {
  return project.registry.file(uri);
}

/** What a reference in `uri` denotes, or undefined when nothing visible defines it. */
export function resolveReference(project: AvroProject, uri: string, ref: ReferenceSchema): AvroDefinition | undefined {
  const scope = project.scope(uri);
  for (const c of referenceCandidates(ref)) {
    const defs = scope.lookup(c);
    if (defs.length === 0) continue;
    return defs.find((d) => d.uri === uri) ?? nearest(defs, uri);
  }
  return undefined;
}

/** A resolver for core helpers (default checks, type labels) that take one. */
export function resolverFor(project: AvroProject, uri: string): (ref: ReferenceSchema) => NamedSchema | undefined {
  return (ref) => resolveReference(project, uri, ref)?.schema;
}

/** The definition record of a schema node that a file defines. */
export function definitionOf(project: AvroProject, uri: string, schema: NamedSchema): AvroDefinition | undefined {
  return project.registry.definitionsIn(uri).find((d) => d.schema === schema);
}

/** The definition whose uri shares the longest path prefix with `uri`; the first on a tie. */
function nearest(defs: readonly AvroDefinition[], uri: string): AvroDefinition {
  let best = defs[0]!;
  let bestScore = -1;
  for (const d of defs) {
    const score = commonPrefix(d.uri, uri);
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  // Count whole folders only, so `v1/x` and `v10/x` do not look related.
  return a.slice(0, i).lastIndexOf('/');
}

/** Same definition: the same file and full name (objects may come from different parses). */
export function sameDefinition(a: AvroDefinition | undefined, b: AvroDefinition | undefined): boolean {
  return !!a && !!b && a.uri === b.uri && a.fullName === b.fullName;
}

export function contains(span: Span, offset: number): boolean {
  return span.start <= offset && offset <= span.end;
}
