/**
 * Avro schema resolution, reader against writer, as Avro Java 1.12's `SchemaCompatibility`
 * decides it (Confluent Schema Registry and Karapace run that class, so its verdict is what
 * "compatible" means in practice). The walk, the memoization of named-type pairs, the location
 * stack and the six incompatibility types follow it step by step, quirks included:
 * - a reader union reads a non-union writer when any branch reads it completely;
 * - union branches are judged with a fresh location, so a problem inside a branch surfaces as
 *   one MISSING_UNION_BRANCH at the union;
 * - a reader field with no writer counterpart and no default, whose type is an enum with a
 *   default, is checked as that enum against the writer record (a TYPE_MISMATCH);
 * - a pair of named types met again while it is being judged counts as compatible, and a pair
 *   met again later repeats its first result (same locations).
 * Logical types, decimal precision and doc are ignored, as Java ignores them.
 * Deviation: when a reader field matches one writer field by name and another by alias, Java
 * throws; we take the field of the same name.
 * Never throws: a node that cannot be judged (unresolved reference, invalid or missing schema) is
 * taken as compatible; the file checks report it.
 */
import type { AvroSchema, EnumSchema, Field, FixedSchema, PrimitiveType, RecordSchema } from '../../avro/ast';
import type { Span } from '../../text/span';
import { fullName, schemaNameEquals } from './names';
import { primitiveReads } from './promotions';
import { SideContext, type AvroSide, type Resolved } from './side';
import type { AvroCompatResult, AvroFacts, AvroIncompatibility, AvroIncompatibilityType, AvroSidePoint } from './types';

export type { AvroSide } from './side';

/** Whether `reader` reads everything `writer` writes, with every incompatibility found. */
export function checkAvroCompat(reader: AvroSide, writer: AvroSide): AvroCompatResult {
  const checker = new Checker(new SideContext(reader), new SideContext(writer));
  const root = (ctx: SideContext): Pos => ({ node: ctx.side.schema, anchor: ctx.anchor(ctx.side.schema, ctx.side.schema.span) });
  const result = checker.fresh(root(checker.r), root(checker.w));
  return { compatible: result.compatible, incompatibilities: result.incompatibilities };
}

/** A schema as used at one position, and where to report it. */
interface Pos {
  readonly node: AvroSchema;
  readonly anchor: Span;
}

interface Result {
  readonly compatible: boolean;
  readonly incompatibilities: readonly AvroIncompatibility[];
}

const COMPATIBLE: Result = { compatible: true, incompatibilities: [] };
const IN_PROGRESS: Result = { compatible: true, incompatibilities: [] };

function merge(a: Result, b: Result): Result {
  if (b.compatible && b.incompatibilities.length === 0) return a;
  if (a.compatible && a.incompatibilities.length === 0) return b;
  return { compatible: a.compatible && b.compatible, incompatibilities: [...a.incompatibilities, ...b.incompatibilities] };
}

