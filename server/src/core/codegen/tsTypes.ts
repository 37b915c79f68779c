/**
 * Model types -> TypeScript type text, following DESIGN.md's mapping rules:
 * int64 -> bigint, bytes -> Uint8Array, enums -> string literals open to unknown values,
 * Timestamp -> Date, Duration -> milliseconds, wrappers -> the wrapped value, Struct/Value ->
 * JSON, Any -> ProtoAny; Avro unions with null -> optional, other unions -> `{ case, value }`,
 * decimal and uuid -> string, date and timestamp-millis -> Date, duration -> AvroDuration. Every
 * other logical type keeps its underlying type (time-micros and the micro and nano timestamps are
 * bigint counts, time-millis a number of milliseconds).
 */
import type { ModelType, ScalarName, TypeExpr, WellKnownName } from '../model/types';
import { str } from './printer';

export interface TypeContext {
  readonly types: ReadonlyMap<string, ModelType>;
  /** The local name of a record or enum, importing it when another module declares it. */
  named(id: string): string;
  /** The local name of a runtime type (JsonValue, ProtoAny, ...). */
  runtime(name: string): string;
}

const NUMBER: ReadonlySet<ScalarName> = new Set(['double', 'float', 'int32', 'uint32', 'sint32', 'fixed32', 'sfixed32']);
const BIGINT: ReadonlySet<ScalarName> = new Set(['int64', 'uint64', 'sint64', 'fixed64', 'sfixed64']);

export function scalarType(s: ScalarName): string {
  if (NUMBER.has(s)) return 'number';
  if (BIGINT.has(s)) return 'bigint';
  switch (s) {
    case 'bool':
      return 'boolean';
    case 'string':
      return 'string';
    case 'bytes':
      return 'Uint8Array';
    default:
      return 'null';
  }
}

const AVRO_NAME: Partial<Record<ScalarName, string>> = {
  null: 'null',
  bool: 'boolean',
  int32: 'int',
  int64: 'long',
  float: 'float',
  double: 'double',
  bytes: 'bytes',
  string: 'string',
};

export function avroPrimitive(s: ScalarName): string {
  return AVRO_NAME[s] ?? 'null';
}

/** The key avsc and Avro's JSON encoding wrap a union branch in: a primitive's name or a named type's full name. */
export function avroBranchKey(t: TypeExpr, types: ReadonlyMap<string, ModelType>): string {
  switch (t.kind) {
    case 'scalar':
      return avroPrimitive(t.scalar);
    case 'named':
      return types.get(t.id)?.fullName ?? t.id;
    case 'list':
      return 'array';
    case 'map':
      return 'map';
    case 'logical':
      return avroBranchKey(t.base, types);
    default:
      return 'null';
  }
}

function isNull(t: TypeExpr): boolean {
  return t.kind === 'scalar' && t.scalar === 'null';
}

/** Whether a field of this type may be absent: its property is written `name?:`. */
export function isOptionalType(t: TypeExpr): boolean {
  return t.kind === 'optional' || (t.kind === 'union' && t.branches.some(isNull));
}

/** Types that need parentheses before `[]`. */
function arrayItem(text: string): string {
  return /[|&]/.test(text) ? `(${text})` : text;
}

