/**
 * Semantic checks of an Avro file, whatever its syntax: names and namespaces, duplicates,
 * references (within the file, then through the registry), defaults, enums, fixed sizes, unions,
 * logical types and protocol messages. Each finding points at the smallest node that is wrong.
 *
 * Severity policy: what Avro Java 1.12 rejects is an error; what it accepts but the spec, avsc or
 * Python reject (a union default matching a later branch, forward references, string float
 * defaults) is a warning; what Avro silently ignores (bad logical types, misplaced attributes) is
 * a warning too, because the schema does not mean what it says.
 */
import { diagnostic, type Diagnostic, type Fix, type Severity } from '../diagnostics/diagnostic';
import type { Span } from '../text/span';
import type {
  AvroFile,
  AvroMessage,
  AvroSchema,
  EnumSchema,
  Field,
  FixedSchema,
  NamedSchema,
  NameNode,
  ReferenceSchema,
  UnionSchema,
} from './ast';
import { PRIMITIVE_TYPES, isPrimitiveType } from './ast';
import { checkDefaultValue, typeLabel, unionBranch, type Resolve } from './defaults';
import { describeJson } from './json';
import { checkLogicalType } from './logicalTypes';
import { closest, dottedNameProblem, nameProblem, qualify, referenceCandidates, splitFullName, type NameRule } from './names';
import type { AvroRegistry } from './registry';
import { namedDefinitions, walkFile } from './walk';

export interface CheckOptions {
  /** The document's uri: related information points into it, and the registry's copy of it is skipped. */
  readonly uri?: string;
  /** `strict` (default): the spec's ASCII names. `unicode`: Avro Java's default validator. */
  readonly names?: NameRule;
}

/**
 * The file's parse diagnostics plus every semantic finding, sorted by position. Names not
 * defined in the file are looked up in `registry` (other files); never throws.
 */
