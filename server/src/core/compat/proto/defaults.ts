/**
 * Field default values as protobuf-go reports them (`Default()`): the explicit `[default = ...]`,
 * else the zero of the kind, and for an enum the first value the enum declares. Compared the way
 * buf compares them: strings and bytes exactly, every number (bool and enum included) by exact
 * numeric value, float against double at float precision.
 */
import type { Constant } from '../../proto/ast';
import type { ImageEnum, ImageField } from './image';

export type DefaultValue =
  | { readonly t: 'bytes'; readonly v: string; readonly printable: string }
  | { readonly t: 'bool'; readonly v: boolean; readonly printable: string }
  | { readonly t: 'int'; readonly v: bigint; readonly printable: string }
  | { readonly t: 'f32' | 'f64'; readonly v: number; readonly printable: string };

export function canHaveDefault(f: ImageField): boolean {
  return f.cardinality !== 'repeated' && f.cardinality !== 'map' && f.kind !== 'message' && f.kind !== 'group';
}

/** The bytes a string literal's source text (quotes included, adjacent literals allowed) stands for, one char per byte. */
export function literalBytes(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const quote = text[i];
    if (quote !== '"' && quote !== "'") {
      i++;
      continue;
    }
    i++;
    while (i < text.length && text[i] !== quote) {
      const c = text[i]!;
      if (c !== '\\') {
        const cp = text.codePointAt(i)!;
        out += utf8(cp);
        i += cp > 0xffff ? 2 : 1;
        continue;
      }
      const e = text[i + 1] ?? '';
      i += 2;
      const simple: Record<string, number> = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, '\\': 92, "'": 39, '"': 34, '?': 63 };
      if (e in simple) out += String.fromCharCode(simple[e]!);
      else if (e === 'x' || e === 'X') {
        let h = '';
        while (h.length < 2 && /[0-9a-fA-F]/.test(text[i] ?? '')) h += text[i++];
        out += String.fromCharCode(parseInt(h || '0', 16));
      } else if (/[0-7]/.test(e)) {
        let o = e;
        while (o.length < 3 && /[0-7]/.test(text[i] ?? '')) o += text[i++];
        out += String.fromCharCode(parseInt(o, 8) & 0xff);
      } else if (e === 'u' || e === 'U') {
        const n = e === 'u' ? 4 : 8;
        const h = text.slice(i, i + n);
        i += n;
        out += utf8(parseInt(h, 16) || 0);
      } else out += e;
    }
    i++;
  }
  return out;
}

const encoder = new TextEncoder();

function utf8(cp: number): string {
  // An escape beyond Unicode (protoc rejects it) must not throw here.
  const safe = Number.isInteger(cp) && cp >= 0 && cp <= 0x10ffff ? cp : 0xfffd;
  return String.fromCharCode(...encoder.encode(String.fromCodePoint(safe)));
}

/** Go's %q of a UTF-8 byte string (close enough for messages: printable runes as is, others escaped). */
function goQuote(bytes: string): string {
  let s: string;
  try {
    s = new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bytes, (c) => c.charCodeAt(0)));
  } catch {
    s = bytes;
  }
  return JSON.stringify(s);
}

/**
 * Go's %v of a float (strconv's shortest %g): the fewest digits that read back as the same value
 * at its precision, in exponent form below 1e-4 and from 1e6 on (`9e+09`, `1.5e-05`), `+Inf`, `NaN`.
 */
function goFloat(v: number, single: boolean): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '+Inf';
  if (v === -Infinity) return '-Inf';
  if (v === 0) return Object.is(v, -0) ? '-0' : '0';
  let exponential = v.toExponential();
  if (single) {
    for (let p = 1; p <= 9; p++) {
      const candidate = v.toExponential(p - 1);
      if (Math.fround(Number(candidate)) === v) {
        exponential = candidate;
        break;
      }
    }
  }
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(exponential);
  if (!m) return String(v);
  const [, sign, first, rest = '', expText] = m;
  const exp = Number(expText);
  const digits = first! + rest;
  if (exp < -4 || exp >= 6) {
    const e = Math.abs(exp);
    return `${sign}${first}${rest ? '.' + rest : ''}e${exp < 0 ? '-' : '+'}${e < 10 ? '0' : ''}${e}`;
  }
  if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
  const whole = digits.slice(0, exp + 1).padEnd(exp + 1, '0');
  const fraction = digits.slice(exp + 1);
  return `${sign}${whole}${fraction ? '.' + fraction : ''}`;
}

