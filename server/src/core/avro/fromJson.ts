/**
 * The JSON front end: `.avsc` and `.avpr` text -> Avro AST. Reports what is structurally wrong
 * with the JSON as a schema (missing or mistyped attributes, values that are not schemas) on the
 * smallest JSON node; name, reference, default and union rules are left to check.ts, which
 * applies to every front end alike.
 */
import { diagnostic, type Diagnostic, type Fix } from '../diagnostics/diagnostic';
import type { Span } from '../text/span';
import type {
  AvroFile,
  AvroMessage,
  AvroProtocol,
  AvroSchema,
  DocNode,
  Field,
  NameNode,
  Prop,
} from './ast';
import { isPrimitiveType } from './ast';
import { member, type JsonMember, type JsonObject, type JsonValue } from './json';
import { parseJsonText } from './jsonText';
import { qualify, resolveDefinitionName } from './names';

/** Parses a `.avsc` schema file. Never throws. `uri` names the document in related information. */
export function parseAvsc(text: string, uri = ''): AvroFile {
  return parseJsonFile(text, uri, 'avsc');
}

/** Parses a `.avpr` protocol file. Never throws. */
export function parseAvpr(text: string, uri = ''): AvroFile {
  return parseJsonFile(text, uri, 'avpr');
}

function parseJsonFile(text: string, uri: string, syntax: 'avsc' | 'avpr'): AvroFile {
  const parsed = parseJsonText(text, uri);
  const diagnostics = parsed.diagnostics;
  const lower = new JsonLowering(text, diagnostics);
  const json = parsed.value;
  let schema: AvroSchema | undefined;
  let protocol: AvroProtocol | undefined;
  if (json) {
    const isProtocol = json.kind === 'object' && member(json, 'protocol') !== undefined && member(json, 'type') === undefined;
    if (isProtocol) {
      protocol = lower.protocol(json as JsonObject);
      if (syntax === 'avsc') {
        const key = member(json as JsonObject, 'protocol')!.keySpan;
        diagnostics.push(
          diagnostic('avro/protocol-in-schema-file', 'error', 'this is a protocol, not a schema; give the file the .avpr extension', key),
        );
      }
    } else {
      schema = lower.schema(json, '');
      if (syntax === 'avpr') {
        diagnostics.push(
          diagnostic('avro/schema-in-protocol-file', 'error', 'a protocol file needs an object with a "protocol" name; give a schema the .avsc extension', spanHead(json)),
        );
      }
    }
  }
  return { syntax, text, json, schema, protocol, types: [], imports: [], diagnostics };
}

/** The first character of a value: enough to point at a whole object without underlining it all. */
function spanHead(v: JsonValue): Span {
  return v.kind === 'object' || v.kind === 'array' ? { start: v.span.start, end: v.span.start + 1 } : v.span;
}

const NAMED_KEYS = ['name', 'namespace', 'aliases', 'doc'];
const RESERVED: Record<string, readonly string[]> = {
  primitive: ['type', 'logicalType'],
  record: ['type', 'logicalType', 'fields', ...NAMED_KEYS],
  enum: ['type', 'logicalType', 'symbols', 'default', ...NAMED_KEYS],
  fixed: ['type', 'logicalType', 'size', ...NAMED_KEYS],
  array: ['type', 'logicalType', 'items'],
  map: ['type', 'logicalType', 'values'],
};
/** Attributes that mean something elsewhere: on this kind they are silently ignored by Avro. */
const MISPLACED: Record<string, string> = {
  fields: 'a record',
  symbols: 'an enum',
  size: 'a fixed',
  items: 'an array',
  values: 'a map',
  name: 'a record, enum or fixed',
  namespace: 'a record, enum or fixed',
  aliases: 'a record, enum, fixed or field',
};
const FIELD_KEYS = ['name', 'type', 'default', 'doc', 'aliases', 'order'];

class JsonLowering {
  constructor(
    private readonly text: string,
    private readonly diagnostics: Diagnostic[],
  ) {}

  private report(code: string, severity: Diagnostic['severity'], message: string, span: Span, fixes?: Fix[]): void {
    this.diagnostics.push(diagnostic(code, severity, message, span, fixes ? { fixes } : undefined));
  }