export function checkAvro(file: AvroFile, registry?: AvroRegistry, options: CheckOptions = {}): Diagnostic[] {
  const checker = new Checker(file, registry, options);
  checker.run();
  const seen = new Set<string>();
  const all: Diagnostic[] = [];
  for (const d of [...file.diagnostics, ...checker.diagnostics]) {
    const key = `${d.code}|${d.span.start}|${d.span.end}|${d.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    all.push(d);
  }
  return all.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
}

const COMPLEX_KEYWORDS = new Set(['record', 'error', 'enum', 'fixed', 'array', 'map', 'union']);
const SYNONYMS: Record<string, string> = { integer: 'int', bool: 'boolean', str: 'string', short: 'int', byte: 'bytes', binary: 'bytes', text: 'string' };
const ORDERS = ['ascending', 'descending', 'ignore'];
/** Type keywords Avro Java's IDL reader refuses as type names (besides the primitives). */
const IDL_RESERVED = new Set(['date', 'time_ms', 'timestamp_ms', 'uuid']);

class Checker {
  readonly diagnostics: Diagnostic[] = [];
  private readonly uri: string;
  private readonly rule: NameRule;
  private readonly isJson: boolean;
  /** First definition of each full name in this file. */
  private readonly local = new Map<string, NamedSchema>();
  private readonly resolve: Resolve;

  constructor(
    private readonly file: AvroFile,
    private readonly registry: AvroRegistry | undefined,
    options: CheckOptions,
  ) {
    this.uri = options.uri ?? '';
    this.rule = options.names ?? 'strict';
    this.isJson = file.syntax !== 'avdl';
    this.resolve = (ref) => this.lookup(ref);
  }

  private report(code: string, severity: Severity, message: string, span: Span, extra?: { related?: { span: Span; message: string }[]; fixes?: Fix[] }): void {
    this.diagnostics.push(
      diagnostic(code, severity, message, span, {
        ...(extra?.related ? { related: extra.related.map((r) => ({ uri: this.uri, ...r })) } : {}),
        ...(extra?.fixes ? { fixes: extra.fixes } : {}),
      }),
    );
  }

  /** A name as it is written in this syntax, for replacement edits. */
  private nameText(name: string): string {
    return this.isJson ? JSON.stringify(name) : /^[\p{L}_][\p{L}\p{Nd}_.]*$/u.test(name) ? name : `\`${name}\``;
  }

  private lookup(ref: ReferenceSchema): NamedSchema | undefined {
    for (const c of referenceCandidates(ref)) {
      const own = this.local.get(c);
      if (own) return own;
      // The registry's copy of this very file may be stale; its own tree was searched above.
      const other = this.registry?.lookup(c).find((d) => this.uri === '' || d.uri !== this.uri);
      if (other) return other.schema;
    }
    return undefined;
  }

  run(): void {
    for (const def of namedDefinitions(this.file)) {
      const first = this.local.get(def.fullName!);
      if (!first) {
        this.local.set(def.fullName!, def);
      } else if (first !== def) {
        this.report('avro/duplicate-type', 'error', `type "${def.fullName}" is already defined; rename one of them`, def.name!.span, {
          related: [{ span: first.name!.span, message: `first definition of "${def.fullName}"` }],
        });
      }
    }
    const protocol = this.file.protocol;
    if (protocol?.name) this.checkTypeName(protocol.name, 'protocol');
    if (protocol?.namespaceAttr && !protocol.name?.text.includes('.')) this.checkNamespace(protocol.namespaceAttr);
    if (this.file.namespace) this.checkNamespace(this.file.namespace);

    let inMessages = false;
    const seenSchemas = new Set<AvroSchema>();
    walkFile(this.file, {
      schema: (s, parent) => {
        if (seenSchemas.has(s)) return;
        seenSchemas.add(s);
        this.checkSchema(s, parent, inMessages);
      },
      field: (f) => this.checkField(f),
      message: (m) => {
        inMessages = true;
        this.checkMessage(m);
      },
    });
    this.checkAliasConflicts();
    this.checkMessageNames();
  }

  /** JSON cannot repeat a message (the key would repeat), IDL can: the later one replaces the earlier. */
  private checkMessageNames(): void {
    const seen = new Map<string, NameNode>();
    for (const m of this.file.protocol?.messages ?? []) {
      const first = seen.get(m.name.text);
      if (first) {
        this.report('avro/duplicate-message', 'warning', `message "${m.name.text}" is declared twice and this one replaces the first; rename or remove one`, m.name.span, {
          related: [{ span: first.span, message: `first "${m.name.text}"` }],
        });
      } else seen.set(m.name.text, m.name);
    }
  }

  private checkSchema(s: AvroSchema, parent: AvroSchema | undefined, inMessages: boolean): void {
    this.diagnostics.push(...checkLogicalType(s));
    switch (s.kind) {
      case 'record':
        this.checkNamed(s);
        this.checkFieldList(s.fields, s.error ? 'error' : 'record');
        break;
      case 'enum':
        this.checkNamed(s);
        this.checkEnum(s);
        break;
      case 'fixed':
        this.checkNamed(s);
        this.checkFixed(s);
        break;
      case 'reference':
        this.checkReference(s, inMessages);
        break;
      case 'union':
        this.checkUnion(s, parent);
        break;
      default:
        break;
    }
  }

  // --- names ---------------------------------------------------------------------------------

  private checkTypeName(name: NameNode, what: string): void {
    const problem = name.text.includes('.') ? dottedNameProblem(name.text, this.rule) : nameProblem(name.text, this.rule);
    if (problem) {
      this.report('avro/invalid-name', 'error', `invalid ${what} name "${name.text}": ${problem}; rename it and keep the old name in "aliases"`, name.span);
    }
  }

  private checkNamespace(ns: NameNode): void {
    if (ns.text === '') return;
    const problem = dottedNameProblem(ns.text, this.rule);
    if (problem) this.report('avro/invalid-namespace', 'error', `invalid namespace "${ns.text}": ${problem}`, ns.span);
  }

  private checkNamed(s: NamedSchema): void {
    if (s.name) {
      this.checkTypeName(s.name, s.kind === 'record' ? (s.error ? 'error' : 'record') : s.kind);
      const simple = splitFullName(s.name.text).name;
      if (isPrimitiveType(simple)) {
        this.report('avro/reserved-name', 'error', `"${simple}" is a primitive type and cannot name a ${s.kind}; choose another name`, s.name.span);
      } else if (!this.isJson && IDL_RESERVED.has(simple)) {
        this.report('avro/reserved-name', 'error', `"${simple}" is an IDL type keyword and cannot name a ${s.kind}; choose another name`, s.name.span);
      }
      if (s.namespaceAttr && s.name.text.includes('.')) {
        this.report(
          'avro/ignored-namespace',
          'warning',
          `"namespace" is ignored because the name "${s.name.text}" is already a full name; remove one of them`,
          s.namespaceAttr.span,
        );
      } else if (s.namespaceAttr) {
        this.checkNamespace(s.namespaceAttr);
      }
    }
    for (const a of s.aliases) {
      const problem = a.text.includes('.') ? dottedNameProblem(a.text, this.rule) : nameProblem(a.text, this.rule);
      if (problem) this.report('avro/invalid-alias', 'warning', `alias "${a.text}" is not a valid name: ${problem}; Avro Java rejects it`, a.span);
    }
  }

  /** Type aliases that name another type of this file. */
  private checkAliasConflicts(): void {
    for (const s of this.local.values()) {
      for (const a of s.aliases) {
        const full = qualify(a.text, s.namespace);
        const other = this.local.get(full);
        if (other && other !== s) {
          this.report('avro/alias-conflict', 'warning', `alias "${a.text}" is the name of another type, "${full}"; readers cannot tell them apart`, a.span, {
            related: [{ span: other.name!.span, message: `"${full}" is defined here` }],
          });
        }
      }
    }
  }

  // --- references ----------------------------------------------------------------------------

  private checkReference(ref: ReferenceSchema, inMessages: boolean): void {
    const target = this.lookup(ref);
    const written = ref.name.text;
    if (!target) {
      this.reportUnknown(ref);
      return;
    }
    const objectForm = ref.span.start !== ref.name.span.start || ref.span.end !== ref.name.span.end;
    if (objectForm || ref.props.length > 0 || ref.logicalType) {
      // `{"type": "Foo"}`: Avro Java, Python and avsc reject a named type in the object form.
      const bare = ref.props.length === 0 && !ref.logicalType;
      this.report(
        'avro/invalid-type',
        'error',
        `a schema object's "type" must be a primitive, record, error, enum, fixed, array or map; refer to "${written}" by its name alone`,
        ref.name.span,
        bare && this.isJson ? { fixes: [{ title: `Replace with "${written}"`, edits: [{ span: ref.span, newText: JSON.stringify(written) }], preferred: true }] } : undefined,
      );
      return;
    }
    const local = this.local.get(target.fullName!) === target;
    if (this.isJson && local && !inMessages && ref.span.start < target.span.start) {
      this.report(
        'avro/forward-reference',
        'warning',
        `"${written}" is used before its definition; Avro Java 1.12 accepts this but avsc, Python and older Java reject it: define it at its first use`,
        ref.name.span,
        { related: [{ span: target.name!.span, message: `"${target.fullName}" is defined here` }] },
      );
    }
  }

  private reportUnknown(ref: ReferenceSchema): void {
    const written = ref.name.text;
    if (COMPLEX_KEYWORDS.has(written)) {
      const needs: Record<string, string> = !this.isJson
        ? {
            record: 'a declared record, by its name',
            error: 'a declared error, by its name',
            enum: 'a declared enum, by its name',
            fixed: 'a declared fixed, by its name',
            array: 'array<T>',
            map: 'map<T>',
            union: 'union { A, B }',
          }
        : {
        record: '{"type": "record", "name": ..., "fields": [...]}',
        error: '{"type": "error", "name": ..., "fields": [...]}',
        enum: '{"type": "enum", "name": ..., "symbols": [...]}',
        fixed: '{"type": "fixed", "name": ..., "size": ...}',
        array: '{"type": "array", "items": ...}',
        map: '{"type": "map", "values": ...}',
        union: 'an array of the branch schemas',
      };
      this.report('avro/unknown-type', 'error', `"${written}" is not a type by itself; write ${needs[written]}`, ref.name.span);
      return;
    }
    const guess = this.suggestType(ref);
    this.report(
      'avro/unknown-type',
      'error',
      guess
        ? `unknown type "${written}"; did you mean "${guess}"?`
        : `unknown type "${written}"${ref.fullName !== written ? ` (looked up as "${ref.fullName}")` : ''}; define it, or use a primitive type`,
      ref.name.span,
      guess ? { fixes: [{ title: `Change to "${guess}"`, edits: [{ span: ref.name.span, newText: this.nameText(guess) }], preferred: true }] } : undefined,
    );
  }

  /** A likely intended type: a primitive by synonym or typo, or a defined name. */
  private suggestType(ref: ReferenceSchema): string | undefined {
    const written = ref.name.text;
    const synonym = SYNONYMS[written.toLowerCase()];
    if (synonym) return synonym;
    const fullNames = new Set<string>(this.local.keys());
    for (const n of this.registry?.names() ?? []) fullNames.add(n);
    const simple = splitFullName(written).name;
    const sameSimple = [...fullNames].filter((n) => splitFullName(n).name === simple);
    if (sameSimple.length === 1) return sameSimple[0];
    const candidates = new Set<string>(PRIMITIVE_TYPES);
    for (const n of fullNames) {
      candidates.add(n);
      const parts = splitFullName(n);
      if (parts.namespace === ref.namespace) candidates.add(parts.name);
    }
    return closest(written, candidates);
  }

  // --- records and fields --------------------------------------------------------------------

  private checkFieldList(fields: readonly Field[], owner: string): void {
    const byName = new Map<string, NameNode>();
    for (const f of fields) {
      if (!f.name) continue;
      const first = byName.get(f.name.text);
      if (first) {
        this.report('avro/duplicate-field', 'error', `${owner === 'message' ? 'parameter' : 'field'} "${f.name.text}" is already defined in this ${owner}; rename or remove one`, f.name.span, {
          related: [{ span: first.span, message: `first "${f.name.text}"` }],
        });
      } else byName.set(f.name.text, f.name);
    }
    for (const f of fields) {
      for (const a of f.aliases) {
        const clash = byName.get(a.text);
        if (clash && clash !== f.name) {
          this.report('avro/alias-conflict', 'warning', `alias "${a.text}" is the name of another field; readers would match the wrong field`, a.span, {
            related: [{ span: clash.span, message: `field "${a.text}"` }],
          });
        }
      }
    }
  }

  private checkField(f: Field): void {
    if (f.name) {
      const problem = nameProblem(f.name.text, this.rule);
      if (problem) this.report('avro/invalid-name', 'error', `invalid field name "${f.name.text}": ${problem}; rename it and keep the old name in "aliases"`, f.name.span);
    }
    for (const a of f.aliases) {
      const problem = nameProblem(a.text, this.rule);
      if (problem) this.report('avro/invalid-alias', 'warning', `field alias "${a.text}" is not a valid name: ${problem}`, a.span);
    }
    if (f.order) this.checkOrder(f.order);
    if (f.type && f.default) this.checkFieldDefault(f.type, f.default);
  }

  private checkOrder(order: NonNullable<Field['order']>): void {
    if (order.kind === 'string' && ORDERS.includes(order.value)) return;
    const lower = order.kind === 'string' ? order.value.toLowerCase() : undefined;
    const fixed = lower && ORDERS.includes(lower) ? lower : undefined;
    this.report(
      'avro/invalid-order',
      'error',
      `"order" must be "ascending", "descending" or "ignore", not ${describeJson(order)}`,
      order.span,
      fixed ? { fixes: [{ title: `Change to "${fixed}"`, edits: [{ span: order.span, newText: JSON.stringify(fixed) }], preferred: true }] } : undefined,
    );
  }

  private checkFieldDefault(type: AvroSchema, value: NonNullable<Field['default']>): void {
    if (type.kind === 'union') {
      if (type.branches.length === 0) return;
      const { index, verdict } = unionBranch(type, value, this.resolve);
      if (index < 0) {
        const first = type.branches[0]!;
        this.report(
          'avro/default-type-mismatch',
          'error',
          `default ${describeJson(value)} matches no branch of ${typeLabel(type, this.resolve)}; it must be a valid ${typeLabel(first, this.resolve)}, the first branch`,
          value.span,
        );
        return;
      }
      const match = type.branches[index]!;
      // An unresolved branch accepts any value; it is reported as unknown, and says nothing here.
      if (match.kind === 'reference' && !this.lookup(match)) return;
      if (verdict.kind === 'non-portable') this.report('avro/non-portable-default', 'warning', verdict.message, verdict.node.span);
      if (index > 0) this.reportLaterBranch(type, index, value);
      return;
    }
    const verdict = checkDefaultValue(type, value, this.resolve);
    if (verdict.kind === 'mismatch') this.report('avro/default-type-mismatch', 'error', verdict.message, verdict.node.span);
    else if (verdict.kind === 'non-portable') this.report('avro/non-portable-default', 'warning', verdict.message, verdict.node.span);
  }

  private reportLaterBranch(union: UnionSchema, index: number, value: NonNullable<Field['default']>): void {
    const first = union.branches[0]!;
    const match = union.branches[index]!;
    const text = this.file.text;
    const canSwap = !union.nullable && first.span.end <= match.span.start && match.span.end <= text.length;
    this.report(
      'avro/union-default-not-first',
      'warning',
      `default ${describeJson(value)} matches branch ${index + 1} (${typeLabel(match, this.resolve)}), not the first (${typeLabel(first, this.resolve)}); the spec, avsc and older Avro require the first: move that branch first`,
      value.span,
      canSwap
        ? {
            fixes: [
              {
                title: `Move ${typeLabel(match, this.resolve)} first in the union`,
                edits: [
                  { span: first.span, newText: text.slice(match.span.start, match.span.end) },
                  { span: match.span, newText: text.slice(first.span.start, first.span.end) },
                ],
                preferred: true,
              },
            ],
          }
        : undefined,
    );
  }

  // --- enums and fixed -----------------------------------------------------------------------

  private checkEnum(s: EnumSchema): void {
    const seen = new Map<string, NameNode>();
    for (const sym of s.symbols) {
      const problem = nameProblem(sym.text, this.rule);
      if (problem) this.report('avro/invalid-name', 'error', `invalid enum symbol "${sym.text}": ${problem}`, sym.span);
      const first = seen.get(sym.text);
      if (first) {
        this.report('avro/duplicate-symbol', 'error', `symbol "${sym.text}" is already in this enum; remove the duplicate`, sym.span, {
          related: [{ span: first.span, message: `first "${sym.text}"` }],
        });
      } else seen.set(sym.text, sym);
    }
    const d = s.default;
    if (!d) return;
    if (d.kind !== 'string') {
      this.report('avro/invalid-enum-default', 'error', `an enum default must be one of its symbols as a string, not ${describeJson(d)}`, d.span);
      return;
    }
    if (seen.has(d.value) || s.symbols.length === 0) return;
    const guess = closest(d.value, seen.keys());
    this.report(
      'avro/invalid-enum-default',
      'error',
      `enum default "${d.value}" is not one of its symbols${guess ? `; did you mean "${guess}"?` : `: ${[...seen.keys()].join(', ')}`}`,
      d.span,
      guess ? { fixes: [{ title: `Change to "${guess}"`, edits: [{ span: d.span, newText: this.isJson ? JSON.stringify(guess) : this.nameText(guess) }], preferred: true }] } : undefined,
    );
  }

  private checkFixed(s: FixedSchema): void {
    const size = s.size;
    if (!size) return;
    const ok = size.kind === 'number' && size.integer !== undefined && size.integer >= 0n && size.integer <= 2147483647n;
    if (!ok) this.report('avro/invalid-fixed-size', 'error', `fixed "size" must be a non-negative integer number of bytes, not ${describeJson(size)}`, size.span);
  }

  // --- unions --------------------------------------------------------------------------------

  private checkUnion(u: UnionSchema, parent: AvroSchema | undefined): void {
    if (parent?.kind === 'union') {
      this.report('avro/nested-union', 'error', 'a union cannot directly contain another union; merge its branches into the outer union', u.span);
    }
    const seen = new Map<string, AvroSchema>();
    for (const b of u.branches) {
      const key = this.branchKey(b);
      if (key === undefined) continue;
      const first = seen.get(key);
      if (first) {
        const what = key.startsWith('named:') ? `type "${key.slice(6)}"` : key === 'array' || key === 'map' ? `more than one ${key}` : `"${key}"`;
        this.report('avro/duplicate-union-branch', 'error', `union already has ${what}; a union holds at most one branch of each unnamed type and one of each name`, b.span, {
          related: [{ span: first.span, message: 'first branch of this type' }],
        });
      } else seen.set(key, b);
    }
  }

  private branchKey(b: AvroSchema): string | undefined {
    switch (b.kind) {
      case 'primitive':
        return b.type;
      case 'array':
      case 'map':
      case 'union':
        return b.kind;
      case 'record':
      case 'enum':
      case 'fixed':
        return b.fullName === undefined ? undefined : `named:${b.fullName}`;
      case 'reference': {
        const target = this.lookup(b);
        return `named:${target?.fullName ?? b.fullName}`;
      }
      case 'invalid':
        return undefined;
    }
  }

  // --- protocols -----------------------------------------------------------------------------

  private checkMessage(m: AvroMessage): void {
    this.checkFieldList(m.request, 'message');
    if (m.oneWay) {
      if (m.oneWay.kind !== 'boolean') {
        this.report('avro/invalid-attribute', 'error', `"one-way" must be true or false, not ${describeJson(m.oneWay)}`, m.oneWay.span);
      } else if (m.oneWay.value) {
        const returnsNull = !m.response || (m.response.kind === 'primitive' && m.response.type === 'null');
        if (!returnsNull || m.errors.length > 0) {
          this.report('avro/invalid-one-way', 'error', `one-way message "${m.name.text}" must return null and declare no errors`, m.oneWay.span);
        }
      }
    }
    for (const e of m.errors) {
      const target: AvroSchema | undefined = e.kind === 'reference' ? this.lookup(e) : e;
      if (!target || e.kind === 'invalid') continue;
      if (!(target.kind === 'record' && target.error)) {
        this.report('avro/not-an-error', 'error', `message "${m.name.text}" can only throw error types, and ${typeLabel(target, this.resolve)} is not one`, e.span);
      }
    }
  }
}
