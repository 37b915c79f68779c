/**
 * Completion in .avsc (and .avpr) files. jsonc-parser's `getLocation` gives the JSON path at the
 * cursor even in half-typed JSON; the path decides the role of the object or value there (a
 * schema, its "type", a field, a field's default...), and the role decides what is offered:
 * - keys valid in the object and not written yet, as snippets (`"fields": [...]`);
 * - in schema positions: primitive types, the workspace's named types (shortest resolving name),
 *   complex and logical type templates, and `["null", ...]` for a field;
 * - in "type" of a schema object: the type keywords; in "logicalType": the logical types that
 *   fit the underlying type first; defaults: enum symbols, null, true/false, the type's zero;
 * - "order" values and the workspace's namespaces.
 */
import { getLocation, type Node, type Segment } from 'jsonc-parser';
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type Range } from 'vscode-languageserver-types';
import { PRIMITIVE_TYPES, type AvroFile, type EnumSchema } from '../../core/avro/ast';
import { member, type JsonObject, type JsonValue } from '../../core/avro/json';
import { LOGICAL_TYPES } from '../../core/avro/logicalTypes';
import { splitFullName } from '../../core/avro/names';
import { walkFile } from '../../core/avro/walk';
import type { LineIndex } from '../../core/text/lineIndex';
import { logicalFits, logicalTypeNames, namedChoices, namedDetail } from './completionItems';
import { fieldAt, namespaceAt } from './nodeAt';
import { contains, resolverFor, type AvroProject } from './project';
import { LOGICAL_DOCS, PRIMITIVE_DOCS, typeText } from './typeText';
import { enumOf, zeroValue } from './values';

type Role =
  | 'schema'
  | 'schemaType'
  | 'fieldList'
  | 'field'
  | 'fieldDefault'
  | 'enumDefault'
  | 'order'
  | 'logicalType'
  | 'namespace'
  | 'protocol'
  | 'schemaList'
  | 'messages'
  | 'message'
  | 'other';

/** The role of the value one step below a value of role `role`. */
function step(role: Role, seg: Segment): Role {
  switch (role) {
    case 'schema':
    case 'schemaType':
      if (typeof seg === 'number') return 'schema';
      switch (seg) {
        case 'type':
          return 'schemaType';
        case 'fields':
          return 'fieldList';
        case 'items':
        case 'values':
          return 'schema';
        case 'default':
          return 'enumDefault';
        case 'logicalType':
          return 'logicalType';
        case 'namespace':
          return 'namespace';
        default:
          return 'other';
      }
    case 'fieldList':
      return typeof seg === 'number' ? 'field' : 'other';
    case 'field':
      return seg === 'type' ? 'schema' : seg === 'default' ? 'fieldDefault' : seg === 'order' ? 'order' : 'other';
    case 'protocol':
      return seg === 'types' ? 'schemaList' : seg === 'messages' ? 'messages' : seg === 'namespace' ? 'namespace' : 'other';
    case 'schemaList':
      return typeof seg === 'number' ? 'schema' : 'other';
    case 'messages':
      return typeof seg === 'string' ? 'message' : 'other';
    case 'message':
      return seg === 'request' ? 'fieldList' : seg === 'response' ? 'schema' : seg === 'errors' ? 'schemaList' : 'other';
    default:
      return 'other';
  }
}

function roleOf(path: readonly Segment[], syntax: AvroFile['syntax']): Role {
  let role: Role = syntax === 'avpr' ? 'protocol' : 'schema';
  for (const seg of path) role = step(role, seg);
  return role;
}

interface Key {
  readonly key: string;
  /** The value part of the snippet. */
  readonly value: string;
  readonly doc: string;
}

