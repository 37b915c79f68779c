/**
 * Avro IDL (1.12) -> the Avro AST that `.avsc` and `.avpr` also lower into, so every check,
 * the registry and the editor features work on IDL unchanged. Hand-written recursive descent
 * that reports a syntax error and resynchronises at `;` or `}` instead of stopping, and keeps
 * a span on everything: the IDL text that produced each node.
 *
 * Lowering follows Avro Java's IdlReader: a record's namespace applies to the types its fields
 * name; `T?` becomes a union with null first, or last when the default is not null; `void` is
 * null; keyword logical types (`date`, `decimal(p,s)`, ...) become the annotated primitive;
 * annotations become attributes, except `@namespace`, `@aliases` and `@order` where they mean
 * those attributes.
 */
import { diagnostic, type Diagnostic, type Fix, type Severity } from '../../diagnostics/diagnostic';
import type { Span } from '../../text/span';
import type {
  AvroFile,
  AvroImport,
  AvroMessage,
  AvroProtocol,
  AvroSchema,
  DocNode,
  Field,
  NameNode,
  PrimitiveType,
  Prop,
} from '../ast';
import type { JsonMember, JsonString, JsonValue } from '../json';
import { qualify, resolveDefinitionName } from '../names';
import { lexIdl, type DocComment, type Token } from './lexer';

/** Parses an Avro IDL (`.avdl`) file. Never throws. */
export function parseAvdl(text: string): AvroFile {
  const lexed = lexIdl(text);
  const parser = new IdlParser(text, lexed.tokens);
  const file = parser.parseFile();
  return { ...file, diagnostics: [...lexed.diagnostics, ...parser.diagnostics] };
}

const PRIMITIVE_KEYWORDS: Record<string, PrimitiveType> = {
  boolean: 'boolean',
  int: 'int',
  long: 'long',
  float: 'float',
  double: 'double',
  bytes: 'bytes',
  string: 'string',
  null: 'null',
};
/** Keyword logical types: the primitive they annotate and the logical type name. */
const LOGICAL_KEYWORDS: Record<string, [PrimitiveType, string]> = {
  date: ['int', 'date'],
  time_ms: ['int', 'time-millis'],
  timestamp_ms: ['long', 'timestamp-millis'],
  local_timestamp_ms: ['long', 'local-timestamp-millis'],
  uuid: ['string', 'uuid'],
};
const NAMED_KEYWORDS = new Set(['record', 'error', 'enum', 'fixed']);
const MAX_DEPTH = 200;

interface Annotation extends Prop {
  readonly atSpan: Span;
}

/** A type as written; `nullable` when it ended in `?`, decided into a union by the variable. */
interface TypeResult {
  readonly schema: AvroSchema;
  readonly nullable?: { readonly question: Span; readonly span: Span };
}

class IdlParser {
  readonly diagnostics: Diagnostic[] = [];
  private pos = 0;
  private readonly last: number;
  private readonly errorStarts = new Set<number>();
  private readonly usedDocs = new Set<DocComment>();
  private depth = 0;

  constructor(
    private readonly text: string,
    private readonly toks: Token[],
  ) {
    this.last = toks.length - 1;
  }

  // ---------------------------------------------------------------- tokens

  private get cur(): Token {
    return this.toks[this.pos]!;
  }

  private peek(k = 1): Token {
    return this.toks[Math.min(this.pos + k, this.last)]!;
  }

  private advance(): Token {
    const t = this.toks[this.pos]!;
    if (this.pos < this.last) this.pos++;
    return t;
  }

  private at(symbol: string, t: Token = this.cur): boolean {
    return t.kind === 'symbol' && t.text === symbol;
  }

  private eat(symbol: string): Token | undefined {
    return this.at(symbol) ? this.advance() : undefined;
  }

  /** An unescaped keyword (keywords are identifiers unless the context makes them special). */
  private atWord(word: string, t: Token = this.cur): boolean {
    return t.kind === 'ident' && !t.escaped && t.value === word;
  }

  private prevEnd(): number {
    return this.pos > 0 ? this.toks[this.pos - 1]!.span.end : 0;
  }

  private from(start: number): Span {
    return { start, end: Math.max(start, this.prevEnd()) };
  }

  // ---------------------------------------------------------------- diagnostics

  private report(code: string, severity: Severity, message: string, span: Span, fixes?: Fix[]): void {
    this.diagnostics.push(diagnostic(code, severity, message, span, fixes ? { fixes } : undefined));
  }

  private error(message: string, span: Span, code = 'syntax/unexpected-token', fixes?: Fix[]): void {
    if (this.errorStarts.has(span.start)) return;
    this.errorStarts.add(span.start);
    this.report(code, 'error', message, span, fixes);
  }