/** The TypeScript type of `t`; `asField` drops the `| undefined` an optional property's `?` already says. */
export function tsType(t: TypeExpr, ctx: TypeContext, asField = false): string {
  switch (t.kind) {
    case 'scalar':
      return scalarType(t.scalar);
    case 'named': {
      const target = ctx.types.get(t.id);
      if (!target) return 'unknown';
      if (target.kind === 'fixed') {
        const logical = target.logical?.name;
        if (logical === 'decimal' || logical === 'uuid') return 'string';
        if (logical === 'duration') return ctx.runtime('AvroDuration');
        return 'Uint8Array';
      }
      return ctx.named(t.id);
    }
    case 'list':
      return `readonly ${arrayItem(tsType(t.items, ctx))}[]`;
    case 'map':
      return `ReadonlyMap<${scalarType(t.key)}, ${tsType(t.values, ctx)}>`;
    case 'optional': {
      const inner = tsType(t.inner, ctx);
      return asField ? inner : `${inner} | undefined`;
    }
    case 'union': {
      const cases = t.branches
        .filter((b) => !isNull(b))
        .map((b) => `{ readonly case: ${str(avroBranchKey(b, ctx.types))}; readonly value: ${tsType(b, ctx)} }`);
      if (cases.length === 0) return asField ? 'never' : 'undefined';
      const text = cases.join(' | ');
      return t.branches.some(isNull) && !asField ? `${text} | undefined` : text;
    }
    case 'wellKnown':
      return wellKnownType(t.name, ctx);
    case 'logical':
      switch (t.logical) {
        case 'decimal':
        case 'uuid':
          return 'string';
        case 'date':
        case 'timestamp-millis':
          return 'Date';
        default:
          return tsType(t.base, ctx, asField);
      }
    case 'unresolved':
      return 'unknown';
  }
}

function wellKnownType(name: WellKnownName, ctx: TypeContext): string {
  switch (name) {
    case 'Timestamp':
      return 'Date';
    case 'Duration':
    case 'DoubleValue':
    case 'FloatValue':
    case 'Int32Value':
    case 'UInt32Value':
      return 'number';
    case 'Int64Value':
    case 'UInt64Value':
      return 'bigint';
    case 'BoolValue':
      return 'boolean';
    case 'StringValue':
      return 'string';
    case 'BytesValue':
      return 'Uint8Array';
    case 'Struct':
      return ctx.runtime('JsonObject');
    case 'Value':
      return ctx.runtime('JsonValue');
    case 'ListValue':
      return `readonly ${ctx.runtime('JsonValue')}[]`;
    case 'NullValue':
      return 'null';
    case 'Any':
      return ctx.runtime('ProtoAny');
  }
}

/** Doc comment lines for types whose TypeScript form loses the unit or meaning. */
export function unitNote(t: TypeExpr, types: ReadonlyMap<string, ModelType>): string | undefined {
  if (t.kind === 'list' || t.kind === 'optional') return unitNote(t.kind === 'list' ? t.items : t.inner, types);
  if (t.kind === 'named') {
    const fixed = types.get(t.id);
    if (fixed?.kind !== 'fixed' || !fixed.logical) return undefined;
    return unitNote({ kind: 'logical', logical: fixed.logical.name, base: { kind: 'scalar', scalar: 'bytes' }, props: fixed.logical.props }, types);
  }
  if (t.kind === 'wellKnown') {
    if (t.name === 'Duration') return 'google.protobuf.Duration, in milliseconds.';
    if (t.name === 'Timestamp') return 'google.protobuf.Timestamp (millisecond precision).';
    return undefined;
  }
  if (t.kind !== 'logical') return undefined;
  switch (t.logical) {
    case 'decimal': {
      const scale = typeof t.props.scale === 'number' ? t.props.scale : 0;
      const precision = typeof t.props.precision === 'number' ? t.props.precision : undefined;
      return `Avro decimal${precision !== undefined ? `(${precision}, ${scale})` : ''} as a decimal string, e.g. "12.50".`;
    }
    case 'time-millis':
      return 'Avro time-millis: milliseconds after midnight.';
    case 'time-micros':
      return 'Avro time-micros: microseconds after midnight.';
    case 'timestamp-micros':
      return 'Avro timestamp-micros: microseconds since the Unix epoch, UTC.';
    case 'timestamp-nanos':
      return 'Avro timestamp-nanos: nanoseconds since the Unix epoch, UTC.';
    case 'local-timestamp-millis':
      return 'Avro local-timestamp-millis: milliseconds since the epoch, in local time (no time zone).';
    case 'local-timestamp-micros':
      return 'Avro local-timestamp-micros: microseconds since the epoch, in local time (no time zone).';
    case 'local-timestamp-nanos':
      return 'Avro local-timestamp-nanos: nanoseconds since the epoch, in local time (no time zone).';
    case 'date':
      return 'Avro date: midnight UTC of the day.';
    default:
      return undefined;
  }
}