const k = (key: string, value: string, doc: string): Key => ({ key, value, doc });
const TYPE = k('type', '"$1"', 'the type: a primitive, record, enum, fixed, array or map');
const NAMED = [
  k('name', '"$1"', 'the name; with dots it is a full name'),
  k('namespace', '"$1"', 'qualifies the name; nested types inherit it'),
  k('doc', '"$1"', 'documentation for readers of the schema'),
  k('aliases', '["$1"]', 'former names, so readers match data written under them'),
];
const KEYS: Record<string, readonly Key[]> = {
  record: [TYPE, ...NAMED, k('fields', '[$1]', 'the fields, in order')],
  enum: [TYPE, ...NAMED, k('symbols', '["$1"]', 'the symbols, in order'), k('default', '"$1"', 'the symbol readers use for symbols they do not know')],
  fixed: [TYPE, ...NAMED, k('size', '${1:16}', 'the number of bytes'), k('logicalType', '"$1"', 'decimal, uuid or duration')],
  array: [TYPE, k('items', '"$1"', 'the schema of the items')],
  map: [TYPE, k('values', '"$1"', 'the schema of the values; keys are strings')],
  primitive: [TYPE, k('logicalType', '"$1"', 'how to interpret the value: date, timestamp-millis, decimal...')],
  field: [
    k('name', '"$1"', 'the field name'),
    k('type', '"$1"', 'the field type'),
    k('default', '$1', 'the value readers use when the data has no such field; it must match the first union branch'),
    k('doc', '"$1"', 'documentation of the field'),
    k('order', '"${1|ascending,descending,ignore|}"', 'how the field sorts'),
    k('aliases', '["$1"]', 'former names of the field'),
  ],
  protocol: [
    k('protocol', '"$1"', 'the protocol name'),
    k('namespace', '"$1"', 'the namespace of its types'),
    k('doc', '"$1"', 'documentation'),
    k('types', '[$1]', 'the named types'),
    k('messages', '{$1}', 'the messages, by name'),
  ],
  message: [
    k('doc', '"$1"', 'documentation'),
    k('request', '[$1]', 'the parameters, as fields'),
    k('response', '"$1"', 'the response schema; "null" for none'),
    k('errors', '[$1]', 'the error types it may throw'),
    k('one-way', 'true', 'no response at all'),
  ],
};
const DECIMAL_KEYS = [k('precision', '${1:10}', 'the number of digits'), k('scale', '${1:2}', 'the digits after the point')];