  private unexpected(what: string): void {
    const t = this.cur;
    this.error(`unexpected ${describe(t)}: expected ${what}`, t.span);
  }

  /** Consumes `symbol`, or reports it missing; a missing `;` or `>` gets an insert fix. */
  private expect(symbol: string, after: string): boolean {
    if (this.eat(symbol)) return true;
    const t = this.cur;
    if (symbol === ';' || (t.newlineBefore && symbol !== '{')) {
      const at = this.prevEnd();
      const span = { start: at, end: at };
      const code = symbol === ';' ? 'syntax/missing-semicolon' : symbol === '}' ? 'syntax/missing-brace' : 'syntax/unexpected-token';
      this.error(`expected \`${symbol}\` after ${after}`, span, code, [{ title: `Insert \`${symbol}\``, edits: [{ span, newText: symbol }], preferred: true }]);
    } else {
      this.unexpected(`\`${symbol}\` after ${after}`);
    }
    return false;
  }

  /** Skips a broken statement: through the next `;` at this level, or up to the `}` closing it. */
  private recover(): void {
    let braces = 0;
    let parens = 0;
    for (;;) {
      const t = this.cur;
      if (t.kind === 'eof') return;
      if (t.kind === 'symbol') {
        if (t.text === ';' && braces === 0 && parens === 0) {
          this.advance();
          return;
        }
        if (t.text === '{') braces++;
        else if (t.text === '}') {
          if (braces === 0) return;
          braces--;
          if (braces === 0 && parens === 0) {
            this.advance();
            if (this.at(';')) this.advance();
            return;
          }
        } else if (t.text === '(' || t.text === '[' || t.text === '<') parens++;
        else if ((t.text === ')' || t.text === ']' || t.text === '>') && parens > 0) parens--;
      } else if (t.newlineBefore && braces === 0 && parens === 0 && this.startsDeclaration(t)) {
        return;
      }
      this.advance();
    }
  }

  private startsDeclaration(t: Token): boolean {
    return this.at('@', t) || (t.kind === 'ident' && !t.escaped && (NAMED_KEYWORDS.has(t.value) || t.value === 'import' || t.value === 'protocol'));
  }

  // ---------------------------------------------------------------- docs

  /** The doc comment directly before token `index`: the last one between it and the previous token. */
  private docBefore(index: number): DocNode | undefined {
    const docs = this.toks[index]?.docs ?? [];
    const d = docs[docs.length - 1];
    if (!d) return undefined;
    this.usedDocs.add(d);
    return { text: d.text, span: d.span };
  }

  private markDocsUsed(index: number): void {
    for (const d of this.toks[index]?.docs ?? []) this.usedDocs.add(d);
  }

  private reportUnusedDocs(): void {
    for (const t of this.toks) {
      for (const d of t.docs) {
        if (this.usedDocs.has(d)) continue;
        const opener = { start: d.span.start, end: d.span.start + 3 };
        this.report('avro/misplaced-doc-comment', 'warning', 'this doc comment documents nothing here and is ignored; use /* */ for a plain comment', d.span, [
          { title: 'Make it a plain comment', edits: [{ span: opener, newText: '/* ' }] },
        ]);
      }
    }
  }

  // ---------------------------------------------------------------- file

  parseFile(): Omit<AvroFile, 'diagnostics'> {
    const startIndex = this.pos;
    const doc = this.docBefore(startIndex);
    const annotations = this.annotations();
    let result: Omit<AvroFile, 'diagnostics'>;
    if (this.atWord('protocol')) {
      const protocol = this.protocol(doc, annotations);
      if (this.cur.kind !== 'eof') {
        this.error(`unexpected ${describe(this.cur)} after the protocol: a file holds one protocol`, this.cur.span);
        this.pos = this.last;
      }
      result = { syntax: 'avdl', text: this.text, protocol, types: [], imports: this.imports };
    } else {
      if (doc) this.usedDocs.delete(this.toks[startIndex]!.docs.at(-1)!);
      result = this.schemaFile(annotations);
    }
    this.reportUnusedDocs();
    return result;
  }

  private readonly imports: AvroImport[] = [];

