/**
 * Mutation pairs for differential tests against buf: real schemas (from the corpora, plus two
 * written for this in fixtures/sources) each changed in one small way, the way people evolve
 * schemas: delete, rename or renumber a field, change its type or label, move it into or out of a
 * oneof, change options and features, delete enum values, messages, reserved ranges, services,
 * rpcs, change the package. Every mutation is applied through the parser's spans, and each pair
 * is used both ways (old -> new and new -> old, so a deletion is also an addition).
 *
 * The targets are picked with a seeded generator, so the pairs are the same on every run; buf's
 * verdicts on them are recorded in fixtures/mutations.buf.json by fixtures/mutations.ts.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type {
  EnumDecl,
  FieldDecl,
  GroupDecl,
  MapFieldDecl,
  MessageDecl,
  MessageElement,
  OneofDecl,
  ProtoFile,
  RpcDecl,
  ServiceDecl,
} from '../../../../server/src/core/proto/ast';
import { parseProto } from '../../../../server/src/core/proto/parser';

const CORPUS = join(__dirname, '..', '..', '..', '..', '..', 'shared', 'corpus');

/**
 * Self-contained schemas (they import only well-known types and extend none of them, so that many
 * copies can share one module). `message_set_wire_format` is taken out of them when read: buf
 * cannot compare MessageSets (protobuf-go no longer supports them) and fails on the whole module.
 */
export const SOURCES: readonly string[] = [
  join(CORPUS, 'cloudevents', 'cloudevents', 'formats', 'cloudevents.proto'),
  join(CORPUS, 'protobuf', 'src', 'google', 'protobuf', 'test_messages_proto2.proto'),
  join(CORPUS, 'protobuf', 'src', 'google', 'protobuf', 'test_messages_proto3.proto'),
  join(CORPUS, 'protobuf', 'src', 'google', 'protobuf', 'util', 'json_format.proto'),
  join(CORPUS, 'protobuf', 'src', 'google', 'protobuf', 'type.proto'),
  join(CORPUS, 'protobuf', 'src', 'google', 'protobuf', 'compiler', 'cpp', 'test_bad_identifiers_editions.proto'),
  join(CORPUS, 'googleapis', 'head', 'google', 'pubsub', 'v1beta2', 'pubsub.proto'),
  join(CORPUS, 'googleapis', 'head', 'google', 'bytestream', 'bytestream.proto'),
  join(CORPUS, 'googleapis', 'head', 'google', 'type', 'color.proto'),
  join(__dirname, 'fixtures', 'sources', 'editions.proto'),
  join(__dirname, 'fixtures', 'sources', 'defaults.proto'),
  join(__dirname, 'fixtures', 'sources', 'optional.proto'),
];

export interface Mutant {
  /** What changed, e.g. `field.type Settings.retries int32 -> sint64`. */
  readonly what: string;
  readonly text: string;
}

interface Edit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