  /** A string attribute; reports a present value of another JSON type. */
  private stringAttr(obj: JsonObject, key: string, what: string, severity: Diagnostic['severity'] = 'error'): NameNode | undefined {
    const m = member(obj, key);
    if (!m?.value) return undefined;
    if (m.value.kind === 'string') return { text: m.value.value, span: m.value.span };
    this.report('avro/invalid-attribute', severity, `${what} must be a string`, m.value.span);
    return undefined;
  }

  private doc(obj: JsonObject): DocNode | undefined {
    const d = this.stringAttr(obj, 'doc', '"doc"', 'warning');
    return d ? { text: d.text, span: d.span } : undefined;
  }

  private aliases(obj: JsonObject): NameNode[] {
    const m = member(obj, 'aliases');
    if (!m?.value) return [];
    if (m.value.kind !== 'array') {
      this.report('avro/invalid-attribute', 'error', '"aliases" must be an array of strings', m.value.span);
      return [];
    }
    const out: NameNode[] = [];
    for (const item of m.value.items) {
      if (item.kind === 'string') out.push({ text: item.value, span: item.span });
      else this.report('avro/invalid-attribute', 'error', 'an alias must be a string', item.span);
    }
    return out;
  }

  private props(obj: JsonObject, reserved: readonly string[], kindLabel: string | undefined): Prop[] {
    const out: Prop[] = [];
    const seen = new Set<string>();
    // Iterate from the end so a duplicated key yields its last (effective) value only.
    for (let i = obj.members.length - 1; i >= 0; i--) {
      const m = obj.members[i]!;
      if (reserved.includes(m.key) || seen.has(m.key) || !m.value) continue;
      seen.add(m.key);
      out.unshift({ key: m.key, keySpan: m.keySpan, value: m.value, span: m.span });
      if (kindLabel === undefined) continue;
      const home = MISPLACED[m.key];
      if (home) {
        this.report('avro/ignored-attribute', 'warning', `"${m.key}" belongs to ${home}, so Avro ignores it on ${kindLabel}; remove it`, m.keySpan);
      } else if (m.key === 'default' || m.key === 'order') {
        this.report('avro/ignored-attribute', 'warning', `"${m.key}" belongs on the field, not inside its type; move it next to the field's "type"`, m.keySpan);
      }
    }
    return out;
  }

  private logicalType(obj: JsonObject): NameNode | undefined {
    return this.stringAttr(obj, 'logicalType', '"logicalType"', 'warning');
  }

  schema(v: JsonValue, ns: string): AvroSchema {
    switch (v.kind) {
      case 'string':
        if (isPrimitiveType(v.value)) return { kind: 'primitive', type: v.value, span: v.span, props: [] };
        return { kind: 'reference', name: { text: v.value, span: v.span }, fullName: qualify(v.value, ns), namespace: ns, span: v.span, props: [] };
      case 'array':
        return { kind: 'union', branches: v.items.map((b) => this.schema(b, ns)), span: v.span, props: [] };
      case 'object':
        return this.objectSchema(v, ns);
      case 'null':
        this.report('avro/invalid-schema', 'error', 'null is not a schema; write the type name as a string: "null"', v.span, [
          { title: 'Replace with "null"', edits: [{ span: v.span, newText: '"null"' }], preferred: true },
        ]);
        return { kind: 'invalid', span: v.span, props: [] };
      default:
        this.report('avro/invalid-schema', 'error', `${v.kind === 'number' ? 'a number' : 'a boolean'} is not a schema; write a type name such as "string", an object or a union array`, v.span);
        return { kind: 'invalid', span: v.span, props: [] };
    }
  }

