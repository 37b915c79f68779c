/**
 * Default values against their schema, per the spec's table: bytes and fixed as strings of
 * code points 0-255, int and long as integers in range, records as objects that give every field
 * without its own default. Union values nested in a default may match any branch (Avro Java's
 * `isValidValue`); the union of the field itself is judged by the caller, who cares which branch.
 */
import type { AvroSchema, NamedSchema, ReferenceSchema } from './ast';
import { describeJson, jsonTypeName, type JsonValue } from './json';

export type Resolve = (ref: ReferenceSchema) => NamedSchema | undefined;

export type DefaultVerdict =
  | { readonly kind: 'ok' }
  /** Accepted by Avro Java but not by avsc: a string for a float/double ("NaN", "1.5"). */
  | { readonly kind: 'non-portable'; readonly node: JsonValue; readonly message: string }
  | { readonly kind: 'mismatch'; readonly node: JsonValue; readonly message: string };

const OK: DefaultVerdict = { kind: 'ok' };
const INT_MIN = -(2n ** 31n);
const INT_MAX = 2n ** 31n - 1n;
const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;

/** A short name of the type for messages: `int`, `array`, `record a.B`, `union [null, string]`. */
export function typeLabel(s: AvroSchema, resolve?: Resolve): string {
  switch (s.kind) {
    case 'primitive':
      return s.logicalType ? `${s.type} (${s.logicalType.text})` : s.type;
    case 'reference': {
      const target = resolve?.(s);
      return target ? typeLabel(target) : s.name.text;
    }
    case 'record':
      return `${s.error ? 'error' : 'record'} ${s.fullName ?? ''}`.trim();
    case 'enum':
    case 'fixed':
      return `${s.kind} ${s.fullName ?? ''}`.trim();
    case 'array':
    case 'map':
      return s.kind;
    case 'union':
      return `union [${s.branches.map((b) => shortLabel(b, resolve)).join(', ')}]`;
    case 'invalid':
      return 'invalid schema';
  }
}

function shortLabel(s: AvroSchema, resolve?: Resolve): string {
  if (s.kind === 'reference') return resolve?.(s)?.fullName ?? s.name.text;
  if (s.kind === 'record' || s.kind === 'enum' || s.kind === 'fixed') return s.fullName ?? s.kind;
  if (s.kind === 'primitive') return s.type;
  return s.kind;
}

function mismatch(node: JsonValue, s: AvroSchema, expected: string, resolve: Resolve): DefaultVerdict {
  return { kind: 'mismatch', node, message: `default ${describeJson(node)} is not a valid ${typeLabel(s, resolve)}: expected ${expected}` };
}

function latin1(v: string): boolean {
  for (let i = 0; i < v.length; i++) if (v.charCodeAt(i) > 0xff) return false;
  return true;
}

/**
 * Checks `value` against `schema`. Unknown references and invalid schemas accept anything: they
 * are reported on their own. `depth` guards against pathological recursion through references.
 */