  /** `namespace x; schema T; (import | named type)*` — the 1.12 schema syntax. */
  private schemaFile(pending: Annotation[]): Omit<AvroFile, 'diagnostics'> {
    let namespace: NameNode | undefined;
    let schema: AvroSchema | undefined;
    const types: AvroSchema[] = [];
    let ns = '';
    let seenBody = false;
    let annotations = pending;
    let annotationStart = pending.length > 0 ? pending[0]!.atSpan.start : -1;
    for (;;) {
      const t = this.cur;
      if (t.kind === 'eof') break;
      const index = this.pos;
      if (annotations.length === 0 && this.at('@')) {
        annotationStart = t.span.start;
        annotations = this.annotations();
        continue;
      }
      if (this.atWord('namespace') && annotations.length === 0) {
        this.advance();
        const name = this.identifier('a namespace such as com.acme.events');
        if (name) {
          if (namespace || schema || seenBody) this.error('`namespace` must come first in the file, before `schema`, imports and types', name.span);
          else {
            namespace = name;
            ns = name.text;
          }
        }
        this.expect(';', 'the namespace');
        continue;
      }
      if (this.atWord('schema') && annotations.length === 0) {
        const kw = this.advance();
        const type = this.fullType(ns);
        if (schema || seenBody) this.error('`schema` declares the main schema once, before imports and types', kw.span);
        else if (type) schema = type.nullable ? this.nullableUnion(type, false) : type.schema;
        this.expect(';', 'the main schema');
        continue;
      }
      if (this.atWord('import') && annotations.length === 0) {
        seenBody = true;
        this.importStatement();
        continue;
      }
      if (this.atNamedDeclaration()) {
        seenBody = true;
        const first = annotations.length > 0 ? this.indexAt(annotationStart) : index;
        const decl = this.namedDeclaration(first, annotations, ns);
        annotations = [];
        if (decl) types.push(decl);
        continue;
      }
      if (this.atWord('protocol')) {
        this.error('a protocol must be the only declaration in its file', t.span);
      } else {
        this.unexpected(annotations.length > 0 ? 'record, error, enum or fixed after the annotations' : 'namespace, schema, import, record, error, enum or fixed');
      }
      annotations = [];
      this.advance();
      this.recover();
    }
    return { syntax: 'avdl', text: this.text, schema, types, namespace, imports: this.imports };
  }

  /** The index of the token starting at `offset` (annotations are re-found to attach their doc). */
  private indexAt(offset: number): number {
    for (let i = this.pos; i >= 0; i--) if (this.toks[i]!.span.start === offset) return i;
    return this.pos;
  }

  private atNamedDeclaration(): boolean {
    const t = this.cur;
    if (t.kind !== 'ident' || t.escaped || !NAMED_KEYWORDS.has(t.value)) return false;
    const name = this.peek(1);
    if (name.kind !== 'ident') return this.peek(1).kind !== 'symbol' || this.at('{', name) || this.at('(', name);
    const after = this.peek(2);
    // `fixed F(` is a declaration even with a bad size; a message returning a type named
    // `fixed` would need backticks.
    if (t.value === 'fixed') return this.at('(', after) || !this.at('(', after);
    return this.at('{', after) || !this.at('(', after);
  }

  private importStatement(): void {
    const kw = this.advance();
    const kind = this.cur;
    if (kind.kind !== 'ident' || !['idl', 'protocol', 'schema'].includes(kind.value)) {
      this.unexpected('idl, protocol or schema after `import`');
      this.recover();
      return;
    }
    this.advance();
    const path = this.cur;
    if (path.kind !== 'string') {
      this.unexpected('the imported file as a string, such as "common.avdl"');
      this.recover();
      return;
    }
    this.advance();
    this.expect(';', 'the import');
    const literal: JsonString = { kind: 'string', value: path.value, span: path.span };
    this.imports.push({ kind: kind.value as AvroImport['kind'], path: literal, span: this.from(kw.span.start) });
  }

  // ---------------------------------------------------------------- protocol

  private protocol(doc: DocNode | undefined, annotations: Annotation[]): AvroProtocol {
    const start = annotations[0]?.atSpan.start ?? this.cur.span.start;
    this.advance();
    const name = this.identifier('the protocol name');
    const special = this.special(annotations, { namespace: true });
    const resolved = name ? resolveDefinitionName(name.text, special.namespace?.text, '') : undefined;
    const ns = resolved?.namespace ?? special.namespace?.text ?? '';
    const types: AvroSchema[] = [];
    const messages: AvroMessage[] = [];
    if (this.expect('{', 'the protocol name')) {
      while (!this.at('}') && this.cur.kind !== 'eof') {
        const before = this.pos;
        this.protocolItem(ns, types, messages);
        if (this.pos === before) this.advance();
      }
      if (!this.eat('}')) this.error('expected `}` to close the protocol', { start: this.cur.span.start, end: this.cur.span.start }, 'syntax/missing-brace');
    } else this.recover();
    return {
      name,
      namespaceAttr: special.namespace,
      namespace: ns,
      fullName: resolved?.fullName,
      doc,
      types,
      messages,
      props: special.props,
      span: this.from(start),
    };
  }

