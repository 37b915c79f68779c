/**
 * Completion items both Avro syntaxes offer: named types of the workspace under the shortest
 * name that resolves from the cursor's namespace, logical types, enum symbols. The callers
 * decide how each is written (a JSON string or an IDL identifier).
 */
import type { AvroSyntax, NamedSchema } from '../../core/avro/ast';
import { LOGICAL_TYPES } from '../../core/avro/logicalTypes';
import { qualify, splitFullName } from '../../core/avro/names';
import type { AvroRegistry } from '../../core/avro/registry';
import { namedKind } from './typeText';

export interface NamedChoice {
  /** What to write: the simple name when it resolves, else the full name. */
  readonly text: string;
  readonly fullName: string;
  readonly schema: NamedSchema;
}

/** Every named type `scope` defines that a reference in namespace `ns` can name, each once. */
export function namedChoices(scope: AvroRegistry, ns: string, syntax: AvroSyntax): NamedChoice[] {
  const out: NamedChoice[] = [];
  for (const fullName of [...scope.names()].sort()) {
    const def = scope.lookup(fullName)[0];
    // A type whose name is not typed yet (`"name": ""`, `"name": "a."`) cannot be referred to.
    if (!def || !splitFullName(fullName).name) continue;
    const text = shortestName(fullName, ns, syntax, scope);
    if (text !== undefined) out.push({ text, fullName, schema: def.schema });
  }
  return out;
}

/**
 * The shortest way to write `fullName` in namespace `ns`: the simple name in the same namespace;
 * in JSON also a null-namespace name that the namespace does not shadow; else the full name.
 * A null-namespace type cannot be named from IDL inside a namespace, nor from a JSON namespace
 * that defines the same simple name.
 */
export function shortestName(fullName: string, ns: string, syntax: AvroSyntax, scope: AvroRegistry): string | undefined {
  const { namespace, name } = splitFullName(fullName);
  if (namespace === ns) return name;
  if (namespace !== '') return fullName;
  if (syntax === 'avdl') return undefined;
  return scope.lookup(qualify(name, ns)).length === 0 ? name : undefined;
}

export function namedDetail(c: NamedChoice): string {
  return `${namedKind(c.schema)} ${c.fullName}`;
}

/** Logical types in the order people reach for them, with the type each annotates. */
export function logicalTypeNames(): { name: string; on: string }[] {
  return Object.entries(LOGICAL_TYPES).map(([name, on]) => ({ name, on }));
}

/** Whether a logical type fits the underlying type (`int`, `long`, `bytes`, `string`, `fixed`). */
export function logicalFits(logical: string, base: string): boolean {
  const on = LOGICAL_TYPES[logical];
  return on !== undefined && on.split(' or ').some((p) => p.replace(/\(.*$/, '') === base);
}
