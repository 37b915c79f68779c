/**
 * Find references in .avsc and .avdl: every use of a named type by name, in every file, and the
 * uses of an enum symbol as a default. Only files whose text spells the name are walked.
 */
import type { Location, Position } from 'vscode-languageserver-types';
import type { AvroSchema, EnumSchema, ReferenceSchema } from '../../core/avro/ast';
import { referenceCandidates, splitFullName } from '../../core/avro/names';
import type { AvroDefinition } from '../../core/avro/registry';
import { namedReferences, walkFile } from '../../core/avro/walk';
import type { Span } from '../../core/text/span';
import { lineIndexOf } from '../lineIndexCache';
import { guard } from '../proto/guard';
import { targetAt, type AvroTarget } from './nodeAt';
import { definitionOf, fileOf, resolveReference, resolverFor, sameDefinition, type AvroProject } from './project';
import { enumOf } from './values';

export function references(project: AvroProject, uri: string, position: Position, includeDeclaration: boolean): Location[] {
  return guard('avro references', [], () => {
    const file = fileOf(project, uri);
    if (!file) return [];
    const t = targetAt(file, lineIndexOf(file).offsetAt(position));
    if (!t) return [];
    const spans: { uri: string; span: Span }[] = [];
    const def = namedTypeOf(project, uri, t);
    if (def) {
      if (includeDeclaration && def.schema.name) spans.push({ uri: def.uri, span: def.schema.name.span });
      for (const r of referencesOf(project, def)) spans.push({ uri: r.uri, span: r.reference.name.span });
    } else {
      const sym = symbolOf(project, uri, t);
      if (!sym) return [];
      const decl = sym.schema.symbols.find((s) => s.text === sym.name);
      if (includeDeclaration && decl) spans.push({ uri: sym.uri, span: decl.span });
      spans.push(...symbolUses(project, sym.uri, sym.schema, sym.name));
    }
    return spans.flatMap(({ uri: u, span }) => {
      const f = fileOf(project, u);
      return f ? [{ uri: u, range: lineIndexOf(f).rangeOf(span) }] : [];
    });
  });
}

/** The named type a target names: its definition, or what a reference resolves to. */
export function namedTypeOf(project: AvroProject, uri: string, t: AvroTarget): AvroDefinition | undefined {
  if (t.kind === 'definition') return definitionOf(project, uri, t.schema);
  if (t.kind === 'reference') return resolveReference(project, uri, t.ref);
  return undefined;
}

/** Every reference, in any file, that resolves to the definition; in file order. */
export function referencesOf(project: AvroProject, def: AvroDefinition): { uri: string; reference: ReferenceSchema }[] {
  const simple = splitFullName(def.fullName).name;
  const out: { uri: string; reference: ReferenceSchema }[] = [];
  for (const u of project.registry.uris()) {
    const f = fileOf(project, u);
    if (!f || !f.text.includes(simple)) continue;
    for (const r of namedReferences(f)) {
      if (!referenceCandidates(r).includes(def.fullName)) continue;
      if (sameDefinition(resolveReference(project, u, r), def)) out.push({ uri: u, reference: r });
    }
  }
  return out;
}

/** The enum a value of `type` names, with the file that defines it. */
export function enumWithUri(project: AvroProject, uri: string, type: AvroSchema): { schema: EnumSchema; uri: string } | undefined {
  const schema = enumOf(type, resolverFor(project, uri));
  if (!schema) return undefined;
  const local = project.registry.definitionsIn(uri).some((d) => d.schema === schema);
  if (local || !schema.fullName) return { schema, uri };
  const def = project.scope(uri).lookup(schema.fullName).find((d) => d.schema === schema);
  return { schema, uri: def?.uri ?? uri };
}

/** The enum symbol a target names: the symbol itself, or a default that is one. */
function symbolOf(project: AvroProject, uri: string, t: AvroTarget): { schema: EnumSchema; uri: string; name: string } | undefined {
  if (t.kind === 'symbol') return { schema: t.enumSchema, uri, name: t.symbol.text };
  if (t.kind === 'default') {
    const e = enumWithUri(project, uri, t.type);
    return e && e.schema.symbols.some((s) => s.text === t.value.value) ? { ...e, name: t.value.value } : undefined;
  }
  return undefined;
}

/** Defaults anywhere (the enum's own, fields of its type) that name the symbol. */
export function symbolUses(project: AvroProject, enumUri: string, schema: EnumSchema, name: string): { uri: string; span: Span }[] {
  const out: { uri: string; span: Span }[] = [];
  if (schema.default?.kind === 'string' && schema.default.value === name) out.push({ uri: enumUri, span: schema.default.span });
  for (const u of project.registry.uris()) {
    const f = fileOf(project, u);
    if (!f || !f.text.includes(name)) continue;
    walkFile(f, {
      field(field) {
        const d = field.default;
        if (d?.kind !== 'string' || d.value !== name || !field.type) return;
        const e = enumWithUri(project, u, field.type);
        if (e?.schema === schema) out.push({ uri: u, span: d.span });
      },
    });
  }
  return out;
}