  private protocolItem(ns: string, types: AvroSchema[], messages: AvroMessage[]): void {
    const first = this.pos;
    if (this.at(';')) {
      const t = this.advance();
      this.error('unexpected `;`: remove it', t.span, 'syntax/unexpected-token', [{ title: 'Remove the `;`', edits: [{ span: t.span, newText: '' }] }]);
      return;
    }
    const annotations = this.annotations();
    if (this.atWord('import') && annotations.length === 0) {
      this.importStatement();
      return;
    }
    if (this.atNamedDeclaration()) {
      const decl = this.namedDeclaration(first, annotations, ns);
      if (decl) types.push(decl);
      return;
    }
    const message = this.message(first, annotations, ns);
    if (message) messages.push(message);
  }

  private message(first: number, annotations: Annotation[], ns: string): AvroMessage | undefined {
    const doc = this.docBefore(first);
    const start = this.toks[first]!.span.start;
    let response: AvroSchema | undefined;
    if (this.atWord('void')) {
      const v = this.advance();
      response = { kind: 'primitive', type: 'null', typeName: { text: 'void', span: v.span }, span: v.span, props: [] };
    } else {
      const r = this.plainType(ns, []);
      if (!r) {
        this.recover();
        return undefined;
      }
      response = r.nullable ? this.nullableUnion(r, false) : r.schema;
    }
    const name = this.identifier('the message name');
    if (!name || !this.expect('(', `the message name "${name.text}"`)) {
      this.recover();
      return undefined;
    }
    const requestStart = this.prevEnd() - 1;
    const request: Field[] = [];
    if (!this.at(')')) {
      for (;;) {
        const pIndex = this.pos;
        const pDoc = this.docBefore(pIndex);
        const type = this.fullType(ns);
        if (!type) break;
        const v = this.variable(type, pDoc);
        if (!v) break;
        this.checkFieldLogicalType(v, type, undefined);
        request.push(v);
        if (!this.eat(',')) break;
      }
    }
    if (!this.expect(')', 'the parameters')) {
      this.recover();
      return undefined;
    }
    const requestSpan = { start: requestStart, end: this.prevEnd() };
    const errors: AvroSchema[] = [];
    let oneWay: JsonValue | undefined;
    if (this.atWord('oneway')) {
      const t = this.advance();
      oneWay = { kind: 'boolean', value: true, span: t.span };
    } else if (this.atWord('throws')) {
      this.advance();
      do {
        const e = this.identifier('an error type name');
        if (!e) break;
        errors.push({ kind: 'reference', name: e, fullName: qualify(e.text, ns), namespace: ns, exact: true, span: e.span, props: [] });
      } while (this.eat(','));
    }
    this.expect(';', 'the message');
    const special = this.special(annotations, {});
    return { name, doc, request, requestSpan, response, errors, oneWay, props: special.props, span: this.from(start) };
  }

  // ---------------------------------------------------------------- named types

