/**
 * Name matching as Avro Java 1.12's `SchemaCompatibility.schemaNameEquals`: the unqualified names
 * are equal, or one of the reader's aliases equals the writer's full name. Java qualifies an
 * alias with the namespace of the type that declares it, so for `a.Bar` the alias `Foo` means
 * `a.Foo`. (python3-avro 1.11 compares the names as written and the aliases unqualified; the
 * differential tests list where that changes the verdict.)
 */
import type { NamedSchema } from '../../avro/ast';

/** Java's `getName()`: the part after the last dot. */
export function simpleName(s: NamedSchema): string | undefined {
  const full = s.fullName ?? s.name?.text;
  if (full === undefined) return undefined;
  return full.slice(full.lastIndexOf('.') + 1);
}

/** Java's `getFullName()`. */
export function fullName(s: NamedSchema): string | undefined {
  return s.fullName ?? s.name?.text;
}

/**
 * Java's `getAliases()`: each alias qualified by the declaring type's namespace; an alias in the
 * null namespace of a namespaced type comes out as `.Name` (and so matches nothing).
 */
export function javaAliases(s: NamedSchema): string[] {
  const ownSpace = s.namespace === '' ? undefined : s.namespace;
  return s.aliases.map(({ text }) => {
    const dot = text.lastIndexOf('.');
    let space: string | undefined = dot < 0 ? ownSpace : text.slice(0, dot);
    const name = dot < 0 ? text : text.slice(dot + 1);
    if (space === '') space = undefined;
    if (space === undefined && ownSpace !== undefined) return `.${name}`;
    return space === undefined ? name : `${space}.${name}`;
  });
}

export function schemaNameEquals(reader: NamedSchema, writer: NamedSchema): boolean {
  const r = simpleName(reader);
  if (r !== undefined && r === simpleName(writer)) return true;
  const w = fullName(writer);
  return w !== undefined && javaAliases(reader).includes(w);
}