  private objectSchema(obj: JsonObject, ns: string): AvroSchema {
    const typeMember = member(obj, 'type');
    if (!typeMember) {
      this.report('avro/missing-attribute', 'error', 'a schema object needs a "type" attribute', spanHead(obj));
      return { kind: 'invalid', span: obj.span, props: [] };
    }
    const tv = typeMember.value;
    if (!tv) return { kind: 'invalid', span: obj.span, props: [] };
    if (tv.kind === 'object' || tv.kind === 'array') {
      const onlyType = obj.members.length === 1;
      this.report(
        'avro/invalid-type',
        'error',
        `"type" of a schema object must be a type name; ${onlyType ? 'use the nested schema itself here' : 'move the nested schema out of "type"'}`,
        typeMember.keySpan,
        onlyType ? [{ title: 'Use the nested schema directly', edits: [{ span: obj.span, newText: this.text.slice(tv.span.start, tv.span.end) }], preferred: true }] : undefined,
      );
      return this.schema(tv, ns);
    }
    if (tv.kind !== 'string') {
      this.report('avro/invalid-type', 'error', '"type" must be a type name string such as "record" or "int"', tv.span);
      return { kind: 'invalid', span: obj.span, props: [] };
    }
    const typeName: NameNode = { text: tv.value, span: tv.span };
    const t = tv.value;
    if (isPrimitiveType(t)) {
      return { kind: 'primitive', type: t, typeName, span: obj.span, logicalType: this.logicalType(obj), props: this.props(obj, RESERVED.primitive!, `"${t}"`) };
    }
    switch (t) {
      case 'record':
      case 'error':
        return this.record(obj, typeName, ns);
      case 'enum':
        return this.enumSchema(obj, typeName, ns);
      case 'fixed':
        return this.fixed(obj, typeName, ns);
      case 'array':
      case 'map': {
        const key = t === 'array' ? 'items' : 'values';
        const m = member(obj, key);
        if (!m) this.report('avro/missing-attribute', 'error', `${t === 'array' ? 'an array' : 'a map'} needs "${key}": the schema of its ${key}`, tv.span);
        const inner = m?.value ? this.schema(m.value, ns) : undefined;
        const props = this.props(obj, RESERVED[t]!, `${t === 'array' ? 'an array' : 'a map'}`);
        const logicalType = this.logicalType(obj);
        return t === 'array'
          ? { kind: 'array', typeName, items: inner, span: obj.span, logicalType, props }
          : { kind: 'map', typeName, values: inner, span: obj.span, logicalType, props };
      }
      default:
        // `{"type": "Foo"}`: the checks report it as an unknown type, or as a misused reference.
        return {
          kind: 'reference',
          name: typeName,
          fullName: qualify(t, ns),
          namespace: ns,
          span: obj.span,
          logicalType: this.logicalType(obj),
          props: this.props(obj, ['type', 'logicalType'], undefined),
        };
    }
  }

  /** Name, namespace, aliases and doc, with the full name resolved against the enclosing namespace. */
  private named(obj: JsonObject, typeName: NameNode, ns: string, what: string) {
    const name = this.stringAttr(obj, 'name', '"name"');
    if (!name && !member(obj, 'name')) {
      this.report('avro/missing-attribute', 'error', `${what} needs a "name"`, typeName.span);
    }
    const namespaceAttr = this.stringAttr(obj, 'namespace', '"namespace"');
    const resolved = name ? resolveDefinitionName(name.text, namespaceAttr?.text, ns) : undefined;
    return {
      typeName,
      name,
      namespaceAttr,
      fullName: resolved?.fullName,
      namespace: resolved?.namespace ?? namespaceAttr?.text ?? ns,
      aliases: this.aliases(obj),
      doc: this.doc(obj),
      logicalType: this.logicalType(obj),
    };
  }

  private record(obj: JsonObject, typeName: NameNode, ns: string): AvroSchema {
    const isError = typeName.text === 'error';
    const base = this.named(obj, typeName, ns, isError ? 'an error' : 'a record');
    const fm = member(obj, 'fields');
    const fields: Field[] = [];
    let fieldsSpan: Span | undefined;
    if (!fm) {
      const last = obj.members[obj.members.length - 1];
      this.report(
        'avro/missing-attribute',
        'error',
        `${isError ? 'an error' : 'a record'} needs a "fields" array`,
        base.name?.span ?? typeName.span,
        last ? [{ title: 'Add "fields": []', edits: [{ span: { start: last.span.end, end: last.span.end }, newText: ', "fields": []' }] }] : undefined,
      );
    } else if (fm.value && fm.value.kind !== 'array') {
      this.report('avro/invalid-attribute', 'error', '"fields" must be an array of field objects', fm.value.span);
    } else if (fm.value?.kind === 'array') {
      fieldsSpan = fm.value.span;
      for (const f of fm.value.items) {
        const field = this.field(f, base.namespace);
        if (field) fields.push(field);
      }
    }
    return {
      kind: 'record',
      error: isError,
      ...base,
      fields,
      fieldsSpan,
      span: obj.span,
      props: this.props(obj, RESERVED.record!, isError ? 'an error' : 'a record'),
    };
  }

