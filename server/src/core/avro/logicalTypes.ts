/**
 * Logical types (spec "Logical Types"). Avro ignores an unknown or invalid logical type and uses
 * the underlying type, so every problem here is a warning: the schema works, just not as meant.
 */
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic';
import type { AvroSchema, Prop } from './ast';
import { closest } from './names';

/** The underlying type each standard logical type annotates. */
export const LOGICAL_TYPES: Readonly<Record<string, string>> = {
  decimal: 'bytes or fixed',
  'big-decimal': 'bytes',
  uuid: 'string or fixed(16)',
  date: 'int',
  'time-millis': 'int',
  'time-micros': 'long',
  'timestamp-millis': 'long',
  'timestamp-micros': 'long',
  'timestamp-nanos': 'long',
  'local-timestamp-millis': 'long',
  'local-timestamp-micros': 'long',
  'local-timestamp-nanos': 'long',
  duration: 'fixed(12)',
};

/** The most decimal digits a fixed of `size` bytes holds: floor(log10(2^(8n-1) - 1)). */
export function maxDecimalPrecision(size: number): number {
  if (size <= 0) return 0;
  return (2n ** BigInt(8 * size - 1) - 1n).toString().length - 1;
}

function intProp(props: readonly Prop[], key: string): { prop?: Prop; value?: number } {
  const prop = [...props].reverse().find((p) => p.key === key);
  if (!prop) return {};
  const v = prop.value;
  return { prop, value: v.kind === 'number' && v.integer !== undefined ? Number(v.integer) : undefined };
}

function fixedSize(s: AvroSchema): number | undefined {
  return s.kind === 'fixed' && s.size?.kind === 'number' && s.size.integer !== undefined ? Number(s.size.integer) : undefined;
}

/** Problems with `schema.logicalType`, if it has one. */
export function checkLogicalType(schema: AvroSchema): Diagnostic[] {
  const lt = schema.logicalType;
  if (!lt) return [];
  const out: Diagnostic[] = [];
  const warn = (message: string, span = lt.span) => out.push(diagnostic('avro/invalid-logical-type', 'warning', message, span));
  const base = schema.kind === 'primitive' ? schema.type : schema.kind === 'fixed' ? `fixed(${fixedSize(schema) ?? '?'})` : schema.kind;
  const ignored = `; Avro ignores the logical type and uses plain ${schema.kind === 'primitive' ? schema.type : schema.kind}`;
  const name = lt.text;
  const expected = LOGICAL_TYPES[name];
  if (expected === undefined) {
    const guess = closest(name, Object.keys(LOGICAL_TYPES));
    if (guess) {
      // Written as a string in both syntaxes (`"logicalType": "..."`, `@logicalType("...")`).
      const newText = JSON.stringify(guess);
      out.push(
        diagnostic('avro/unknown-logical-type', 'warning', `unknown logical type "${name}"; did you mean "${guess}"?`, lt.span, {
          fixes: [{ title: `Change to "${guess}"`, edits: [{ span: lt.span, newText }], preferred: true }],
        }),
      );
    } else {
      out.push(diagnostic('avro/unknown-logical-type', 'hint', `logical type "${name}" is not a standard one; readers without support for it use plain ${base}`, lt.span));
    }
    return out;
  }
  if (schema.kind === 'reference') return out;
  switch (name) {
    case 'decimal': {
      if (!(schema.kind === 'primitive' && schema.type === 'bytes') && schema.kind !== 'fixed') {
        warn(`decimal annotates bytes or fixed, not ${base}${ignored}`);
        break;
      }
      const p = intProp(schema.props, 'precision');
      const sc = intProp(schema.props, 'scale');
      if (!p.prop) {
        warn(`decimal needs a "precision" (the number of digits)${ignored}`);
        break;
      }
      if (p.value === undefined || p.value <= 0) {
        warn(`decimal precision must be an integer greater than 0${ignored}`, p.prop.value.span);
        break;
      }
      if (sc.prop && (sc.value === undefined || sc.value < 0)) warn(`decimal scale must be an integer of 0 or more${ignored}`, sc.prop.value.span);
      else if (sc.prop && sc.value! > p.value) warn(`decimal scale ${sc.value} is greater than its precision ${p.value}${ignored}`, sc.prop.value.span);
      const size = fixedSize(schema);
      if (size !== undefined && size <= 4096 && p.value > maxDecimalPrecision(size)) {
        warn(`a fixed of ${size} bytes holds at most ${maxDecimalPrecision(size)} digits, not precision ${p.value}${ignored}`, p.prop.value.span);
      }
      break;
    }
    case 'uuid':
      if (!(schema.kind === 'primitive' && schema.type === 'string') && !(schema.kind === 'fixed' && fixedSize(schema) === 16)) {
        warn(`uuid annotates string or fixed of size 16, not ${base}${ignored}`);
      }
      break;
    case 'duration':
      if (!(schema.kind === 'fixed' && fixedSize(schema) === 12)) warn(`duration annotates a fixed of size 12, not ${base}${ignored}`);
      break;
    default:
      if (!(schema.kind === 'primitive' && schema.type === expected)) warn(`${name} annotates ${expected}, not ${base}${ignored}`);
  }
  return out;
}