  private namedDeclaration(first: number, annotations: Annotation[], ns: string): AvroSchema | undefined {
    const doc = this.docBefore(first);
    const start = this.toks[first]!.span.start;
    const kw = this.advance();
    const typeName: NameNode = { text: kw.value, span: kw.span };
    const name = this.identifier(`the ${kw.value} name`);
    const special = this.special(annotations, { namespace: true, aliases: true, logicalType: true });
    const resolved = name ? resolveDefinitionName(name.text, special.namespace?.text, ns) : undefined;
    const base = {
      typeName,
      name,
      namespaceAttr: special.namespace,
      fullName: resolved?.fullName,
      namespace: resolved?.namespace ?? special.namespace?.text ?? ns,
      aliases: special.aliases,
      doc,
      logicalType: special.logicalType,
      props: special.props,
    };
    switch (kw.value) {
      case 'fixed': {
        let size: JsonValue | undefined;
        const opened = this.expect('(', 'the fixed name');
        const t = this.cur;
        if (opened && t.kind === 'int') {
          this.advance();
          size = { kind: 'number', value: Number(t.integer), text: t.text, integer: t.integer, span: t.span };
          if (this.expect(')', 'the size')) this.expect(';', 'the fixed declaration');
          else this.recover();
        } else {
          if (opened) this.unexpected('the size in bytes, such as 16');
          this.recover();
        }
        return { kind: 'fixed', ...base, size, span: this.from(start) };
      }
      case 'enum': {
        const symbols: NameNode[] = [];
        let symbolsSpan: Span | undefined;
        let dflt: JsonValue | undefined;
        if (this.expect('{', 'the enum name')) {
          const open = this.prevEnd() - 1;
          while (!this.at('}') && this.cur.kind !== 'eof') {
            this.markDocsUsed(this.pos);
            this.annotations();
            const s = this.identifier('an enum symbol');
            if (!s) {
              this.recoverInList();
              if (!this.eat(',')) break;
              continue;
            }
            symbols.push(s);
            if (this.at(',') && this.at('}', this.peek())) {
              const comma = this.advance();
              this.error('trailing comma after the last enum symbol: remove it', comma.span, 'syntax/unexpected-token', [
                { title: 'Remove the comma', edits: [{ span: comma.span, newText: '' }], preferred: true },
              ]);
              break;
            }
            if (!this.eat(',')) break;
          }
          if (this.expect('}', 'the enum symbols')) symbolsSpan = { start: open, end: this.prevEnd() };
          if (this.eat('=')) {
            const d = this.identifier('the default symbol');
            if (d) dflt = { kind: 'string', value: d.text, span: d.span };
            this.expect(';', 'the enum default');
          }
        } else this.recover();
        return { kind: 'enum', ...base, symbols, symbolsSpan, default: dflt, span: this.from(start) };
      }
      default: {
        const isError = kw.value === 'error';
        const fields: Field[] = [];
        let fieldsSpan: Span | undefined;
        const fieldNs = base.namespace;
        if (this.expect('{', `the ${kw.value} name`)) {
          const open = this.prevEnd() - 1;
          while (!this.at('}') && this.cur.kind !== 'eof') {
            const before = this.pos;
            if (this.atNamedDeclaration() && this.cur.newlineBefore) {
              // A declaration where a field should be: most likely the `}` before it is missing.
              break;
            }
            this.fieldDeclaration(fieldNs, fields);
            if (this.pos === before) this.advance();
          }
          if (this.eat('}')) fieldsSpan = { start: open, end: this.prevEnd() };
          else this.error(`expected \`}\` to close ${kw.value} "${name?.text ?? ''}"`, { start: this.prevEnd(), end: this.prevEnd() }, 'syntax/missing-brace');
        } else this.recover();
        return { kind: 'record', error: isError, ...base, fields, fieldsSpan, span: this.from(start) };
      }
    }
  }

  /** Skips to the next `,` or `}` of a list. */
  private recoverInList(): void {
    while (!this.at(',') && !this.at('}') && !this.at(';') && this.cur.kind !== 'eof') this.advance();
  }

  private fieldDeclaration(ns: string, fields: Field[]): void {
    const first = this.pos;
    const doc = this.docBefore(first);
    if (this.at(';')) {
      const t = this.advance();
      this.error('unexpected `;`: remove it', t.span, 'syntax/unexpected-token', [{ title: 'Remove the `;`', edits: [{ span: t.span, newText: '' }] }]);
      return;
    }
    const type = this.fullType(ns);
    if (!type) {
      this.recover();
      return;
    }
    const vars: Field[] = [];
    for (;;) {
      const v = this.variable(type, doc);
      if (!v) {
        this.recover();
        fields.push(...vars);
        return;
      }
      vars.push(v);
      if (!this.eat(',')) break;
    }
    for (const v of vars) this.checkFieldLogicalType(v, type, vars.length === 1 ? first : undefined);
    fields.push(...vars);
    this.expect(';', `field "${vars[vars.length - 1]!.name?.text ?? ''}"`);
  }

  /** `[doc] @annotation* name [= json]`: a field or a message parameter. */
  private variable(type: TypeResult, declDoc: DocNode | undefined): Field | undefined {
    const first = this.pos;
    const ownDoc = this.docBefore(first);
    const annotations = this.annotations();
    const name = this.identifier('a field name');
    if (!name) return undefined;
    let dflt: JsonValue | undefined;
    if (this.eat('=')) dflt = this.jsonValue();
    const special = this.special(annotations, { aliases: true, order: true });
    const nonNullDefault = dflt !== undefined && dflt.kind !== 'null';
    const schema = type.nullable ? this.nullableUnion(type, nonNullDefault) : type.schema;
    const start = annotations[0]?.atSpan.start ?? name.span.start;
    return {
      name,
      type: schema,
      default: dflt,
      doc: ownDoc ?? declDoc,
      aliases: special.aliases,
      order: special.order,
      props: special.props,
      span: this.from(start),
    };
  }

