/**
 * Protobuf -> event model. Lowers the messages and enums of the given files, plus every type
 * they use from other files, with presence, packing and enum openness resolved for the file's
 * syntax or edition. Envelopes (a oneof whose members are all messages) become event unions.
 *
 * Reads only what the project has already parsed and linked; never throws on broken input:
 * unresolved references become `unresolved` types, and missing names or numbers are skipped.
 */
import { SCALAR_TYPES } from '../proto/builtinOptions';
import type { Docs, EnumDecl, FieldDecl, GroupDecl, MapFieldDecl, OneofDecl, OptionDecl, ProtoFile, TypeRef } from '../proto/ast';
import { effectiveFeature } from '../proto/checks/features';
import { intValue } from '../proto/checks/numbers';
import { constantIdent, optionNamed } from '../proto/checks/options';
import { fileSyntax, type FileSyntax } from '../proto/checks/syntax';
import { fileModel, type MessageInfo, type MessageNode } from '../proto/checks/walk';
import type { LinkResult } from '../proto/link';
import type { ProtoProject } from '../proto/project';
import type { ProtoSymbol } from '../proto/symbols';
import { pascalCase } from './names';
import {
  typeId,
  type EnumType,
  type EventModel,
  type EventUnion,
  type Field,
  type ModelFile,
  type ModelType,
  type Oneof,
  type Presence,
  type RecordType,
  type ScalarName,
  type TypeExpr,
  type Variant,
  type WellKnownName,
} from './types';
import { variantTags } from './variants';

const WELL_KNOWN: ReadonlyMap<string, WellKnownName> = new Map(
  (
    [
      'Timestamp',
      'Duration',
      'DoubleValue',
      'FloatValue',
      'Int64Value',
      'UInt64Value',
      'Int32Value',
      'UInt32Value',
      'BoolValue',
      'StringValue',
      'BytesValue',
      'Struct',
      'Value',
      'ListValue',
      'NullValue',
      'Any',
    ] as const
  ).map((n) => [`google.protobuf.${n}`, n]),
);

/** The well-known type a full name denotes, when it has a natural TypeScript form. */
export function wellKnownOf(fullName: string): WellKnownName | undefined {
  return WELL_KNOWN.get(fullName);
}

const SCALARS = SCALAR_TYPES;

const PACKABLE: ReadonlySet<string> = new Set([...SCALARS].filter((s) => s !== 'string' && s !== 'bytes'));

function docText(docs: Docs): string | undefined {
  const text = docs.leading ?? docs.trailing;
  const trimmed = text?.trim();
  return trimmed ? trimmed : undefined;
}

interface FileContext {
  readonly uri: string;
  readonly ast: ProtoFile;
  readonly syntax: FileSyntax;
  readonly link: LinkResult;
  readonly packageName: string;
}

/**
 * Lowers `uris` (and the types they use) of a linked project. Files whose types are only used
 * get just those types; the input files get all of theirs, and their event unions.
 */