function apply(text: string, edits: readonly Edit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

/** A small deterministic generator (mulberry32), so the picked targets never change. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type AnyField = FieldDecl | MapFieldDecl | GroupDecl;

interface FieldSite {
  readonly field: AnyField;
  readonly message: MessageDecl | GroupDecl;
  readonly path: string;
  readonly oneof?: OneofDecl;
}

interface Sites {
  readonly syntax: 'proto2' | 'proto3' | 'editions';
  readonly messages: { readonly decl: MessageDecl | GroupDecl; readonly path: string }[];
  readonly fields: FieldSite[];
  readonly enums: { readonly decl: EnumDecl; readonly path: string }[];
  readonly oneofs: { readonly decl: OneofDecl; readonly message: MessageDecl | GroupDecl; readonly path: string }[];
  readonly services: ServiceDecl[];
  readonly rpcs: { readonly decl: RpcDecl; readonly service: ServiceDecl }[];
}

function collect(ast: ProtoFile): Sites {
  const syntaxDecl = ast.body.find((d) => d.kind === 'syntax');
  const syntax = syntaxDecl?.kind === 'syntax' && syntaxDecl.keyword === 'edition' ? 'editions' : syntaxDecl?.kind === 'syntax' && syntaxDecl.value === 'proto3' ? 'proto3' : 'proto2';
  const sites: Sites = { syntax, messages: [], fields: [], enums: [], oneofs: [], services: [], rpcs: [] };
  const visit = (m: MessageDecl | GroupDecl, path: string) => {
    sites.messages.push({ decl: m, path });
    const body = (els: readonly MessageElement[] | OneofDecl['body'], oneof?: OneofDecl) => {
      for (const el of els) {
        if (el.kind === 'field' || el.kind === 'mapField' || el.kind === 'group') {
          if (el.name && el.number) sites.fields.push({ field: el, message: m, path: `${path}.${el.name.text}`, oneof });
          if (el.kind === 'group' && el.name) visit(el, `${path}.${el.name.text}`);
        } else if (el.kind === 'oneof') {
          sites.oneofs.push({ decl: el, message: m, path: `${path}.${el.name?.text ?? ''}` });
          body(el.body, el);
        } else if (el.kind === 'message' && el.name) visit(el, `${path}.${el.name.text}`);
        else if (el.kind === 'enum' && el.name) sites.enums.push({ decl: el, path: `${path}.${el.name.text}` });
      }
    };
    body(m.body);
  };
  for (const d of ast.body) {
    if (d.kind === 'message' && d.name) visit(d, d.name.text);
    else if (d.kind === 'enum' && d.name) sites.enums.push({ decl: d, path: d.name.text });
    else if (d.kind === 'service' && d.name) {
      sites.services.push(d);
      for (const r of d.body) if (r.kind === 'rpc' && r.name) sites.rpcs.push({ decl: r, service: d });
    }
  }
  return sites;
}

const SCALAR_SWAPS: Readonly<Record<string, readonly string[]>> = {
  int32: ['int64', 'uint32', 'sint32', 'bool', 'fixed32', 'string'],
  int64: ['int32', 'uint64', 'sint64', 'fixed64', 'double'],
  uint32: ['int32', 'uint64', 'fixed32'],
  uint64: ['int64', 'uint32', 'fixed64'],
  sint32: ['sint64', 'int32'],
  sint64: ['sint32', 'int64'],
  fixed32: ['sfixed32', 'uint32', 'float'],
  fixed64: ['sfixed64', 'uint64', 'double'],
  sfixed32: ['fixed32', 'int32'],
  sfixed64: ['fixed64', 'int64'],
  bool: ['int32', 'uint64', 'string'],
  string: ['bytes', 'int32'],
  bytes: ['string', 'int64'],
  float: ['double', 'fixed32'],
  double: ['float', 'fixed64'],
};

/** Candidate mutations of one file: every applicable change, most of them per element. */
function candidates(text: string, ast: ProtoFile): Mutant[] {
  const s = collect(ast);
  const out: Mutant[] = [];
  const add = (what: string, ...edits: Edit[]) => out.push({ what, text: apply(text, edits) });
  const editions = s.syntax === 'editions';
  const numbersOf = (m: MessageDecl | GroupDecl) => s.fields.filter((f) => f.message === m).map((f) => f.field.number!.value);
  const enumNames = s.enums.map((e) => e.path);
  const messageNames = s.messages.filter((m) => m.decl.kind === 'message').map((m) => m.path);

  for (const site of s.fields) {
    const f = site.field;
    const name = f.name!;
    const number = f.number!;
    const inOneof = site.oneof !== undefined;
    const label = f.kind === 'mapField' ? undefined : f.label;
    add(`field.delete ${site.path}`, { start: f.span.start, end: f.span.end, text: '' });
    if (!inOneof) {
      add(`field.delete-reserve-number ${site.path}`, { start: f.span.start, end: f.span.end, text: `reserved ${number.value};` });
      add(`field.delete-reserve-name ${site.path}`, {
        start: f.span.start,
        end: f.span.end,
        text: editions ? `reserved ${f.kind === 'group' ? name.text.toLowerCase() : name.text};` : `reserved "${f.kind === 'group' ? name.text.toLowerCase() : name.text}";`,
      });
    }
    if (f.kind !== 'group') add(`field.rename ${site.path}`, { start: name.span.start, end: name.span.end, text: `${name.text}_renamed` });
    const next = Math.max(...numbersOf(site.message)) + 1;
    add(`field.renumber ${site.path} -> ${next}`, { start: number.span.start, end: number.span.end, text: String(next) });
    if (f.kind === 'field') {
      const swaps = SCALAR_SWAPS[f.type.text];
      if (swaps) for (const to of swaps) add(`field.type ${site.path} ${f.type.text} -> ${to}`, { start: f.type.span.start, end: f.type.span.end, text: to });
      else {
        const target = [...messageNames, ...enumNames].find((n) => !n.endsWith(`.${f.type.text}`) && n !== f.type.text);
        if (target) add(`field.type ${site.path} ${f.type.text} -> .${target}`, { start: f.type.span.start, end: f.type.span.end, text: `.PKG.${target}` });
        add(`field.type ${site.path} ${f.type.text} -> int32`, { start: f.type.span.start, end: f.type.span.end, text: 'int32' });
        add(`field.type ${site.path} ${f.type.text} -> bytes`, { start: f.type.span.start, end: f.type.span.end, text: 'bytes' });
      }
      if (!inOneof) {
        if (label?.value === 'repeated') add(`field.unrepeat ${site.path}`, { start: label.span.start, end: f.type.span.start, text: s.syntax === 'proto2' ? 'optional ' : '' });
        else if (label) add(`field.repeat ${site.path}`, { start: label.span.start, end: label.span.end, text: 'repeated' });
        else add(`field.repeat ${site.path}`, { start: f.type.span.start, end: f.type.span.start, text: 'repeated ' });
        if (s.syntax === 'proto3' && label?.value === 'optional') add(`field.unoptional ${site.path}`, { start: label.span.start, end: f.type.span.start, text: '' });
        if (s.syntax === 'proto3' && !label) add(`field.optional ${site.path}`, { start: f.type.span.start, end: f.type.span.start, text: 'optional ' });
        if (s.syntax === 'proto2' && label?.value === 'optional') add(`field.require ${site.path}`, { start: label.span.start, end: label.span.end, text: 'required' });
        if (s.syntax === 'proto2' && label?.value === 'required') add(`field.unrequire ${site.path}`, { start: label.span.start, end: label.span.end, text: 'optional' });
        if (label?.value !== 'repeated') {
          const bare = text.slice(label ? f.type.span.start : f.span.start, f.span.end);
          add(`field.into-oneof ${site.path}`, { start: f.span.start, end: f.span.end, text: `oneof mutated_choice { ${bare} }` });
        }
      } else {
        const oneof = site.oneof!;
        const members = oneof.body.filter((m) => m.kind === 'field' || m.kind === 'group').length;
        if (members > 1) {
          add(
            `field.out-of-oneof ${site.path}`,
            { start: f.span.start, end: f.span.end, text: '' },
            { start: oneof.span.start, end: oneof.span.start, text: `${s.syntax === 'proto2' ? 'optional ' : ''}${text.slice(f.span.start, f.span.end)}\n  ` },
          );
        }
      }
      const options = f.optionsSpan;
      const json = f.options.find((o) => o.name.parts[0]?.text === 'json_name');
      if (json?.value) add(`field.json-name-change ${site.path}`, { start: json.value.span.start, end: json.value.span.end, text: '"mutatedJson"' });
      else if (!options) add(`field.json-name-add ${site.path}`, { start: number.span.end, end: number.span.end, text: ' [json_name = "mutatedJson"]' });
      const dflt = f.options.find((o) => o.name.parts[0]?.text === 'default');
      if (dflt?.value) {
        add(`field.default-remove ${site.path}`, { start: options!.start, end: options!.end, text: '' });
        const v = dflt.value;
        const changed = v.kind === 'string' ? '"mutated"' : v.kind === 'bool' ? String(!v.value) : v.kind === 'ident' ? undefined : '7';
        if (changed) add(`field.default-change ${site.path}`, { start: v.span.start, end: v.span.end, text: changed });
      } else if (s.syntax === 'proto2' && !options && label?.value !== 'repeated' && SCALAR_SWAPS[f.type.text]) {
        const value = f.type.text === 'string' || f.type.text === 'bytes' ? '"x"' : f.type.text === 'bool' ? 'true' : '5';
        add(`field.default-add ${site.path}`, { start: number.span.end, end: number.span.end, text: ` [default = ${value}]` });
      }
      if (!options && /^(u|s|)(int|fixed)64$/.test(f.type.text)) add(`field.jstype ${site.path}`, { start: number.span.end, end: number.span.end, text: ' [jstype = JS_STRING]' });
      if (!options && (f.type.text === 'string' || f.type.text === 'bytes') && !editions) add(`field.ctype ${site.path}`, { start: number.span.end, end: number.span.end, text: ' [ctype = CORD]' });
      if (!options && editions) {
        add(`field.presence-implicit ${site.path}`, { start: number.span.end, end: number.span.end, text: ' [features.field_presence = IMPLICIT]' });
        if (f.type.text === 'string') add(`field.utf8-none ${site.path}`, { start: number.span.end, end: number.span.end, text: ' [features.utf8_validation = NONE]' });
        if (!SCALAR_SWAPS[f.type.text]) add(`field.delimited ${site.path}`, { start: number.span.end, end: number.span.end, text: ' [features.message_encoding = DELIMITED]' });
      }
    }
    if (f.kind === 'mapField' && f.valueType) {
      add(`field.map-value ${site.path}`, { start: f.valueType.span.start, end: f.valueType.span.end, text: f.valueType.text === 'string' ? 'bytes' : 'string' });
      add(`field.map-to-repeated ${site.path}`, { start: f.typeSpan.start, end: f.typeSpan.end, text: 'repeated string' });
    }
  }
  for (const o of s.oneofs) {
    if (o.decl.name) add(`oneof.rename ${o.path}`, { start: o.decl.name.span.start, end: o.decl.name.span.end, text: `${o.decl.name.text}_renamed` });
    add(`oneof.delete ${o.path}`, { start: o.decl.span.start, end: o.decl.span.end, text: '' });
  }
  for (const e of s.enums) {
    const values = e.decl.body.filter((v) => v.kind === 'enumValue');
    add(`enum.delete ${e.path}`, { start: e.decl.span.start, end: e.decl.span.end, text: '' });
    if (!editions && s.syntax === 'proto3' && e.decl.name) add(`enum.rename ${e.path}`, { start: e.decl.name.span.start, end: e.decl.name.span.end, text: `${e.decl.name.text}Renamed` });
    for (const v of values) {
      if (v.kind !== 'enumValue' || !v.number) continue;
      add(`enum.value-delete ${e.path}.${v.name.text}`, { start: v.span.start, end: v.span.end, text: '' });
      add(`enum.value-delete-reserve ${e.path}.${v.name.text}`, { start: v.span.start, end: v.span.end, text: `reserved ${v.number.text};` });
      add(`enum.value-rename ${e.path}.${v.name.text}`, { start: v.name.span.start, end: v.name.span.end, text: `${v.name.text}_RENAMED` });
      add(`enum.value-renumber ${e.path}.${v.name.text}`, { start: v.number.span.start, end: v.number.span.end, text: '99' });
    }
    if (editions) add(`enum.closed ${e.path}`, { start: e.decl.span.end - 1, end: e.decl.span.end - 1, text: 'option features.enum_type = CLOSED;\n' });
    for (const r of e.decl.body) if (r.kind === 'reserved') add(`enum.reserved-delete ${e.path}`, { start: r.span.start, end: r.span.end, text: '' });
  }
  for (const m of s.messages) {
    const d = m.decl;
    if (d.kind === 'message') add(`message.delete ${m.path}`, { start: d.span.start, end: d.span.end, text: '' });
    for (const r of d.body) {
      if (r.kind === 'reserved') add(`message.reserved-delete ${m.path}`, { start: r.span.start, end: r.span.end, text: '' });
      if (r.kind === 'extensions') add(`message.extensions-delete ${m.path}`, { start: r.span.start, end: r.span.end, text: '' });
    }
    if (d.kind === 'message') {
      add(`message.no-standard-descriptor-accessor ${m.path}`, { start: d.span.end - 1, end: d.span.end - 1, text: 'option no_standard_descriptor_accessor = true;\n' });
      if (editions) add(`message.json-legacy ${m.path}`, { start: d.span.end - 1, end: d.span.end - 1, text: 'option features.json_format = LEGACY_BEST_EFFORT;\n' });
    }
  }
  for (const svc of s.services) add(`service.delete ${svc.name!.text}`, { start: svc.span.start, end: svc.span.end, text: '' });
  for (const { decl: r, service } of s.rpcs) {
    const where = `${service.name!.text}.${r.name!.text}`;
    add(`rpc.delete ${where}`, { start: r.span.start, end: r.span.end, text: '' });
    if (r.input && r.output && r.input.text !== r.output.text) {
      add(`rpc.request-type ${where}`, { start: r.input.span.start, end: r.input.span.end, text: r.output.text });
      add(`rpc.response-type ${where}`, { start: r.output.span.start, end: r.output.span.end, text: r.input.text });
    }
    if (r.input) {
      if (r.inputStream) add(`rpc.client-unary ${where}`, { start: r.inputStream.start, end: r.input.span.start, text: '' });
      else add(`rpc.client-stream ${where}`, { start: r.input.span.start, end: r.input.span.start, text: 'stream ' });
    }
    if (r.output) {
      if (r.outputStream) add(`rpc.server-unary ${where}`, { start: r.outputStream.start, end: r.output.span.start, text: '' });
      else add(`rpc.server-stream ${where}`, { start: r.output.span.start, end: r.output.span.start, text: 'stream ' });
    }
    if (r.options.length === 0) {
      const semi = text.indexOf(';', (r.output ?? r.input ?? r.name!).span.end);
      const close = text.indexOf(')', (r.output ?? r.name!).span.end);
      if (semi >= 0 && close >= 0 && text.slice(close + 1, semi).trim() === '') {
        add(`rpc.idempotency ${where}`, { start: close + 1, end: semi + 1, text: ' { option idempotency_level = IDEMPOTENT; }' });
      }
    }
  }
  const pkg = ast.body.find((d) => d.kind === 'package');
  if (pkg?.kind === 'package' && pkg.name) add('file.package', { start: pkg.name.span.end, end: pkg.name.span.end, text: '.moved' });
  for (const opt of ast.body) {
    if (opt.kind !== 'option' || !opt.value || opt.name.parts.length !== 1) continue;
    const o = opt.name.parts[0]!.text;
    const v = opt.value;
    if (v.kind === 'string') add(`file.option ${o}`, { start: v.span.start, end: v.span.end, text: '"mutated"' });
    else if (v.kind === 'bool') add(`file.option ${o}`, { start: v.span.start, end: v.span.end, text: String(!v.value) });
    add(`file.option-delete ${o}`, { start: opt.span.start, end: opt.span.end, text: '' });
  }
  const anchor = pkg?.span.end ?? 0;
  add('file.option-add go_package', { start: anchor, end: anchor, text: '\noption go_package = "example.com/mutated";' });
  add('file.option-add cc_enable_arenas', { start: anchor, end: anchor, text: '\noption cc_enable_arenas = false;' });
  add('file.option-add optimize_for', { start: anchor, end: anchor, text: '\noption optimize_for = CODE_SIZE;' });
  if (!editions) {
    const syn = ast.body.find((d) => d.kind === 'syntax');
    if (syn?.kind === 'syntax' && syn.valueSpan) add('file.syntax', { start: syn.valueSpan.start, end: syn.valueSpan.end, text: s.syntax === 'proto3' ? '"proto2"' : '"proto3"' });
  }
  return out;
}

export interface MutationPair {
  /** The folder of the pair in both trees, e.g. `m042a`. */
  readonly id: string;
  readonly source: string;
  readonly what: string;
  /** The file's name inside the pair's folder. */
  readonly file: string;
  readonly previous: string;
  readonly current: string;
  /** Hash of both texts: a recorded verdict belongs to exactly these texts. */
  readonly hash: string;
}

/** Gives a file its own package (`mNNN.<package>`), so many pairs can share one buf module. */
function repackage(text: string, ast: ProtoFile, prefix: string): string {
  const pkg = ast.body.find((d) => d.kind === 'package');
  if (pkg?.kind !== 'package' || !pkg.name) {
    return text.replace(/(^|\n)(syntax|edition)\s*=\s*"[^"]*"\s*;/, (m) => `${m}\npackage ${prefix};`).replace(/\.PKG\./g, `.${prefix}.`);
  }
  const name = pkg.name.text;
  const escaped = name.replace(/\./g, '\\.');
  let out = text.slice(0, pkg.name.span.start) + `${prefix}.${name}` + text.slice(pkg.name.span.end);
  out = out.replace(new RegExp(`([\\s(\\[<,])\\.${escaped}\\.`, 'g'), `$1.${prefix}.${name}.`);
  return out.replace(/\.PKG\./g, `.${prefix}.${name}.`);
}

/** How many mutations of a kind to pick per source; type changes come in many flavours. */
const PER_KIND: Readonly<Record<string, number>> = { 'field.type': 15, 'field.delete': 5 };

/** Up to `perKind` mutations of each kind per source (more for some kinds), picked by the seeded generator. */
export function mutationPairs(perKind = 3, seed = 20260826): MutationPair[] {
  const random = rng(seed);
  const pairs: MutationPair[] = [];
  let n = 0;
  for (const source of SOURCES) {
    const original = readFileSync(source, 'utf8').replace(/^\s*option message_set_wire_format = true;\n/gm, '');
    const ast = parseProto(original).ast;
    const byKind = new Map<string, Mutant[]>();
    for (const m of candidates(original, ast)) {
      const kind = m.what.split(' ')[0]!;
      const list = byKind.get(kind) ?? [];
      list.push(m);
      byKind.set(kind, list);
    }
    const file = source.slice(source.lastIndexOf('/') + 1);
    for (const [kind, list] of [...byKind].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const picked = new Set<number>();
      while (picked.size < Math.min(PER_KIND[kind] ?? perKind, list.length)) picked.add(Math.floor(random() * list.length));
      for (const i of [...picked].sort((a, b) => a - b)) {
        const m = list[i]!;
        const id = `m${String(n++).padStart(4, '0')}`;
        const mutated = parseProto(m.text).ast;
        const before = repackage(original, ast, `${id}a`);
        const after = repackage(m.text, mutated, `${id}a`);
        const back = [repackage(m.text, mutated, `${id}b`), repackage(original, ast, `${id}b`)] as const;
        const rel = source.includes('/corpus/') ? source.slice(source.indexOf('/corpus/') + 8) : `fixtures/sources/${file}`;
        const hash = (a: string, b: string) => createHash('sha256').update(a).update('\0').update(b).digest('hex').slice(0, 16);
        pairs.push({ id: `${id}a`, source: rel, what: m.what, file, previous: before, current: after, hash: hash(before, after) });
        pairs.push({ id: `${id}b`, source: rel, what: `reverse of ${m.what}`, file, previous: back[0], current: back[1], hash: hash(back[0], back[1]) });
      }
    }
  }
  return pairs;
}