  /** `T?`: null first, or last when the default is not null (so the default matches the first branch). */
  private nullableUnion(type: TypeResult, nullLast: boolean): AvroSchema {
    const q = type.nullable!;
    const nul: AvroSchema = { kind: 'primitive', type: 'null', span: q.question, props: [] };
    return { kind: 'union', branches: nullLast ? [type.schema, nul] : [nul, type.schema], nullable: true, span: q.span, props: [] };
  }

  /**
   * `@logicalType` on a field is ignored by Avro. When one variable owns the type (`first` is the
   * declaration's first token), offer to move the annotation onto the type.
   */
  private checkFieldLogicalType(field: Field, type: TypeResult, first: number | undefined): void {
    const lt = field.props.find((p) => p.key === 'logicalType') as Annotation | undefined;
    if (!lt) return;
    if (first === undefined || type.schema.kind !== 'primitive') {
      this.report('avro/logical-type-on-field', 'warning', "@logicalType on a field is ignored; put it before the field's type", lt.keySpan);
      return;
    }
    const typeStart = this.toks[first]!.span.start;
    const annotationText = this.text.slice(lt.atSpan.start, lt.span.end);
    let end = lt.span.end;
    while (end < this.text.length && (this.text[end] === ' ' || this.text[end] === '\t')) end++;
    const fix: Fix = {
      title: 'Move @logicalType onto the type',
      edits: [
        { span: { start: typeStart, end: typeStart }, newText: `${annotationText} ` },
        { span: { start: lt.atSpan.start, end }, newText: '' },
      ],
      preferred: true,
    };
    this.report('avro/logical-type-on-field', 'warning', "@logicalType on a field is ignored; put it before the field's type", lt.keySpan, [fix]);
  }

  // ---------------------------------------------------------------- types

  private fullType(ns: string): TypeResult | undefined {
    const annotations = this.annotations();
    return this.plainType(ns, annotations);
  }

  private plainType(ns: string, annotations: Annotation[]): TypeResult | undefined {
    if (this.depth >= MAX_DEPTH) {
      this.error(`types nested deeper than ${MAX_DEPTH} levels; no schema needs that`, this.cur.span, 'syntax/nesting-too-deep');
      return undefined;
    }
    this.depth++;
    try {
      return this.plainTypeInner(ns, annotations);
    } finally {
      this.depth--;
    }
  }

  private plainTypeInner(ns: string, annotations: Annotation[]): TypeResult | undefined {
    const t = this.cur;
    const start = t.span.start;
    const typeProps = () => this.special(annotations, { logicalType: true });
    if (t.kind !== 'ident') {
      this.unexpected('a type');
      return undefined;
    }
    if ((this.atWord('array') || this.atWord('map')) && this.at('<', this.peek())) {
      this.advance();
      this.advance();
      const inner = this.fullType(ns);
      const innerSchema = inner ? (inner.nullable ? this.nullableUnion(inner, false) : inner.schema) : undefined;
      this.expect('>', `the ${t.value} ${t.value === 'array' ? 'item' : 'value'} type`);
      const p = typeProps();
      const typeName = { text: t.value, span: t.span };
      const span = this.from(start);
      return {
        schema: t.value === 'array'
          ? { kind: 'array', typeName, items: innerSchema, span, logicalType: p.logicalType, props: p.props }
          : { kind: 'map', typeName, values: innerSchema, span, logicalType: p.logicalType, props: p.props },
      };
    }
    if (this.atWord('union') && this.at('{', this.peek())) {
      this.advance();
      this.advance();
      const branches: AvroSchema[] = [];
      while (!this.at('}') && this.cur.kind !== 'eof') {
        const b = this.fullType(ns);
        if (!b) {
          this.recoverInList();
        } else branches.push(b.nullable ? this.nullableUnion(b, false) : b.schema);
        if (!this.eat(',')) break;
      }
      this.expect('}', 'the union branches');
      const p = typeProps();
      if (p.props.length > 0 || p.logicalType) this.error('a union cannot be annotated; annotate its branches', annotations[0]!.atSpan);
      return { schema: { kind: 'union', branches, span: this.from(start), props: [] } };
    }
    this.advance();
    let schema: AvroSchema;
    if (!t.escaped && PRIMITIVE_KEYWORDS[t.value]) {
      const p = typeProps();
      schema = { kind: 'primitive', type: PRIMITIVE_KEYWORDS[t.value]!, typeName: { text: t.value, span: t.span }, span: t.span, logicalType: p.logicalType, props: p.props };
    } else if (!t.escaped && LOGICAL_KEYWORDS[t.value]) {
      const [type, logical] = LOGICAL_KEYWORDS[t.value]!;
      const p = typeProps();
      schema = {
        kind: 'primitive',
        type,
        typeName: { text: t.value, span: t.span },
        span: t.span,
        logicalType: p.logicalType ?? { text: logical, span: t.span },
        props: p.props,
      };
    } else if (!t.escaped && t.value === 'decimal' && this.at('(')) {
      schema = this.decimal(t, typeProps());
    } else {
      const name: NameNode = { text: t.value, span: t.span };
      if (annotations.length > 0) {
        this.error(`a type reference cannot be annotated; annotate the definition of "${t.value}" instead`, { start: annotations[0]!.atSpan.start, end: annotations[annotations.length - 1]!.span.end }, 'avro/annotated-reference');
      }
      schema = { kind: 'reference', name, fullName: qualify(t.value, ns), namespace: ns, exact: true, span: t.span, props: [] };
    }
    if (this.at('?')) {
      const q = this.advance();
      return { schema, nullable: { question: q.span, span: this.from(start) } };
    }
    return { schema };
  }