export function lowerProto(project: ProtoProject, uris: readonly string[]): EventModel {
  const contexts = new Map<string, FileContext | undefined>();
  const contextOf = (uri: string): FileContext | undefined => {
    if (contexts.has(uri)) return contexts.get(uri);
    const state = project.get(uri);
    const link = state ? project.link(uri) : undefined;
    const ctx = state && link ? { uri, ast: state.ast, syntax: fileSyntax(state.ast), link, packageName: state.symbols.packageName } : undefined;
    contexts.set(uri, ctx);
    return ctx;
  };

  /** Declaring file and kind of every type id met so far. */
  const symbolUris = new Map<string, string>();
  const symbolKinds = new Map<string, string>();
  const registerSymbol = (id: string, uri: string, kind = 'message') => {
    symbolUris.set(id, uri);
    symbolKinds.set(id, kind);
  };

  const types = new Map<string, ModelType>();
  const declared = new Map<string, string[]>();
  /** Type ids whose declarations are lowered but whose uses have not been followed yet. */
  const pending: string[] = [];
  const lowered = new Set<string>();

  const lowerFileTypes = (uri: string): Map<string, ModelType> => {
    const out = new Map<string, ModelType>();
    const ctx = contextOf(uri);
    if (!ctx) return out;
    const model = fileModel(ctx.ast, ctx.packageName);
    for (const m of model.messages) {
      const t = lowerMessage(ctx, m);
      if (t && !WELL_KNOWN.has(t.fullName)) out.set(t.id, t);
    }
    for (const e of model.enums) {
      const t = lowerEnum(ctx, e.node, e.fullName, e.parents);
      if (t && !WELL_KNOWN.has(t.fullName)) out.set(t.id, t);
    }
    return out;
  };

  const fileTypes = new Map<string, Map<string, ModelType>>();
  const typesOf = (uri: string) => {
    let m = fileTypes.get(uri);
    if (!m) fileTypes.set(uri, (m = lowerFileTypes(uri)));
    return m;
  };

  const include = (id: string, uri: string) => {
    if (lowered.has(id)) return;
    const t = typesOf(uri).get(id);
    if (!t) return;
    lowered.add(id);
    types.set(id, t);
    let list = declared.get(uri);
    if (!list) declared.set(uri, (list = []));
    list.push(id);
    pending.push(id);
  };

  const inputs = [...new Set(uris)].filter((u) => contextOf(u));
  for (const uri of inputs) for (const id of typesOf(uri).keys()) include(id, uri);
  while (pending.length) {
    const t = types.get(pending.pop()!)!;
    for (const used of usedIds(t)) {
      const owner = symbolUris.get(used);
      if (owner) include(used, owner);
    }
  }

  const unions = new Map<string, EventUnion[]>();
  for (const uri of inputs) unions.set(uri, findEnvelopes(typesOf(uri), types));

  const files: ModelFile[] = [];
  const ordered = [...inputs, ...[...declared.keys()].filter((u) => !inputs.includes(u)).sort()];
  for (const uri of ordered) {
    const ctx = contextOf(uri)!;
    const state = project.get(uri)!;
    const order = [...typesOf(uri).keys()];
    const mine = new Set(declared.get(uri) ?? []);
    files.push({
      uri,
      path: state.importPath,
      format: 'protobuf',
      text: state.text,
      types: order.filter((id) => mine.has(id)),
      unions: unions.get(uri) ?? [],
      dependencies: importClosure(project, ctx.uri).map((u) => ({ uri: u, text: project.get(u)?.text ?? '' })),
    });
  }
  return { files, types };

  function lowerMessage(ctx: FileContext, m: MessageInfo): RecordType | undefined {
    const oneofs: Oneof[] = [];
    const oneofIndex = new Map<OneofDecl, number>();
    for (const o of m.oneofs) {
      if (!o.name) continue;
      oneofIndex.set(o, oneofs.length);
      const names = o.body.flatMap((f) => (f.kind === 'field' || f.kind === 'group') && f.name ? [fieldNameOf(f)] : []);
      oneofs.push({ name: o.name.text, fields: names, doc: docText(o.docs), source: { uri: ctx.uri, span: o.span } });
    }
    const fields: Field[] = [];
    for (const info of m.fields) {
      const f = info.node;
      if (!f.name || !f.number) continue;
      const number = intValue(f.number);
      if (number === undefined) continue;
      const oneof = info.oneof ? oneofIndex.get(info.oneof) : undefined;
      const field = lowerField(ctx, m, f, Number(number), fields.length, oneof);
      fields.push(field);
    }
    const fullName = m.fullName;
    const scope = m.parents.map((p) => p.name?.text ?? '');
    registerSymbol(typeId('protobuf', fullName), ctx.uri);
    return {
      kind: 'record',
      id: typeId('protobuf', fullName),
      format: 'protobuf',
      name: m.name.text,
      fullName,
      namespace: ctx.packageName,
      scope,
      aliases: [],
      doc: docText(m.node.docs),
      source: { uri: ctx.uri, span: m.node.span },
      fields,
      oneofs,
    };
  }

  function lowerField(
    ctx: FileContext,
    m: MessageInfo,
    f: FieldDecl | MapFieldDecl | GroupDecl,
    number: number,
    position: number,
    oneof: number | undefined,
  ): Field {
    const parents = [...m.parents, m.node];
    const source = { uri: ctx.uri, span: f.span };
    const doc = docText(f.docs);
    const base = { name: fieldNameOf(f), number, position, aliases: [], doc, source, ...(oneof !== undefined ? { oneof } : {}) };
    if (f.kind === 'mapField') {
      const key = f.keyType && SCALARS.has(f.keyType.text) ? (f.keyType.text as ScalarName) : 'string';
      return { ...base, type: { kind: 'map', key, values: typeOfRef(ctx, f.valueType) }, presence: 'implicit' };
    }
    const label = f.label?.value;
    const repeated = label === 'repeated';
    let type: TypeExpr;
    let delimited = false;
    if (f.kind === 'group') {
      const full = `${m.fullName}.${f.name?.text ?? ''}`;
      type = { kind: 'named', id: typeId('protobuf', full) };
      delimited = true;
    } else {
      type = typeOfRef(ctx, f.type);
      if (type.kind === 'named' && isMessageId(type.id)) {
        delimited = effectiveFeature('message_encoding', ctx.syntax, ctx.ast, f.options, parents) === 'DELIMITED';
      }
    }
    const presence = presenceOf(ctx, f, parents, type, oneof !== undefined);
    const out: Field = { ...base, type: repeated ? { kind: 'list', items: type } : type, presence, ...(delimited ? { delimited } : {}) };
    const extra: { packed?: boolean; default?: { value: unknown } } = {};
    if (repeated && isPackable(type)) extra.packed = packedOf(ctx, f.options, parents);
    const def = f.kind === 'field' ? optionNamed(f.options, 'default')?.value : undefined;
    if (def && def.kind !== 'aggregate') extra.default = { value: def.value };
    return { ...out, ...extra };
  }

  function isPackable(type: TypeExpr): boolean {
    if (type.kind === 'scalar') return PACKABLE.has(type.scalar);
    return type.kind === 'named' && !isMessageId(type.id);
  }

  function isMessageId(id: string): boolean {
    return symbolKinds.get(id) === 'message';
  }

  function packedOf(ctx: FileContext, options: readonly OptionDecl[], parents: readonly MessageNode[]): boolean {
    const explicit = constantIdent(optionNamed(options, 'packed')?.value);
    if (explicit === 'true' || explicit === 'false') return explicit === 'true';
    return effectiveFeature('repeated_field_encoding', ctx.syntax, ctx.ast, options, parents) === 'PACKED';
  }

  function presenceOf(ctx: FileContext, f: FieldDecl | GroupDecl, parents: readonly MessageNode[], type: TypeExpr, inOneof: boolean): Presence {
    const label = f.label?.value;
    if (label === 'repeated') return 'implicit';
    if (label === 'required') return 'required';
    if (inOneof) return 'explicit';
    if (f.kind === 'group' || (type.kind === 'named' && isMessageId(type.id)) || type.kind === 'wellKnown' && type.name !== 'NullValue') {
      return 'explicit';
    }
    if (ctx.syntax.kind === 'proto2') return 'explicit';
    if (ctx.syntax.kind === 'proto3') return label === 'optional' ? 'explicit' : 'implicit';
    const feature = effectiveFeature('field_presence', ctx.syntax, ctx.ast, f.options, parents);
    return feature === 'IMPLICIT' ? 'implicit' : feature === 'LEGACY_REQUIRED' ? 'required' : 'explicit';
  }

  function typeOfRef(ctx: FileContext, ref: TypeRef | undefined): TypeExpr {
    if (!ref || !ref.text) return { kind: 'unresolved', text: '' };
    if (SCALARS.has(ref.text)) return { kind: 'scalar', scalar: ref.text as ScalarName };
    const sym = ctx.link.typeOf.get(ref);
    if (!sym) return { kind: 'unresolved', text: ref.text };
    return typeOfSymbol(sym);
  }

  function typeOfSymbol(sym: ProtoSymbol): TypeExpr {
    const id = typeId('protobuf', sym.fullName);
    registerSymbol(id, sym.uri, sym.kind);
    const wkt = WELL_KNOWN.get(sym.fullName);
    if (wkt) return { kind: 'wellKnown', name: wkt, id };
    return { kind: 'named', id };
  }

  function lowerEnum(ctx: FileContext, node: EnumDecl, fullName: string, parents: readonly MessageNode[]): EnumType | undefined {
    if (!node.name) return undefined;
    const values = node.body.flatMap((v) => {
      if (v.kind !== 'enumValue' || !v.name.text) return [];
      const n = intValue(v.number);
      if (n === undefined) return [];
      return [{ name: v.name.text, number: Number(n), doc: docText(v.docs), source: { uri: ctx.uri, span: v.span } }];
    });
    const options = node.body.filter((e): e is OptionDecl => e.kind === 'option');
    const closed = effectiveFeature('enum_type', ctx.syntax, ctx.ast, options, parents) === 'CLOSED';
    const id = typeId('protobuf', fullName);
    registerSymbol(id, ctx.uri, 'enum');
    return {
      kind: 'enum',
      id,
      format: 'protobuf',
      name: node.name.text,
      fullName,
      namespace: ctx.packageName,
      scope: parents.map((p) => p.name?.text ?? ''),
      aliases: [],
      doc: docText(node.docs),
      source: { uri: ctx.uri, span: node.span },
      values,
      open: !closed,
    };
  }

  /** Envelopes of one input file: messages with a oneof whose members are all (non-well-known) messages. */
  function findEnvelopes(own: ReadonlyMap<string, ModelType>, all: ReadonlyMap<string, ModelType>): EventUnion[] {
    const out: EventUnion[] = [];
    for (const t of own.values()) {
      if (t.kind !== 'record') continue;
      const qualifying = t.oneofs.flatMap((o, index) => {
        const members = t.fields.filter((f) => f.oneof === index);
        const ok = members.length > 0 && members.every((f) => f.type.kind === 'named' && all.get(f.type.id)?.kind === 'record');
        return ok ? [{ o, index, members }] : [];
      });
      for (const { o, index, members } of qualifying) {
        const tags = variantTags(
          members.map((f) => {
            const target = all.get((f.type as { id: string }).id)!;
            return { typeId: target.id, simpleName: target.name, fullName: target.fullName, fieldName: f.name, ordinal: f.number ?? 0 };
          }),
        );
        const variants: Variant[] = members.map((f, i) => ({
          name: tags[i]!,
          record: (f.type as { id: string }).id,
          field: f.name,
          number: f.number,
          doc: f.doc,
          source: f.source,
        }));
        const flat = [...t.scope, t.name].join('_');
        out.push({
          name: qualifying.length === 1 ? flat : `${flat}${pascalCase(o.name)}`,
          format: 'protobuf',
          kind: 'envelope',
          container: t.id,
          oneof: index,
          variants,
          doc: o.doc ?? t.doc,
          source: o.source,
        });
      }
    }
    return out;
  }
}

function fieldNameOf(f: FieldDecl | MapFieldDecl | GroupDecl): string {
  const name = f.name?.text ?? '';
  return f.kind === 'group' ? name.toLowerCase() : name;
}

function usedIds(t: ModelType): string[] {
  if (t.kind !== 'record') return [];
  const out: string[] = [];
  const visit = (e: TypeExpr) => {
    switch (e.kind) {
      case 'named':
        out.push(e.id);
        break;
      case 'list':
        visit(e.items);
        break;
      case 'map':
        visit(e.values);
        break;
      case 'optional':
        visit(e.inner);
        break;
      case 'union':
        e.branches.forEach(visit);
        break;
      case 'logical':
        visit(e.base);
        break;
      default:
        break;
    }
  };
  for (const f of t.fields) visit(f.type);
  return out;
}

function importClosure(project: ProtoProject, uri: string): string[] {
  const seen = new Set<string>();
  const queue = [uri];
  while (queue.length) {
    const link = project.link(queue.pop()!);
    for (const imp of link?.imports ?? []) {
      if (imp.uri && imp.uri !== uri && !seen.has(imp.uri)) {
        seen.add(imp.uri);
        queue.push(imp.uri);
      }
    }
  }
  return [...seen].sort();
}
