/**
 * Values of Avro types for editor features: the enum a default belongs to, and a default value
 * for a field that lacks one (the zero of its type, or of a union's first branch, as the spec
 * requires defaults to match the first branch).
 */
import type { AvroSchema, EnumSchema, NamedSchema } from '../../core/avro/ast';
import type { JsonValue } from '../../core/avro/json';
import type { Resolve } from './typeText';

/** The enum a value of `type` would name: the type itself, its target, or a union's first enum branch. */
export function enumOf(type: AvroSchema, resolve: Resolve): EnumSchema | undefined {
  const t = type.kind === 'reference' ? resolve(type) : type;
  if (t?.kind === 'enum') return t;
  if (t?.kind === 'union') {
    for (const b of t.branches) {
      const e = b.kind === 'union' ? undefined : enumOf(b, resolve);
      if (e) return e;
    }
  }
  return undefined;
}

/** The schema behind a reference, or the schema itself. */
export function target(type: AvroSchema, resolve: Resolve): AvroSchema | undefined {
  return type.kind === 'reference' ? resolve(type) : type;
}

/**
 * JSON text of a valid default of `type`: null, false, 0, 0.0, "", [], {}, the enum's default or
 * first symbol, or an object for a record. Undefined when there is none worth writing (an
 * unresolved name, a large fixed, a recursive record).
 */
export function zeroValue(type: AvroSchema, resolve: Resolve, seen: ReadonlySet<NamedSchema> = new Set()): string | undefined {
  switch (type.kind) {
    case 'primitive':
      switch (type.type) {
        case 'null':
          return 'null';
        case 'boolean':
          return 'false';
        case 'int':
        case 'long':
          return '0';
        case 'float':
        case 'double':
          return '0.0';
        case 'bytes':
        case 'string':
          return '""';
      }
      return undefined;
    case 'reference': {
      const t = resolve(type);
      return t ? zeroValue(t, resolve, seen) : undefined;
    }
    case 'enum': {
      const d = type.default?.kind === 'string' ? type.default.value : type.symbols[0]?.text;
      return d === undefined ? undefined : JSON.stringify(d);
    }
    case 'fixed': {
      const size = type.size?.kind === 'number' && type.size.integer !== undefined ? Number(type.size.integer) : undefined;
      return size !== undefined && size <= 16 ? JSON.stringify('\u0000'.repeat(size)) : undefined;
    }
    case 'array':
      return '[]';
    case 'map':
      return '{}';
    case 'union':
      return type.branches[0] ? zeroValue(type.branches[0], resolve, seen) : undefined;
    case 'record': {
      if (seen.has(type)) return undefined;
      const inner = new Set(seen).add(type);
      const parts: string[] = [];
      for (const f of type.fields) {
        if (!f.name || !f.type) return undefined;
        const v = f.default ? jsonText(f.default) : zeroValue(f.type, resolve, inner);
        if (v === undefined) return undefined;
        parts.push(`${JSON.stringify(f.name.text)}: ${v}`);
      }
      return `{${parts.join(', ')}}`;
    }
    case 'invalid':
      return undefined;
  }
}

/** A JSON value as JSON text (IDL literals such as `0x10` or `1L` become plain JSON numbers). */
export function jsonText(v: JsonValue): string {
  switch (v.kind) {
    case 'null':
      return 'null';
    case 'boolean':
      return String(v.value);
    case 'number':
      return v.integer !== undefined ? v.integer.toString() : Number.isFinite(v.value) ? String(v.value) : JSON.stringify(String(v.value));
    case 'string':
      return JSON.stringify(v.value);
    case 'array':
      return `[${v.items.map(jsonText).join(', ')}]`;
    case 'object':
      return `{${v.members.filter((m) => m.value).map((m) => `${JSON.stringify(m.key)}: ${jsonText(m.value!)}`).join(', ')}}`;
  }
}