function parseBigInt(text: string): bigint | undefined {
  const m = /^([-+]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)$/.exec(text.trim());
  if (!m) return undefined;
  const body = m[2]!;
  let v: bigint;
  if (/^0[xX]/.test(body)) v = BigInt(body);
  else if (body.length > 1 && body.startsWith('0')) v = BigInt('0o' + body.slice(1));
  else v = BigInt(body);
  return m[1] === '-' ? -v : v;
}

function parseFloatConstant(c: Constant): number {
  const text = c.text.toLowerCase().replace(/^\+/, '');
  if (text === 'inf' || text === 'infinity') return Infinity;
  if (text === '-inf' || text === '-infinity') return -Infinity;
  if (text === 'nan' || text === '-nan') return NaN;
  if (c.kind === 'int') {
    const b = parseBigInt(c.text);
    return b === undefined ? 0 : Number(b);
  }
  const v = Number(c.text);
  return Number.isNaN(v) ? 0 : v;
}

/**
 * The default of a field, or undefined when it cannot be known (an enum that is not in the image).
 * `enums` looks an enum up by full name.
 */
export function fieldDefault(f: ImageField, enums: (fullName: string) => ImageEnum | undefined): DefaultValue | undefined {
  const c = f.defaultValue?.value;
  switch (f.kind) {
    case 'string':
    case 'bytes': {
      const v = c?.kind === 'string' ? literalBytes(c.text) : '';
      const printable =
        f.kind === 'bytes'
          ? `[${Array.from(v, (ch) => `0x${ch.charCodeAt(0).toString(16).toUpperCase()}`).join(',')}]`
          : goQuote(v);
      return { t: 'bytes', v, printable };
    }
    case 'bool': {
      const v = c?.kind === 'bool' ? c.value : c?.kind === 'ident' ? c.value === 'true' : false;
      return { t: 'bool', v, printable: String(v) };
    }
    case 'float':
    case 'double': {
      let v = c ? parseFloatConstant(c) : 0;
      if (f.kind === 'float') v = Math.fround(v);
      return { t: f.kind === 'float' ? 'f32' : 'f64', v, printable: goFloat(v, f.kind === 'float') };
    }
    case 'enum': {
      const e = f.typeName ? enums(f.typeName) : undefined;
      if (!e) return undefined;
      const value = c?.kind === 'ident' ? e.values.find((x) => x.name === c.value) : e.values[0];
      if (!value) return undefined;
      return { t: 'int', v: BigInt(value.number), printable: `${e.name}.${value.name}` };
    }
    case 'message':
    case 'group':
      return undefined;
    default: {
      const v = c && (c.kind === 'int' || c.kind === 'float') ? (parseBigInt(c.text) ?? 0n) : 0n;
      return { t: 'int', v, printable: v.toString() };
    }
  }
}

export function isZeroDefault(d: DefaultValue): boolean {
  switch (d.t) {
    case 'bytes':
      return d.v === '';
    case 'bool':
      return !d.v;
    case 'int':
      return d.v === 0n;
    default:
      // Go's reflect zero check on floats: +0 only, not -0 and not NaN.
      return Object.is(d.v, 0);
  }
}

function asNumber(d: DefaultValue): { nan: boolean; int?: bigint; float?: number } {
  switch (d.t) {
    case 'bool':
      return { nan: false, int: d.v ? 1n : 0n };
    case 'int':
      return { nan: false, int: d.v };
    case 'f32':
    case 'f64':
      return Number.isNaN(d.v) ? { nan: true } : { nan: false, float: d.v };
    default:
      return { nan: false };
  }
}

export function defaultsEqual(a: DefaultValue, b: DefaultValue): boolean {
  if (a.t === 'bytes' || b.t === 'bytes') return a.t === b.t && a.v === b.v;
  if ((a.t === 'f32' && b.t === 'f64') || (a.t === 'f64' && b.t === 'f32')) {
    return (Number.isNaN(a.v) && Number.isNaN(b.v)) || Math.fround(a.v) === Math.fround(b.v);
  }
  const x = asNumber(a);
  const y = asNumber(b);
  if (x.nan || y.nan) return x.nan && y.nan;
  if (x.int !== undefined && y.int !== undefined) return x.int === y.int;
  if (x.float !== undefined && y.float !== undefined) return x.float === y.float;
  // An integer against a float: equal only if the float is that exact integer.
  const float = x.float ?? y.float!;
  const int = x.int ?? y.int!;
  return Number.isInteger(float) && Number.isFinite(float) && BigInt(float) === int;
}
