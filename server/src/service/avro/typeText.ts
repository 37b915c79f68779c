/**
 * Types as people read them, in IDL notation for both syntaxes (`array<string>`,
 * `union { null, com.acme.Money }`, `long (timestamp-millis)`): short enough for hovers, outline
 * details and completion labels.
 */
import type { AvroSchema, NamedSchema, Prop, ReferenceSchema } from '../../core/avro/ast';
import { describeJson } from '../../core/avro/json';

export type Resolve = (ref: ReferenceSchema) => NamedSchema | undefined;

const MAX = 100;

export function typeText(s: AvroSchema, resolve?: Resolve): string {
  const text = render(s, resolve, 0);
  return text.length > MAX ? `${text.slice(0, MAX - 1)}…` : text;
}

function render(s: AvroSchema, resolve: Resolve | undefined, depth: number): string {
  if (depth > 8) return '…';
  switch (s.kind) {
    case 'primitive':
      return s.logicalType ? `${s.type} (${logicalText(s.logicalType.text, s.props)})` : s.type;
    case 'reference':
      return resolve?.(s)?.fullName ?? s.name.text;
    case 'record':
    case 'enum':
    case 'fixed':
      return s.fullName ?? s.name?.text ?? s.kind;
    case 'array':
      return `array<${s.items ? render(s.items, resolve, depth + 1) : '?'}>`;
    case 'map':
      return `map<${s.values ? render(s.values, resolve, depth + 1) : '?'}>`;
    case 'union':
      return `union { ${s.branches.map((b) => render(b, resolve, depth + 1)).join(', ')} }`;
    case 'invalid':
      return '?';
  }
}

/** `decimal(10, 2)` with its parameters; other logical types by name. */
export function logicalText(name: string, props: readonly Prop[]): string {
  if (name !== 'decimal') return name;
  const num = (key: string) => {
    const p = [...props].reverse().find((x) => x.key === key);
    return p ? describeJson(p.value) : undefined;
  };
  const precision = num('precision');
  const scale = num('scale');
  return precision === undefined ? 'decimal' : `decimal(${precision}${scale === undefined ? '' : `, ${scale}`})`;
}

/** The kind of a named type as a word: `record`, `error`, `enum`, `fixed(16)`. */
export function namedKind(s: NamedSchema): string {
  if (s.kind === 'record') return s.error ? 'error' : 'record';
  if (s.kind === 'fixed') {
    const size = s.size?.kind === 'number' ? s.size.text : '?';
    return `fixed(${size})`;
  }
  return 'enum';
}

/** What each primitive type holds, for hovers and completion details. */
export const PRIMITIVE_DOCS: Readonly<Record<string, string>> = {
  null: 'no value',
  boolean: 'a binary value',
  int: '32-bit signed integer',
  long: '64-bit signed integer',
  float: 'single precision (32-bit) IEEE 754 floating-point number',
  double: 'double precision (64-bit) IEEE 754 floating-point number',
  bytes: 'sequence of 8-bit unsigned bytes',
  string: 'unicode character sequence',
};

/** What each standard logical type means, for hovers and completion details. */
export const LOGICAL_DOCS: Readonly<Record<string, string>> = {
  decimal: 'arbitrary-precision signed decimal number: unscaled value × 10^-scale',
  'big-decimal': 'decimal number whose scale is stored with each value',
  uuid: 'universally unique identifier (RFC 4122)',
  date: 'days since the Unix epoch (1970-01-01)',
  'time-millis': 'time of day in milliseconds after midnight',
  'time-micros': 'time of day in microseconds after midnight',
  'timestamp-millis': 'instant in milliseconds since the Unix epoch, UTC',
  'timestamp-micros': 'instant in microseconds since the Unix epoch, UTC',
  'timestamp-nanos': 'instant in nanoseconds since the Unix epoch, UTC',
  'local-timestamp-millis': 'local date-time in milliseconds, no time zone',
  'local-timestamp-micros': 'local date-time in microseconds, no time zone',
  'local-timestamp-nanos': 'local date-time in nanoseconds, no time zone',
  duration: 'months, days and milliseconds, as three little-endian unsigned ints',
};

/** A uri relative to the folder of another, for messages and import paths (`../common/money.avsc`). */
export function relativeUri(from: string, to: string): string {
  const a = from.split('/');
  const b = to.split('/');
  a.pop();
  let i = 0;
  while (i < a.length && i < b.length - 1 && a[i] === b[i]) i++;
  if (i < 3 && from.includes('://')) return to; // different schemes or hosts: nothing in common
  const up = a.length - i;
  return [...Array<string>(up).fill('..'), ...b.slice(i).map(decode)].join('/');
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
