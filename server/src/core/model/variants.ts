/**
 * Variant tags of an event union. A member is tagged with its type's simple name; members that
 * share a type (or a simple name) are tagged with their PascalCase field name instead, or, in an
 * Avro union, which has no field names, with their PascalCase full name. A tag that still
 * collides gets the member's number (or position) appended, so tags are always unique.
 */
import { pascalCase } from './names';

export interface VariantMember {
  readonly typeId: string;
  readonly simpleName: string;
  readonly fullName: string;
  /** Protobuf oneof member field name. */
  readonly fieldName?: string;
  /** Field number or branch index, for the last resort. */
  readonly ordinal: number;
}

export function variantTags(members: readonly VariantMember[]): string[] {
  const typeCount = new Map<string, number>();
  const idsBySimple = new Map<string, Set<string>>();
  for (const m of members) {
    typeCount.set(m.typeId, (typeCount.get(m.typeId) ?? 0) + 1);
    let ids = idsBySimple.get(m.simpleName);
    if (!ids) idsBySimple.set(m.simpleName, (ids = new Set()));
    ids.add(m.typeId);
  }
  const first = members.map((m) => {
    const shared = (typeCount.get(m.typeId) ?? 0) > 1 || (idsBySimple.get(m.simpleName)?.size ?? 0) > 1;
    if (!shared) return m.simpleName;
    return m.fieldName !== undefined ? pascalCase(m.fieldName) : pascalCase(m.fullName);
  });
  const count = new Map<string, number>();
  for (const t of first) count.set(t, (count.get(t) ?? 0) + 1);
  const taken = new Set<string>();
  return first.map((t, i) => {
    let tag = (count.get(t) ?? 0) > 1 ? `${t}${members[i]!.ordinal}` : t;
    while (taken.has(tag)) tag = `${tag}_`;
    taken.add(tag);
    return tag;
  });
}
