/**
 * Which schema of a file is compared with which schema of an earlier version.
 *
 * - A file with a main schema (`.avsc`, IDL schema syntax with `schema T;`) is compared main
 *   against main when the earlier version has one too: what Confluent registers for a subject.
 * - Otherwise (a protocol, `.avpr`, IDL without `schema`), each top-level named type of the
 *   current file is compared with the earlier version's named type of the same full name, or of a
 *   full name the type lists as an alias (a rename). A main schema facing a file without one is
 *   matched the same way, by its name. Types new in the current file have nothing to be
 *   compatible with; types that disappeared are not read or written any more.
 * - `only` (a full name) restricts the comparison to that one type of the current file, matched
 *   by name in the earlier version (even when both files have a main schema).
 */
import type { AvroFile, AvroSchema, NamedSchema } from '../../avro/ast';
import { isNamedSchema } from '../../avro/ast';
import { fileResolver } from '../../avro/canonical';
import type { AvroRegistry } from '../../avro/registry';
import { namedDefinitions, topLevelSchemas } from '../../avro/walk';
import { javaAliases } from './names';

export interface AvroSchemaPair {
  readonly current: AvroSchema;
  readonly previous: AvroSchema;
  /** The full name the pair was matched by; absent for main against main. */
  readonly name?: string;
}

function named(file: AvroFile, s: AvroSchema, registry?: AvroRegistry): NamedSchema | undefined {
  if (isNamedSchema(s)) return s;
  if (s.kind === 'reference') return fileResolver(file, registry)(s);
  return undefined;
}

export function pairSchemas(
  current: AvroFile,
  previous: AvroFile,
  options: { readonly only?: string; readonly currentRegistry?: AvroRegistry; readonly previousRegistry?: AvroRegistry } = {},
): AvroSchemaPair[] {
  const previousByName = new Map<string, AvroSchema>();
  const add = (name: string | undefined, s: AvroSchema) => {
    if (name !== undefined && !previousByName.has(name)) previousByName.set(name, s);
  };
  if (previous.schema) add(named(previous, previous.schema, options.previousRegistry)?.fullName, previous.schema);
  for (const d of namedDefinitions(previous)) add(d.fullName, d);

  const match = (s: AvroSchema, def: NamedSchema | undefined): AvroSchemaPair | undefined => {
    if (!def?.fullName) return undefined;
    for (const name of [def.fullName, ...javaAliases(def)]) {
      const p = previousByName.get(name);
      if (p) return { current: s, previous: p, name: def.fullName };
    }
    return undefined;
  };

  if (options.only !== undefined) {
    const candidates = current.schema ? [current.schema, ...namedDefinitions(current)] : namedDefinitions(current);
    for (const s of candidates) {
      const def = named(current, s, options.currentRegistry);
      if (def?.fullName === options.only) {
        const pair = match(s, def);
        return pair ? [pair] : [];
      }
    }
    return [];
  }
  if (current.schema && previous.schema) return [{ current: current.schema, previous: previous.schema }];
  const out: AvroSchemaPair[] = [];
  const seen = new Set<NamedSchema>();
  // A top-level union (the JSON form of IDL declarations without a main schema) stands for its branches.
  const tops = topLevelSchemas(current).flatMap((s) => (s.kind === 'union' ? s.branches : [s]));
  for (const s of tops) {
    const def = named(current, s, options.currentRegistry);
    if (!def || seen.has(def)) continue;
    seen.add(def);
    const pair = match(s, def);
    if (pair) out.push(pair);
  }
  return out;
}