export function jsonCompletion(project: AvroProject, uri: string, file: AvroFile, index: LineIndex, offset: number): CompletionItem[] {
  const text = file.text;
  const loc = getLocation(text, offset);
  const root = file.json;
  const prev = loc.previousNode;
  const inside = prev !== undefined && prev.offset < offset && offset <= prev.offset + prev.length && !closedBefore(text, prev, offset);
  const span = inside ? { start: prev.offset, end: prev.offset + prev.length } : { start: offset, end: offset };
  const range = index.rangeOf(span);
  const next = nextChar(text, span.end);

  if (loc.isAtPropertyKey) {
    const containerPath = loc.path.slice(0, -1);
    const container = objectAtPath(root, containerPath);
    const keys = keysFor(roleOf(containerPath, file.syntax), container);
    const written = new Set((container?.members ?? []).filter((m) => !(inside && m.keySpan.start === prev!.offset)).map((m) => m.key));
    const keyOnly = next === ':';
    return keys
      .filter((key) => !written.has(key.key))
      .map((key, i) => ({
        label: key.key,
        kind: CompletionItemKind.Property,
        documentation: key.doc,
        filterText: JSON.stringify(key.key),
        sortText: String(i).padStart(2, '0'),
        insertTextFormat: InsertTextFormat.Snippet,
        textEdit: { range, newText: keyOnly ? JSON.stringify(key.key) : `${JSON.stringify(key.key)}: ${key.value}${next === '"' ? ',' : ''}` },
      }));
  }

  // A value goes after `:`, `[` or `,`, or fills an empty document.
  const before = prevChar(text, offset);
  if (!inside && !/[:[,]/.test(before) && !(before === '' && next === '')) return [];
  const role = roleOf(loc.path, file.syntax);
  const comma = next === '"' || next === '{' || next === '[' ? ',' : '';
  const items = valuesFor(project, uri, file, offset, role, loc.path, root, range);
  return items.map((i) => ({ ...i, textEdit: { range, newText: i.textEdit.newText + comma } }));
}

/** After the closing quote of a complete string the cursor is outside it. */
function closedBefore(text: string, node: Node, offset: number): boolean {
  const end = node.offset + node.length;
  return node.type === 'string' && offset === end && node.length >= 2 && text[end - 1] === '"';
}

function nextChar(text: string, from: number): string {
  const m = /\S/.exec(text.slice(from, from + 200));
  return m ? m[0] : '';
}

function prevChar(text: string, before: number): string {
  for (let i = before - 1; i >= 0; i--) if (!/\s/.test(text[i]!)) return text[i]!;
  return '';
}

/** The object at a JSON path of the file's tree (the parse the file already has). */
function objectAtPath(root: JsonValue | undefined, path: readonly Segment[]): JsonObject | undefined {
  let v: JsonValue | undefined = root;
  for (const seg of path) {
    if (v?.kind === 'object' && typeof seg === 'string') v = member(v, seg)?.value;
    else if (v?.kind === 'array' && typeof seg === 'number') v = v.items[seg];
    else return undefined;
  }
  return v?.kind === 'object' ? v : undefined;
}

function stringMember(obj: JsonObject | undefined, key: string): string | undefined {
  const v = obj ? member(obj, key)?.value : undefined;
  return v?.kind === 'string' ? v.value : undefined;
}

function keysFor(role: Role, container: JsonObject | undefined): readonly Key[] {
  switch (role) {
    case 'schema':
    case 'schemaType': {
      const t = stringMember(container, 'type');
      if (t === undefined) return [TYPE];
      const kind = t === 'error' ? 'record' : (PRIMITIVE_TYPES as readonly string[]).includes(t) ? 'primitive' : t;
      const keys = KEYS[kind] ?? [TYPE];
      return stringMember(container, 'logicalType') === 'decimal' ? [...keys, ...DECIMAL_KEYS] : keys;
    }
    case 'field':
    case 'protocol':
    case 'message':
      return KEYS[role]!;
    default:
      return [];
  }
}

type Item = Omit<CompletionItem, 'textEdit'> & { textEdit: { range: Range; newText: string } };

function item(label: string, kind: CompletionItemKind, newText: string, range: Range, extra: Partial<Omit<CompletionItem, 'textEdit'>> = {}): Item {
  return { label, kind, filterText: newText.startsWith('"') ? JSON.stringify(label) : label, textEdit: { range, newText }, ...extra };
}

/** The underlying type each logical type's template uses. */
function logicalBase(name: string): string {
  return (LOGICAL_TYPES[name] ?? 'bytes').split(' or ')[0]!.replace(/\(.*$/, '');
}

function valuesFor(
  project: AvroProject,
  uri: string,
  file: AvroFile,
  offset: number,
  role: Role,
  path: readonly Segment[],
  root: JsonValue | undefined,
  range: Range,
): Item[] {
  const resolve = resolverFor(project, uri);
  switch (role) {
    case 'schemaType': {
      const words = [...PRIMITIVE_TYPES, 'record', 'enum', 'fixed', 'array', 'map', ...(file.syntax === 'avpr' ? ['error'] : [])];
      return words.map((w, i) =>
        item(w, CompletionItemKind.Keyword, JSON.stringify(w), range, { detail: PRIMITIVE_DOCS[w] ?? `a ${w} schema`, sortText: String(i).padStart(2, '0') }),
      );
    }
    case 'schema': {
      const out: Item[] = [];
      PRIMITIVE_TYPES.forEach((p, i) => out.push(item(p, CompletionItemKind.Keyword, JSON.stringify(p), range, { detail: PRIMITIVE_DOCS[p], sortText: `0${i}` })));
      const ns = namespaceAt(file, offset);
      for (const c of namedChoices(project.scope(uri), ns, file.syntax)) {
        const kind = c.schema.kind === 'enum' ? CompletionItemKind.Enum : c.schema.kind === 'record' ? CompletionItemKind.Struct : CompletionItemKind.Class;
        out.push(item(c.text, kind, JSON.stringify(c.text), range, { detail: namedDetail(c), sortText: `1${c.text}`, documentation: c.schema.doc?.text }));
      }
      const snippet = (label: string, body: string, detail: string, sort: string) =>
        out.push(item(label, CompletionItemKind.Snippet, body, range, { detail, sortText: sort, insertTextFormat: InsertTextFormat.Snippet, filterText: JSON.stringify(label.split(' ')[0]) }));
      snippet('record', '{"type": "record", "name": "$1", "fields": [$0]}', 'a new record', '2a');
      snippet('enum', '{"type": "enum", "name": "$1", "symbols": [$0]}', 'a new enum', '2b');
      snippet('fixed', '{"type": "fixed", "name": "$1", "size": ${2:16}}', 'a new fixed', '2c');
      snippet('array', '{"type": "array", "items": "$1"}', 'an array', '2d');
      snippet('map', '{"type": "map", "values": "$1"}', 'a map with string keys', '2e');
      for (const { name } of logicalTypeNames()) {
        const base = logicalBase(name);
        const body =
          name === 'decimal'
            ? '{"type": "bytes", "logicalType": "decimal", "precision": ${1:10}, "scale": ${2:2}}'
            : base === 'fixed'
              ? `{"type": "fixed", "name": "$1", "size": 12, "logicalType": "${name}"}`
              : `{"type": "${base}", "logicalType": "${name}"}`;
        snippet(`${name} (${base})`, body, LOGICAL_DOCS[name] ?? 'logical type', `3${name}`);
      }
      const inField = path.length > 0 && path[path.length - 1] === 'type' && roleOf(path.slice(0, -1), file.syntax) === 'field';
      if (inField) {
        out.push(
          item('["null", …]', CompletionItemKind.Snippet, '["null", "$1"]', range, {
            detail: 'optional: a union with null first; give the field "default": null',
            insertTextFormat: InsertTextFormat.Snippet,
            filterText: '["null"',
            sortText: '2_',
          }),
        );
      }
      return out;
    }
    case 'logicalType': {
      const base = stringMember(objectAtPath(root, path.slice(0, -1)), 'type');
      return logicalTypeNames().map(({ name, on }) => {
        const fits = base !== undefined && logicalFits(name, base);
        return item(name, CompletionItemKind.TypeParameter, JSON.stringify(name), range, {
          detail: `on ${on}`,
          documentation: LOGICAL_DOCS[name],
          sortText: `${fits ? 0 : 1}${name}`,
        });
      });
    }
    case 'order':
      return ['ascending', 'descending', 'ignore'].map((o) => item(o, CompletionItemKind.Value, JSON.stringify(o), range));
    case 'namespace': {
      const seen = new Set<string>();
      for (const n of project.registry.names()) {
        const ns = splitFullName(n).namespace;
        if (ns) seen.add(ns);
      }
      return [...seen].sort().map((ns) => item(ns, CompletionItemKind.Module, JSON.stringify(ns), range));
    }
    case 'enumDefault': {
      const e = innermostEnum(file, offset);
      return e ? symbolItems(e, range) : [];
    }
    case 'fieldDefault': {
      const f = fieldAt(file, offset)?.field;
      if (!f?.type) return [];
      const out: Item[] = [];
      const zero = zeroValue(f.type, resolve);
      const e = enumOf(f.type, resolve);
      const first = f.type.kind === 'union' ? f.type.branches[0] : f.type;
      const firstIsEnum = !!first && !!e && enumOf(first, resolve) === e;
      if (e && firstIsEnum) out.push(...symbolItems(e, range));
      const t = first?.kind === 'reference' ? resolve(first) : first;
      if (t?.kind === 'primitive' && t.type === 'boolean') out.push(item('true', CompletionItemKind.Value, 'true', range), item('false', CompletionItemKind.Value, 'false', range));
      const same = out.find((i) => i.textEdit.newText === zero);
      if (same) same.preselect = true;
      else if (zero !== undefined) {
        out.unshift(item(zero, CompletionItemKind.Value, zero, range, { detail: `a default for ${typeText(f.type, resolve)}`, sortText: '0', preselect: true, filterText: zero }));
      }
      return out;
    }
    default:
      return [];
  }
}

function symbolItems(e: EnumSchema, range: Range): Item[] {
  return e.symbols.map((s, i) =>
    item(s.text, CompletionItemKind.EnumMember, JSON.stringify(s.text), range, { detail: `${e.fullName ?? 'enum'}`, sortText: `1${String(i).padStart(4, '0')}` }),
  );
}

function innermostEnum(file: AvroFile, offset: number): EnumSchema | undefined {
  let best: EnumSchema | undefined;
  walkFile(file, {
    schema(s) {
      if (s.kind === 'enum' && contains(s.span, offset) && (!best || s.span.end - s.span.start < best.span.end - best.span.start)) best = s;
    },
  });
  return best;
}