  private decimal(kw: Token, p: { logicalType?: NameNode; props: Prop[] }): AvroSchema {
    this.advance();
    const precision = this.cur;
    const props: Prop[] = [];
    if (precision.kind === 'int') {
      this.advance();
      props.push(numberProp('precision', kw.span, precision));
      if (this.eat(',')) {
        const scale = this.cur;
        if (scale.kind === 'int') {
          this.advance();
          props.push(numberProp('scale', kw.span, scale));
        } else this.unexpected('the scale, such as 2');
      }
    } else this.unexpected('the precision, such as 9');
    this.expect(')', 'the decimal precision and scale');
    const span = this.from(kw.span.start);
    // Avro Java writes "scale": 0 when the IDL omits it.
    if (props.length === 1) props.push({ key: 'scale', keySpan: kw.span, value: { kind: 'number', value: 0, text: '0', integer: 0n, span }, span });
    return {
      kind: 'primitive',
      type: 'bytes',
      typeName: { text: 'decimal', span: kw.span },
      span,
      logicalType: p.logicalType ?? { text: 'decimal', span: kw.span },
      props: [...props, ...p.props],
    };
  }

  // ---------------------------------------------------------------- annotations

  private annotations(): Annotation[] {
    const out: Annotation[] = [];
    while (this.at('@')) {
      const at = this.advance();
      const name = this.cur;
      if (name.kind !== 'ident') {
        this.unexpected('an annotation name after `@`');
        break;
      }
      this.advance();
      if (!this.expect('(', `@${name.value}`)) continue;
      const value = this.jsonValue();
      this.expect(')', `the value of @${name.value}`);
      if (value) out.push({ key: name.value, keySpan: name.span, value, span: this.from(at.span.start), atSpan: at.span });
    }
    return out;
  }