export function checkDefaultValue(schema: AvroSchema, value: JsonValue, resolve: Resolve, depth = 0): DefaultVerdict {
  if (depth > 64) return OK;
  switch (schema.kind) {
    case 'invalid':
      return OK;
    case 'reference': {
      const target = resolve(schema);
      return target ? checkDefaultValue(target, value, resolve, depth + 1) : OK;
    }
    case 'primitive':
      return checkPrimitive(schema, value, resolve);
    case 'enum':
      if (value.kind !== 'string') return mismatch(value, schema, `one of its symbols as a string, not ${jsonTypeName(value)}`, resolve);
      if (schema.symbols.length > 0 && !schema.symbols.some((s) => s.text === value.value)) {
        return mismatch(value, schema, `one of ${schema.symbols.map((s) => s.text).join(', ')}`, resolve);
      }
      return OK;
    case 'fixed': {
      const size = schema.size?.kind === 'number' && schema.size.integer !== undefined ? Number(schema.size.integer) : undefined;
      const expected = `a string of ${size ?? 'size'} characters \\u0000-\\u00ff, one per byte`;
      if (value.kind !== 'string') return mismatch(value, schema, expected, resolve);
      if (!latin1(value.value) || (size !== undefined && value.value.length !== size)) return mismatch(value, schema, expected, resolve);
      return OK;
    }
    case 'array': {
      if (value.kind !== 'array') return mismatch(value, schema, `an array, not ${jsonTypeName(value)}`, resolve);
      if (!schema.items) return OK;
      for (const item of value.items) {
        const v = checkNested(schema.items, item, resolve, depth);
        if (v.kind !== 'ok') return v;
      }
      return OK;
    }
    case 'map': {
      if (value.kind !== 'object') return mismatch(value, schema, `an object, not ${jsonTypeName(value)}`, resolve);
      if (!schema.values) return OK;
      for (const m of value.members) {
        if (!m.value) continue;
        const v = checkNested(schema.values, m.value, resolve, depth);
        if (v.kind !== 'ok') return v;
      }
      return OK;
    }
    case 'record': {
      if (value.kind !== 'object') return mismatch(value, schema, `an object with its fields, not ${jsonTypeName(value)}`, resolve);
      for (const f of schema.fields) {
        if (!f.name || !f.type) continue;
        let given: JsonValue | undefined;
        for (const m of value.members) if (m.key === f.name.text && m.value) given = m.value;
        if (given) {
          const v = checkNested(f.type, given, resolve, depth);
          if (v.kind !== 'ok') return v;
        } else if (!f.default) {
          return { kind: 'mismatch', node: value, message: `default for ${typeLabel(schema)} lacks field "${f.name.text}", which has no default of its own` };
        }
      }
      return OK;
    }
    case 'union': {
      // Reached only for unions inside a default (the field's own union is judged by branch).
      const b = unionBranch(schema, value, resolve, depth);
      return b.index >= 0 ? b.verdict : mismatch(value, schema, 'a value of one of its branches', resolve);
    }
  }
}

/** A value inside a default: nested unions accept any branch. */
function checkNested(schema: AvroSchema, value: JsonValue, resolve: Resolve, depth: number): DefaultVerdict {
  return checkDefaultValue(schema, value, resolve, depth + 1);
}

/** The first branch of `union` that `value` is valid for (-1 when none), and its verdict. */
export function unionBranch(union: AvroSchema & { kind: 'union' }, value: JsonValue, resolve: Resolve, depth = 0): { index: number; verdict: DefaultVerdict } {
  let firstNonPortable: { index: number; verdict: DefaultVerdict } | undefined;
  for (let i = 0; i < union.branches.length; i++) {
    const v = checkDefaultValue(union.branches[i]!, value, resolve, depth + 1);
    if (v.kind === 'ok') return { index: i, verdict: v };
    if (v.kind === 'non-portable' && !firstNonPortable) firstNonPortable = { index: i, verdict: v };
  }
  return firstNonPortable ?? { index: -1, verdict: OK };
}

function checkPrimitive(schema: AvroSchema & { kind: 'primitive' }, value: JsonValue, resolve: Resolve): DefaultVerdict {
  switch (schema.type) {
    case 'null':
      return value.kind === 'null' ? OK : mismatch(value, schema, 'null', resolve);
    case 'boolean':
      return value.kind === 'boolean' ? OK : mismatch(value, schema, 'true or false', resolve);
    case 'int':
    case 'long': {
      const [min, max] = schema.type === 'int' ? [INT_MIN, INT_MAX] : [LONG_MIN, LONG_MAX];
      const expected = `an integer from ${min} to ${max}`;
      if (value.kind !== 'number' || value.integer === undefined) return mismatch(value, schema, expected, resolve);
      return value.integer < min || value.integer > max ? mismatch(value, schema, expected, resolve) : OK;
    }
    case 'float':
    case 'double':
      if (value.kind === 'number') return OK;
      if (value.kind === 'string' && /^\s*[+-]?(NaN|Infinity|(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?)\s*$/.test(value.value)) {
        return {
          kind: 'non-portable',
          node: value,
          message: `string default ${describeJson(value)} for ${schema.type} is accepted by Avro Java but rejected by avsc and other libraries`,
        };
      }
      return mismatch(value, schema, 'a number', resolve);
    case 'bytes':
      if (value.kind !== 'string' || !latin1(value.value)) {
        return mismatch(value, schema, 'a string of characters \\u0000-\\u00ff, one per byte', resolve);
      }
      return OK;
    case 'string':
      return value.kind === 'string' ? OK : mismatch(value, schema, `a string, not ${jsonTypeName(value)}`, resolve);
  }
}
