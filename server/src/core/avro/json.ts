/**
 * JSON values with a span on every node. `.avsc`/`.avpr` text lowers into these through
 * jsonc-parser, and `.avdl` builds them for defaults and annotation values, so defaults and
 * metadata look the same to every check whichever syntax they were written in.
 */
import type { Span } from '../text/span';

export type JsonValue = JsonNull | JsonBoolean | JsonNumber | JsonString | JsonArray | JsonObject;

export interface JsonNull {
  readonly kind: 'null';
  readonly span: Span;
}

export interface JsonBoolean {
  readonly kind: 'boolean';
  readonly value: boolean;
  readonly span: Span;
}

export interface JsonNumber {
  readonly kind: 'number';
  /** The value as a double; exact only up to 2^53, so integer checks use `integer`. */
  readonly value: number;
  /** The literal as written. */
  readonly text: string;
  /** The exact value when the literal is an integer (JSON: no fraction, no exponent; IDL: also hex, octal, `L`). */
  readonly integer?: bigint;
  readonly span: Span;
}

export interface JsonString {
  readonly kind: 'string';
  /** The decoded value. */
  readonly value: string;
  /** The literal, quotes included. */
  readonly span: Span;
}

export interface JsonArray {
  readonly kind: 'array';
  readonly items: readonly JsonValue[];
  readonly span: Span;
}

export interface JsonMember {
  readonly key: string;
  /** The key's string literal, quotes included. */
  readonly keySpan: Span;
  /** Absent while the member is being typed (`"a": }`). */
  readonly value?: JsonValue;
  /** From the key to the end of the value. */
  readonly span: Span;
}

export interface JsonObject {
  readonly kind: 'object';
  readonly members: readonly JsonMember[];
  readonly span: Span;
}

/** The last member with this key: JSON parsers in every Avro implementation keep the last duplicate. */
export function member(obj: JsonObject, key: string): JsonMember | undefined {
  for (let i = obj.members.length - 1; i >= 0; i--) {
    const m = obj.members[i]!;
    if (m.key === key) return m;
  }
  return undefined;
}

/** The plain JavaScript value; integers beyond 2^53 lose precision, as in JSON.parse. */
export function toPlain(v: JsonValue): unknown {
  switch (v.kind) {
    case 'null':
      return null;
    case 'boolean':
    case 'string':
      return v.value;
    case 'number':
      return v.integer !== undefined ? Number(v.integer) : v.value;
    case 'array':
      return v.items.map(toPlain);
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const m of v.members) if (m.value) out[m.key] = toPlain(m.value);
      return out;
    }
  }
}

/** A short rendering for messages: `"abc"`, `12`, `[...]`, `{...}`. */
export function describeJson(v: JsonValue): string {
  switch (v.kind) {
    case 'null':
      return 'null';
    case 'boolean':
      return String(v.value);
    case 'number':
      return v.text;
    case 'string': {
      const s = JSON.stringify(v.value);
      return s.length > 40 ? `${s.slice(0, 37)}..."` : s;
    }
    case 'array':
      return v.items.length === 0 ? '[]' : '[...]';
    case 'object':
      return v.members.length === 0 ? '{}' : '{...}';
  }
}

/** The JSON type name as users know it, for messages. */
export function jsonTypeName(v: JsonValue): string {
  if (v.kind === 'number') return v.integer !== undefined ? 'an integer' : 'a number';
  return { null: 'null', boolean: 'a boolean', string: 'a string', array: 'an array', object: 'an object' }[v.kind];
}