  /** A record field, or a message parameter. */
  field(v: JsonValue, ns: string): Field | undefined {
    if (v.kind !== 'object') {
      this.report('avro/invalid-attribute', 'error', 'a field must be an object with "name" and "type"', v.span);
      return undefined;
    }
    const name = this.stringAttr(v, 'name', 'a field "name"');
    if (!member(v, 'name')) this.report('avro/missing-attribute', 'error', 'a field needs a "name"', spanHead(v));
    const tm = member(v, 'type');
    if (!tm) this.report('avro/missing-attribute', 'error', 'a field needs a "type"', name?.span ?? spanHead(v));
    const type = tm?.value ? this.schema(tm.value, ns) : undefined;
    const props = this.props(v, FIELD_KEYS, undefined);
    const lt = props.find((p) => p.key === 'logicalType');
    if (lt) this.misplacedLogicalType(v, lt, tm);
    return {
      name,
      type,
      default: member(v, 'default')?.value,
      doc: this.doc(v),
      aliases: this.aliases(v),
      order: member(v, 'order')?.value,
      props,
      span: v.span,
    };
  }

  /** `logicalType` on the field object: Avro ignores it, the type stays plain. */
  private misplacedLogicalType(field: JsonObject, lt: Prop, typeMember: JsonMember | undefined): void {
    const tv = typeMember?.value;
    let fixes: Fix[] | undefined;
    if (tv?.kind === 'string' && isPrimitiveType(tv.value) && lt.value.kind === 'string') {
      const ltText = this.text.slice(lt.value.span.start, lt.value.span.end);
      const extra = field.members
        .filter((m) => (m.key === 'precision' || m.key === 'scale') && m.value)
        .map((m) => `, ${this.text.slice(m.span.start, m.span.end)}`)
        .join('');
      const moved = new Set(['logicalType', 'precision', 'scale']);
      fixes = [
        {
          title: 'Move "logicalType" into the type',
          edits: [
            { span: tv.span, newText: `{"type": ${JSON.stringify(tv.value)}, "logicalType": ${ltText}${extra}}` },
            ...removeMembers(field, (m) => moved.has(m.key)),
          ],
          preferred: true,
        },
      ];
    }
    this.report(
      'avro/logical-type-on-field',
      'warning',
      '"logicalType" on a field is ignored; move it inside the field\'s "type" object',
      lt.keySpan,
      fixes,
    );
  }

  private enumSchema(obj: JsonObject, typeName: NameNode, ns: string): AvroSchema {
    const base = this.named(obj, typeName, ns, 'an enum');
    const sm = member(obj, 'symbols');
    const symbols: NameNode[] = [];
    let symbolsSpan: Span | undefined;
    if (!sm) {
      this.report('avro/missing-attribute', 'error', 'an enum needs a "symbols" array', base.name?.span ?? typeName.span);
    } else if (sm.value && sm.value.kind !== 'array') {
      this.report('avro/invalid-attribute', 'error', '"symbols" must be an array of strings', sm.value.span);
    } else if (sm.value?.kind === 'array') {
      symbolsSpan = sm.value.span;
      for (const s of sm.value.items) {
        if (s.kind === 'string') symbols.push({ text: s.value, span: s.span });
        else this.report('avro/invalid-attribute', 'error', 'an enum symbol must be a string', s.span);
      }
    }
    return {
      kind: 'enum',
      ...base,
      symbols,
      symbolsSpan,
      default: member(obj, 'default')?.value,
      span: obj.span,
      props: this.props(obj, RESERVED.enum!, 'an enum'),
    };
  }

  private fixed(obj: JsonObject, typeName: NameNode, ns: string): AvroSchema {
    const base = this.named(obj, typeName, ns, 'a fixed');
    const sm = member(obj, 'size');
    if (!sm) this.report('avro/missing-attribute', 'error', 'a fixed needs a "size": its length in bytes', base.name?.span ?? typeName.span);
    return { kind: 'fixed', ...base, size: sm?.value, span: obj.span, props: this.props(obj, RESERVED.fixed!, 'a fixed') };
  }