  /** Splits annotations into the attributes they stand for here and plain properties. */
  private special(
    annotations: Annotation[],
    allowed: { namespace?: boolean; aliases?: boolean; order?: boolean; logicalType?: boolean },
  ): { namespace?: NameNode; aliases: NameNode[]; order?: JsonValue; logicalType?: NameNode; props: Prop[] } {
    const out: { namespace?: NameNode; aliases: NameNode[]; order?: JsonValue; logicalType?: NameNode; props: Prop[] } = { aliases: [], props: [] };
    for (const a of annotations) {
      const v = a.value;
      if (allowed.namespace && a.key === 'namespace') {
        if (v.kind === 'string') out.namespace = { text: v.value, span: v.span };
        else this.report('avro/invalid-attribute', 'error', '@namespace(...) must contain a string', v.span);
      } else if (allowed.aliases && a.key === 'aliases') {
        if (v.kind === 'array' && v.items.every((i) => i.kind === 'string')) {
          out.aliases = v.items.map((i) => ({ text: (i as JsonString).value, span: i.span }));
        } else this.report('avro/invalid-attribute', 'error', '@aliases(...) must contain an array of strings', v.span);
      } else if (allowed.order && a.key === 'order') {
        // Avro Java accepts any letter case here; the JSON it writes is lower case.
        out.order = v.kind === 'string' && ['ascending', 'descending', 'ignore'].includes(v.value.toLowerCase()) ? { ...v, value: v.value.toLowerCase() } : v;
      } else if (allowed.logicalType && a.key === 'logicalType' && v.kind === 'string') {
        out.logicalType = { text: v.value, span: v.span };
      } else {
        out.props.push({ key: a.key, keySpan: a.keySpan, value: v, span: a.span, atSpan: a.atSpan } as Annotation);
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- names and JSON

  /** An identifier (keywords included, as the grammar allows); reports and returns undefined if absent. */
  private identifier(what: string): NameNode | undefined {
    const t = this.cur;
    if (t.kind !== 'ident') {
      this.unexpected(what);
      return undefined;
    }
    this.advance();
    return { text: t.value, span: t.span };
  }

  private jsonValue(depth = 0): JsonValue | undefined {
    const t = this.cur;
    if (depth > MAX_DEPTH) {
      this.error(`JSON nested deeper than ${MAX_DEPTH} levels`, t.span, 'syntax/nesting-too-deep');
      return undefined;
    }
    switch (t.kind) {
      case 'string':
        this.advance();
        return { kind: 'string', value: t.value, span: t.span };
      case 'int':
        this.advance();
        return { kind: 'number', value: Number(t.integer), text: t.text, integer: t.integer, span: t.span };
      case 'float':
        this.advance();
        return { kind: 'number', value: t.number ?? NaN, text: t.text, span: t.span };
      case 'ident':
        if (!t.escaped && (t.value === 'true' || t.value === 'false')) {
          this.advance();
          return { kind: 'boolean', value: t.value === 'true', span: t.span };
        }
        if (!t.escaped && t.value === 'null') {
          this.advance();
          return { kind: 'null', span: t.span };
        }
        if (!t.escaped && (t.value === 'NaN' || t.value === 'Infinity')) {
          this.advance();
          return { kind: 'number', value: t.value === 'NaN' ? NaN : Infinity, text: t.value, span: t.span };
        }
        break;
      case 'symbol':
        if (t.text === '[') return this.jsonArray(depth);
        if (t.text === '{') return this.jsonObject(depth);
        break;
      default:
        break;
    }
    this.unexpected('a JSON value: a string, number, true, false, null, [...] or {...}');
    return undefined;
  }

  private jsonArray(depth: number): JsonValue {
    const open = this.advance();
    const items: JsonValue[] = [];
    while (!this.at(']') && this.cur.kind !== 'eof') {
      const v = this.jsonValue(depth + 1);
      if (!v) {
        this.recoverJson();
        break;
      }
      items.push(v);
      if (!this.eatListComma(']')) break;
    }
    this.expect(']', 'the array');
    return { kind: 'array', items, span: this.from(open.span.start) };
  }

  private jsonObject(depth: number): JsonValue {
    const open = this.advance();
    const members: JsonMember[] = [];
    while (!this.at('}') && this.cur.kind !== 'eof') {
      const key = this.cur;
      if (key.kind !== 'string') {
        this.unexpected('a property name in double quotes');
        this.recoverJson();
        break;
      }
      this.advance();
      let value: JsonValue | undefined;
      if (this.expect(':', `"${key.value}"`)) value = this.jsonValue(depth + 1);
      members.push({ key: key.value, keySpan: key.span, value, span: this.from(key.span.start) });
      if (!value) {
        this.recoverJson();
        break;
      }
      if (!this.eatListComma('}')) break;
    }
    this.expect('}', 'the object');
    return { kind: 'object', members, span: this.from(open.span.start) };
  }

  /** A `,` between JSON items; a trailing one before `close` is reported and ends the list. */
  private eatListComma(close: string): boolean {
    const comma = this.eat(',');
    if (!comma) return false;
    if (!this.at(close)) return true;
    this.error('trailing comma; JSON allows no comma before a closing bracket or brace', comma.span, 'syntax/unexpected-token', [
      { title: 'Remove the trailing comma', edits: [{ span: comma.span, newText: '' }], preferred: true },
    ]);
    return false;
  }

  /** Skips to the bracket closing the JSON value being read (nested ones balanced). */
  private recoverJson(): void {
    let nest = 0;
    while (this.cur.kind !== 'eof') {
      const t = this.cur;
      if (t.kind === 'symbol') {
        if (t.text === '[' || t.text === '{') nest++;
        else if (t.text === ']' || t.text === '}') {
          // The closer ends the value being read, whichever bracket it is.
          if (nest === 0) return;
          nest--;
        } else if (t.text === ';' || t.text === ')') {
          if (nest === 0) return;
        }
      }
      this.advance();
    }
  }
}

function numberProp(key: string, keySpan: Span, t: Token): Prop {
  return { key, keySpan, value: { kind: 'number', value: Number(t.integer), text: t.text, integer: t.integer, span: t.span }, span: t.span };
}

function describe(t: Token): string {
  switch (t.kind) {
    case 'eof':
      return 'end of file';
    case 'string':
      return `string ${t.text.length > 30 ? `${t.text.slice(0, 27)}..."` : t.text}`;
    case 'int':
    case 'float':
      return `number ${t.text}`;
    case 'ident':
      return `\`${t.text}\``;
    case 'symbol':
      return `\`${t.text}\``;
  }
}