/** Java's `getLocation()`: the root token dropped, JSON-pointer escaping. */
function pointer(location: readonly string[]): string {
  return '/' + location.slice(1).map((t) => t.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');
}

/** Java's `Schema.Type` name. */
function javaType(s: Resolved): string {
  return (s.kind === 'primitive' ? s.type : s.kind).toUpperCase();
}

/** A type for messages: `int`, `record a.Foo`, `array`. */
function label(s: Resolved): string {
  if (s.kind === 'primitive') return s.type;
  if (s.kind === 'record' || s.kind === 'enum' || s.kind === 'fixed') {
    const name = fullName(s);
    return name === undefined ? s.kind : `${s.kind} ${name}`;
  }
  return s.kind;
}

class Checker {
  private readonly memo = new Map<object, Map<object, Result>>();

  constructor(
    readonly r: SideContext,
    readonly w: SideContext,
  ) {}

  /** Java's public `getCompatibility(reader, writer)`: a new location stack. */
  fresh(rp: Pos, wp: Pos): Result {
    return this.get('', rp, wp, []);
  }

  private get(token: string, rp: Pos, wp: Pos, location: string[]): Result {
    location.push(token);
    const rd = this.r.deref(rp.node);
    const wd = this.w.deref(wp.node);
    let result = COMPATIBLE;
    if (rd && wd) {
      let row = this.memo.get(rd);
      if (!row) this.memo.set(rd, (row = new Map()));
      const cached = row.get(wd);
      if (cached) result = cached === IN_PROGRESS ? COMPATIBLE : cached;
      else {
        row.set(wd, IN_PROGRESS);
        result = this.calculate(rd, wd, rp, wp, location);
        row.set(wd, result);
      }
    }
    location.pop();
    return result;
  }

  private incompatible(
    type: AvroIncompatibilityType,
    detail: string,
    location: readonly string[],
    fragments: { readonly readerSchema: Resolved; readonly writerSchema: Resolved; readonly readerField?: Field },
    reader: AvroSidePoint,
    writer: AvroSidePoint,
    facts: AvroFacts,
  ): Result {
    return { compatible: false, incompatibilities: [{ type, location: pointer(location), detail, ...fragments, reader, writer, facts }] };
  }

  private facts(rd: Resolved, wd: Resolved, extra?: Partial<AvroFacts>): AvroFacts {
    return { readerType: label(rd), writerType: label(wd), ...extra };
  }

  private calculate(rd: Resolved, wd: Resolved, rp: Pos, wp: Pos, location: string[]): Result {
    const sameType = rd.kind === wd.kind && (rd.kind !== 'primitive' || rd.type === (wd as typeof rd).type);
    if (sameType) {
      switch (rd.kind) {
        case 'primitive':
          return COMPATIBLE;
        case 'array': {
          const w = wd as typeof rd;
          if (!rd.items || !w.items) return COMPATIBLE;
          return this.get('items', this.pos(this.r, rd.items, rp), this.pos(this.w, w.items, wp), location);
        }
        case 'map': {
          const w = wd as typeof rd;
          if (!rd.values || !w.values) return COMPATIBLE;
          return this.get('values', this.pos(this.r, rd.values, rp), this.pos(this.w, w.values, wp), location);
        }
        case 'fixed':
          return merge(this.names(rd, wd as FixedSchema, rp, wp, location), this.size(rd, wd as FixedSchema, rp, wp, location));
        case 'enum':
          return merge(this.names(rd, wd as EnumSchema, rp, wp, location), this.symbols(rd, wd as EnumSchema, rp, wp, location));
        case 'record':
          return merge(this.names(rd, wd as RecordSchema, rp, wp, location), this.fields(rd, wd as RecordSchema, rp, wp, location));
        case 'union': {
          let result = COMPATIBLE;
          const w = wd as typeof rd;
          w.branches.forEach((branch, i) => {
            location.push(String(i));
            const bp = this.pos(this.w, branch, wp);
            if (!this.fresh(rp, bp).compatible) {
              const bd = this.w.deref(branch)!;
              result = merge(
                result,
                this.incompatible('MISSING_UNION_BRANCH', `reader union lacking writer type: ${javaType(bd)}`, location, { readerSchema: rd, writerSchema: bd }, { span: rp.anchor }, { span: bp.anchor }, this.facts(rd, bd, { writerBranch: i })),
              );
            }
            location.pop();
          });
          return result;
        }
      }
    }
    if (wd.kind === 'union') {
      let result = COMPATIBLE;
      wd.branches.forEach((branch, i) => {
        result = merge(result, this.get(String(i), rp, this.pos(this.w, branch, wp), location));
      });
      return result;
    }
    if (rd.kind === 'primitive') {
      if (wd.kind === 'primitive' && primitiveReads(rd.type, wd.type as PrimitiveType)) return COMPATIBLE;
      return this.typeMismatch(rd, wd, rp, wp, location);
    }
    if (rd.kind !== 'union') return this.typeMismatch(rd, wd, rp, wp, location);
    for (const branch of rd.branches) {
      if (this.fresh(this.pos(this.r, branch, rp), wp).compatible) return COMPATIBLE;
    }
    return this.incompatible(
      'MISSING_UNION_BRANCH',
      `reader union lacking writer type: ${javaType(wd)}`,
      location,
      { readerSchema: rd, writerSchema: wd },
      { span: rp.anchor },
      { span: wp.anchor },
      this.facts(rd, wd),
    );
  }

  private pos(ctx: SideContext, node: AvroSchema, outer: Pos): Pos {
    return { node, anchor: ctx.anchor(node, outer.anchor) };
  }

  private typeMismatch(rd: Resolved, wd: Resolved, rp: Pos, wp: Pos, location: string[]): Result {
    return this.incompatible(
      'TYPE_MISMATCH',
      `reader type: ${javaType(rd)} not compatible with writer type: ${javaType(wd)}`,
      location,
      { readerSchema: rd, writerSchema: wd },
      { span: rp.anchor },
      { span: wp.anchor },
      this.facts(rd, wd),
    );
  }

  private names<T extends RecordSchema | EnumSchema | FixedSchema>(rd: T, wd: T, rp: Pos, wp: Pos, location: string[]): Result {
    if (schemaNameEquals(rd, wd)) return COMPATIBLE;
    location.push('name');
    const result = this.incompatible(
      'NAME_MISMATCH',
      `expected: ${fullName(wd) ?? ''}`,
      location,
      { readerSchema: rd, writerSchema: wd },
      { span: this.r.inner(rd, rd.name?.span, rp.anchor) },
      { span: this.w.inner(wd, wd.name?.span, wp.anchor) },
      this.facts(rd, wd, { readerName: fullName(rd), writerName: fullName(wd) }),
    );
    location.pop();
    return result;
  }

  private size(rd: FixedSchema, wd: FixedSchema, rp: Pos, wp: Pos, location: string[]): Result {
    const r = rd.size?.kind === 'number' ? rd.size.integer : undefined;
    const w = wd.size?.kind === 'number' ? wd.size.integer : undefined;
    if (r === undefined || w === undefined || r === w) return COMPATIBLE;
    location.push('size');
    const result = this.incompatible(
      'FIXED_SIZE_MISMATCH',
      `expected: ${w}, found: ${r}`,
      location,
      { readerSchema: rd, writerSchema: wd },
      { span: this.r.inner(rd, rd.size?.span, rp.anchor) },
      { span: this.w.inner(wd, wd.size?.span, wp.anchor) },
      this.facts(rd, wd, { readerSize: String(r), writerSize: String(w) }),
    );
    location.pop();
    return result;
  }

  private symbols(rd: EnumSchema, wd: EnumSchema, rp: Pos, wp: Pos, location: string[]): Result {
    const readerSymbols = new Set(rd.symbols.map((s) => s.text));
    const missing = [...new Set(wd.symbols.map((s) => s.text))].filter((s) => !readerSymbols.has(s)).sort();
    if (missing.length === 0 || enumDefault(rd) !== undefined) return COMPATIBLE;
    location.push('symbols');
    const missingNodes = wd.symbols.filter((s) => missing.includes(s.text));
    const items = missingNodes.map((s) => this.w.inner(wd, s.span, wp.anchor));
    const writerSpan = missingNodes.length === 1 ? items[0]! : this.w.inner(wd, wd.symbolsSpan, wp.anchor);
    const result = this.incompatible(
      'MISSING_ENUM_SYMBOLS',
      `[${missing.join(', ')}]`,
      location,
      { readerSchema: rd, writerSchema: wd },
      { span: this.r.inner(rd, rd.symbolsSpan, rp.anchor) },
      { span: writerSpan, items },
      this.facts(rd, wd, { symbols: missing, readerName: fullName(rd), writerName: fullName(wd) }),
    );
    location.pop();
    return result;
  }

  private fields(rd: RecordSchema, wd: RecordSchema, rp: Pos, wp: Pos, location: string[]): Result {
    let result = COMPATIBLE;
    location.push('fields');
    rd.fields.forEach((field, i) => {
      if (!field.name) return;
      location.push(String(i));
      const writerField = lookupWriterField(wd, field);
      if (!writerField) {
        if (field.default === undefined) {
          const type = this.r.deref(field.type);
          if (field.type && type?.kind === 'enum' && enumDefaultSymbol(type) !== undefined) {
            // Always a TYPE_MISMATCH (enum against record); keep the field so that the finding
            // can say what really happened and sit where a missing field sits.
            const quirk = this.get('type', this.pos(this.r, field.type, rp), wp, location);
            const name = field.name;
            const reader = { span: this.r.inner(field, name.span, rp.anchor) };
            const writer = { span: this.w.inner(wd, wd.name?.span, wp.anchor) };
            result = merge(result, {
              compatible: quirk.compatible,
              incompatibilities: quirk.incompatibilities.map((i) => ({ ...i, readerField: field, reader, writer, facts: { ...i.facts, field: name.text } })),
            });
          } else {
            result = merge(
              result,
              this.incompatible(
                'READER_FIELD_MISSING_DEFAULT_VALUE',
                field.name.text,
                location,
                { readerSchema: rd, writerSchema: wd, readerField: field },
                { span: this.r.inner(field, field.name.span, rp.anchor) },
                { span: this.w.inner(wd, wd.name?.span, wp.anchor) },
                this.facts(rd, wd, { field: field.name.text, readerName: fullName(rd), writerName: fullName(wd) }),
              ),
            );
          }
        }
      } else if (field.type && writerField.type) {
        result = merge(result, this.get('type', this.pos(this.r, field.type, rp), this.pos(this.w, writerField.type, wp), location));
      }
      location.pop();
    });
    location.pop();
    return result;
  }
}

/** Java's `getEnumDefault()`: a string default (Java's parser rejects one that is not a symbol). */
function enumDefaultSymbol(e: EnumSchema): string | undefined {
  return e.default?.kind === 'string' ? e.default.value : undefined;
}

/** The default that lets the enum read unknown symbols: one of its own symbols. */
function enumDefault(e: EnumSchema): string | undefined {
  const d = enumDefaultSymbol(e);
  return d !== undefined && e.symbols.some((s) => s.text === d) ? d : undefined;
}

/** Java's `lookupWriterField`: by the reader field's name, else by its aliases in order. */
function lookupWriterField(writer: RecordSchema, readerField: Field): Field | undefined {
  const byName = (name: string) => writer.fields.find((f) => f.name?.text === name);
  const direct = byName(readerField.name!.text);
  if (direct) return direct;
  for (const alias of readerField.aliases) {
    const found = byName(alias.text);
    if (found) return found;
  }
  return undefined;
}