  protocol(obj: JsonObject): AvroProtocol {
    const name = this.stringAttr(obj, 'protocol', '"protocol"');
    const namespaceAttr = this.stringAttr(obj, 'namespace', '"namespace"');
    const resolved = name ? resolveDefinitionName(name.text, namespaceAttr?.text, '') : undefined;
    const namespace = resolved?.namespace ?? namespaceAttr?.text ?? '';
    const types: AvroSchema[] = [];
    const tm = member(obj, 'types');
    if (tm?.value && tm.value.kind !== 'array') {
      this.report('avro/invalid-attribute', 'error', '"types" must be an array of named type definitions', tm.value.span);
    } else if (tm?.value?.kind === 'array') {
      for (const t of tm.value.items) {
        if (t.kind !== 'object') {
          this.report('avro/invalid-attribute', 'error', 'a protocol type must be a record, error, enum or fixed definition', t.span);
        }
        types.push(this.schema(t, namespace));
      }
    }
    const messages: AvroMessage[] = [];
    const mm = member(obj, 'messages');
    if (mm?.value && mm.value.kind !== 'object') {
      this.report('avro/invalid-attribute', 'error', '"messages" must be an object of message definitions', mm.value.span);
    } else if (mm?.value?.kind === 'object') {
      const last = new Map<string, JsonMember>();
      for (const m of mm.value.members) last.set(m.key, m);
      for (const m of last.values()) {
        const msg = m.value ? this.message(m, namespace) : undefined;
        if (msg) messages.push(msg);
      }
    }
    return {
      name,
      namespaceAttr,
      namespace,
      fullName: resolved?.fullName,
      doc: this.doc(obj),
      types,
      messages,
      props: this.props(obj, ['protocol', 'namespace', 'doc', 'types', 'messages'], undefined),
      span: obj.span,
    };
  }

  private message(m: JsonMember, ns: string): AvroMessage | undefined {
    const v = m.value!;
    const name: NameNode = { text: m.key, span: m.keySpan };
    if (v.kind !== 'object') {
      this.report('avro/invalid-attribute', 'error', `message "${m.key}" must be an object with "request" and "response"`, v.span);
      return undefined;
    }
    const request: Field[] = [];
    let requestSpan: Span | undefined;
    const rq = member(v, 'request');
    if (!rq) this.report('avro/missing-attribute', 'error', `message "${m.key}" needs a "request" array of parameters`, m.keySpan);
    else if (rq.value && rq.value.kind !== 'array') this.report('avro/invalid-attribute', 'error', '"request" must be an array of parameter objects', rq.value.span);
    else if (rq.value?.kind === 'array') {
      requestSpan = rq.value.span;
      for (const p of rq.value.items) {
        const f = this.field(p, ns);
        if (f) request.push(f);
      }
    }
    const rs = member(v, 'response');
    if (!rs) this.report('avro/missing-attribute', 'error', `message "${m.key}" needs a "response" schema; use "null" for none`, m.keySpan);
    const errors: AvroSchema[] = [];
    const em = member(v, 'errors');
    if (em?.value && em.value.kind !== 'array') this.report('avro/invalid-attribute', 'error', '"errors" must be an array of error type names', em.value.span);
    else if (em?.value?.kind === 'array') for (const e of em.value.items) errors.push(this.schema(e, ns));
    return {
      name,
      doc: this.doc(v),
      request,
      requestSpan,
      response: rs?.value ? this.schema(rs.value, ns) : undefined,
      errors,
      oneWay: member(v, 'one-way')?.value,
      props: this.props(v, ['doc', 'request', 'response', 'errors', 'one-way'], undefined),
      span: m.span,
    };
  }
}

/** Edits that delete the members matching `drop`, keeping the commas between the rest valid. */
export function removeMembers(obj: JsonObject, drop: (m: JsonMember) => boolean): { span: Span; newText: string }[] {
  const ms = obj.members;
  const edits: { span: Span; newText: string }[] = [];
  // Delete each dropped run together with the separator before it (or after it, at the start).
  let i = 0;
  while (i < ms.length) {
    if (!drop(ms[i]!)) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < ms.length && drop(ms[j + 1]!)) j++;
    if (i > 0) edits.push({ span: { start: ms[i - 1]!.span.end, end: ms[j]!.span.end }, newText: '' });
    else if (j + 1 < ms.length) edits.push({ span: { start: ms[i]!.span.start, end: ms[j + 1]!.span.start }, newText: '' });
    else edits.push({ span: { start: ms[i]!.span.start, end: ms[j]!.span.end }, newText: '' });
    i = j + 1;
  }
  return edits;
}
