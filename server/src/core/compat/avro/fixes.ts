/**
 * Quick fixes for the incompatibilities a new reader schema can repair by itself (BACKWARD):
 * a new field without a default gets one (or, when it looks like a rename, an alias for the old
 * name), and a renamed type gets the old full name as an alias. Edits are in the current file,
 * in its own syntax: JSON members for `.avsc`/`.avpr`, `= value` and `@aliases([...])` in IDL.
 */
import type { AvroFile, AvroSchema, Field, NamedSchema, NameNode, RecordSchema } from '../../avro/ast';
import type { Resolver } from '../../avro/canonical';
import type { Fix, TextEdit } from '../../diagnostics/diagnostic';
import type { AvroIncompatibility } from './types';

/** A JSON default that fits the type (the first branch of a union), or undefined when none is simple. */
export function defaultFor(type: AvroSchema | undefined, resolve: Resolver, depth = 0): string | undefined {
  if (!type || depth > 8) return undefined;
  switch (type.kind) {
    case 'primitive':
      return { null: 'null', boolean: 'false', int: '0', long: '0', float: '0.0', double: '0.0', bytes: '""', string: '""' }[type.type];
    case 'reference':
      return defaultFor(resolve(type), resolve, depth + 1);
    case 'enum': {
      const d = type.default?.kind === 'string' ? type.default.value : type.symbols[0]?.text;
      return d === undefined ? undefined : JSON.stringify(d);
    }
    case 'array':
      return '[]';
    case 'map':
      return '{}';
    case 'union':
      return defaultFor(type.branches[0], resolve, depth + 1);
    case 'fixed': {
      const size = type.size?.kind === 'number' ? Number(type.size.integer ?? -1) : -1;
      return size >= 0 && size <= 64 ? JSON.stringify('\u0000'.repeat(size)) : undefined;
    }
    case 'record': {
      const members: string[] = [];
      for (const f of type.fields) {
        if (f.default !== undefined) continue;
        const v = defaultFor(f.type, resolve, depth + 1);
        if (v === undefined || !f.name) return undefined;
        members.push(`${JSON.stringify(f.name.text)}: ${v}`);
      }
      return `{${members.join(', ')}}`;
    }
    default:
      return undefined;
  }
}

const insert = (at: number, newText: string): TextEdit => ({ span: { start: at, end: at }, newText });

/** Adds `alias` to a list of aliases, or starts one. */
function addAlias(file: AvroFile, aliases: readonly NameNode[], alias: string, jsonAfter: number | undefined, idlBefore: number | undefined): TextEdit | undefined {
  const quoted = JSON.stringify(alias);
  const last = aliases[aliases.length - 1];
  if (last) return insert(last.span.end, `, ${quoted}`);
  if (file.syntax === 'avdl') return idlBefore === undefined ? undefined : insert(idlBefore, `@aliases([${quoted}]) `);
  return jsonAfter === undefined ? undefined : insert(jsonAfter, `, "aliases": [${quoted}]`);
}

/** Writer fields no reader field takes, by name or alias: what a missing reader field may have been called. */
function unmatchedWriterFields(reader: RecordSchema, writer: RecordSchema): Field[] {
  const taken = new Set<string>();
  for (const f of reader.fields) {
    if (f.name) taken.add(f.name.text);
    for (const a of f.aliases) taken.add(a.text);
  }
  return writer.fields.filter((f) => f.name && !taken.has(f.name.text));
}

/** Fixes for an incompatibility of the current (reader) schema against an old writer. */
export function backwardFixes(inc: AvroIncompatibility, file: AvroFile, resolve: Resolver): Fix[] {
  const out: Fix[] = [];
  if (inc.readerField?.name) {
    const field = inc.readerField;
    const name = field.name!;
    const candidates = inc.readerSchema.kind === 'record' && inc.writerSchema.kind === 'record' ? unmatchedWriterFields(inc.readerSchema, inc.writerSchema) : [];
    const renamed = candidates.length === 1 ? candidates[0]!.name!.text : undefined;
    if (renamed !== undefined) {
      const edit = addAlias(file, field.aliases, renamed, name.span.end, name.span.start);
      if (edit) out.push({ title: `add the alias "${renamed}" (the field was renamed)`, edits: [edit], preferred: true });
    }
    const value = defaultFor(field.type, resolve);
    if (value !== undefined) {
      const edit = file.syntax === 'avdl' ? insert(name.span.end, ` = ${value}`) : field.type ? insert(field.type.span.end, `, "default": ${value}`) : undefined;
      if (edit) out.push({ title: `add the default ${value}`, edits: [edit], preferred: renamed === undefined });
    }
  }
  if (inc.type === 'NAME_MISMATCH') {
    const named = inc.readerSchema as NamedSchema;
    const old = inc.facts.writerName;
    if (old !== undefined && named.name) {
      const edit = addAlias(file, named.aliases, old, named.name.span.end, named.typeName?.span.start);
      if (edit) out.push({ title: `add the alias "${old}"`, edits: [edit], preferred: true });
    }
  }
  return out;
}
