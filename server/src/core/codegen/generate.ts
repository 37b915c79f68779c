/**
 * Event model -> TypeScript modules. One module per schema file, mirroring its path
 * (`order_events.proto` -> `order_events_pb.ts`, `order-events.avsc` -> `order-events_avro.ts`),
 * plus the runtime modules they import, written next to them.
 *
 * Each module holds a type for every message or record, an open string-literal union for every
 * enum, and for every event union `U` exactly the API DESIGN.md lists: `U`, `UHandlers<R>`,
 * `dispatchU`, `decodeU`, `encodeU`, and the consumer helper `runUConsumer`.
 *
 * Pure and deterministic: the same model gives the same bytes.
 */
import type { EventModel, EventUnion, Field, ModelFile, ModelType, RecordType } from '../model/types';
import { avroSchemaByName } from './avroSchema';
import { headerLines } from './header';
import {
  AVRO_RUNTIME_MODULE,
  metaFields,
  moduleNames,
  PROTOBUF_RUNTIME_MODULE,
  propertyNames,
  RUNTIME_MODULE,
  specifier,
  type ModuleNames,
  type UnionNames,
} from './naming';
import { CodeWriter, Imports, propertyKey, str } from './printer';
import { protoDescriptor } from './protoDescriptor';
import { RUNTIME_SOURCES } from './runtimeSources';
import { schemaHashOf } from './staleness';
import { isOptionalType, tsType, unitNote, type TypeContext } from './tsTypes';

export interface GeneratedFile {
  /** Relative to the output folder, `/`-separated. */
  readonly path: string;
  readonly text: string;
  /** The schema file the module was generated from; absent for runtime modules. */
  readonly sourceUri?: string;
}

export interface GenerateResult {
  readonly files: readonly GeneratedFile[];
}

/** Generates every module of the model, and the runtime modules they need. */
export function generate(model: EventModel): GenerateResult {
  const names = moduleNames(model);
  const owners = new Map<string, ModelFile>();
  for (const f of model.files) for (const id of f.types) if (!owners.has(id)) owners.set(id, f);
  const referenced = referencedIds(model);
  const nested = nestedNames(model);
  const props = new Map<string, ReturnType<typeof propertyNames>>();
  const propsOf = (r: RecordType) => {
    let p = props.get(r.id);
    if (!p) props.set(r.id, (p = propertyNames(r, r.format === 'protobuf' ? (nested.get(scopeKey(r.namespace, [...r.scope, r.name])) ?? []) : [])));
    return p;
  };

  const files: GeneratedFile[] = [];
  let proto = false;
  let avro = false;
  for (const file of model.files) {
    if (file.types.length === 0 && file.unions.length === 0) continue;
    const mod = names.get(file.uri)!;
    const text = new ModuleWriter(model, file, mod, names, owners, referenced, propsOf).write();
    files.push({ path: mod.path, text, sourceUri: file.uri });
    if (file.unions.length) {
      if (file.format === 'protobuf') proto = true;
      else avro = true;
    }
  }
  if (files.length) {
    const runtime = [RUNTIME_MODULE, ...(proto ? [PROTOBUF_RUNTIME_MODULE] : []), ...(avro ? [AVRO_RUNTIME_MODULE] : [])];
    for (const path of runtime) files.push({ path, text: runtimeText(path) });
  }
  return { files };
}

/** A runtime module's text, header included. */
export function runtimeText(path: string): string {
  return [...headerLines('event-schemas runtime', undefined), '/* eslint-disable */', RUNTIME_SOURCES[path] ?? ''].join('\n');
}

/** Type ids some record field refers to: an envelope's own message type is only generated when one does. */
function referencedIds(model: EventModel): Set<string> {
  const out = new Set<string>();
  const visit = (t: Field['type']) => {
    if (t.kind === 'named') out.add(t.id);
    else if (t.kind === 'list') visit(t.items);
    else if (t.kind === 'map') visit(t.values);
    else if (t.kind === 'optional') visit(t.inner);
    else if (t.kind === 'union') t.branches.forEach(visit);
  };
  for (const t of model.types.values()) if (t.kind === 'record') for (const f of t.fields) visit(f.type);
  return out;
}

function scopeKey(namespace: string, scope: readonly string[]): string {
  return `${namespace}\0${scope.join('.')}`;
}

/** Simple names of the types nested in each Protobuf message; its property names stay clear of them for protobufjs. */
function nestedNames(model: EventModel): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const t of model.types.values()) {
    if (t.format !== 'protobuf' || t.scope.length === 0) continue;
    const key = scopeKey(t.namespace, t.scope);
    out.set(key, [...(out.get(key) ?? []), t.name]);
  }
  return out;
}

class ModuleWriter {
  private readonly w = new CodeWriter();
  private readonly imports: Imports;
  private readonly ctx: TypeContext;
  private readonly tail: (() => void)[] = [];
  /** Avro: each union's schema, naming the types of the module's shared constant. */
  private readonly avroSchemas = new Map<EventUnion, unknown>();

  constructor(
    private readonly model: EventModel,
    private readonly file: ModelFile,
    private readonly mod: ModuleNames,
    private readonly names: ReadonlyMap<string, ModuleNames>,
    private readonly owners: ReadonlyMap<string, ModelFile>,
    private readonly referenced: ReadonlySet<string>,
    private readonly props: (r: RecordType) => { fields: Map<string, string>; oneofs: Map<number, string> },
  ) {
    this.imports = new Imports(mod.scope);
    this.ctx = {
      types: model.types,
      named: (id) => this.named(id),
      runtime: (name) => this.runtimeType(name),
    };
  }

  write(): string {
    const envelopes = new Set(this.file.unions.filter((u) => u.kind === 'envelope').map((u) => u.container));
    for (const id of this.file.types) {
      const t = this.model.types.get(id);
      if (!t) continue;
      if (t.kind === 'enum') this.enumType(t, this.mod.types.get(id)!);
      else if (t.kind === 'record' && (!envelopes.has(id) || this.referenced.has(id))) this.recordType(t, this.mod.types.get(id)!);
    }
    for (const u of this.file.unions) this.union(u, this.mod.unions.get(u)!);
    if (this.file.format === 'protobuf' && this.file.unions.length) this.descriptor();
    if (this.file.format === 'avro' && this.file.unions.length) this.avroTypes();
    for (const t of this.tail) t();

    const head = [...headerLines(this.file.path, schemaHashOf(this.file)), '/* eslint-disable */', ''];
    const imports = this.imports.lines();
    return [...head, ...imports, ...(imports.length ? [''] : []), this.w.toString().replace(/^\n+/, '')].join('\n');
  }

  private named(id: string): string {
    const owner = this.owners.get(id);
    if (!owner) return 'unknown';
    const mod = this.names.get(owner.uri)!;
    const name = mod.types.get(id)!;
    if (owner.uri === this.file.uri) return name;
    return this.imports.type(specifier(this.mod.path, mod.path), name);
  }

  private runtimeType(name: string): string {
    return this.imports.type(specifier(this.mod.path, RUNTIME_MODULE), name);
  }

  private runtimeValue(name: string, module = RUNTIME_MODULE): string {
    return this.imports.value(specifier(this.mod.path, module), name);
  }

  private enumType(t: Extract<ModelType, { kind: 'enum' }>, name: string): void {
    const w = this.w;
    w.line();
    const open = t.open ? (t.format === 'protobuf' ? 'number' : 'string') : undefined;
    const extra = open
      ? `Values unknown to this build arrive as \`{ unrecognized: ${open === 'number' ? '<number>' : '<symbol>'} }\`.`
      : t.format === 'avro'
        ? `Symbols unknown to this build read as ${str(t.default ?? '')}, the enum's default.`
        : undefined;
    w.doc([t.doc, extra].filter((x) => x).join('\n\n'));
    const members = [...new Set(t.values.map((v) => str(v.name)))];
    if (open) members.push(`{ readonly unrecognized: ${open} }`);
    if (members.length === 0) members.push('never');
    w.line(`export type ${name} =`);
    w.indented(() => members.forEach((m, i) => w.line(`| ${m}${i === members.length - 1 ? ';' : ''}`)));
  }

  private recordType(r: RecordType, name: string): void {
    this.w.line();
    this.w.doc(r.doc);
    this.interfaceBody(`export interface ${name}`, r, () => true);
  }

  /** The properties of `r` whose field passes `keep`, oneofs as `{ case, value }` unions. */
  private interfaceBody(head: string, r: RecordType, keep: (f: Field) => boolean): void {
    const { fields: fieldNames, oneofs: oneofNames } = this.props(r);
    const w = this.w;
    const body = () => {
      const done = new Set<number>();
      for (const f of r.fields) {
        if (!keep(f)) continue;
        if (f.oneof !== undefined) {
          if (done.has(f.oneof)) continue;
          done.add(f.oneof);
          const oneof = r.oneofs[f.oneof]!;
          const members = r.fields.filter((m) => m.oneof === f.oneof);
          const cases = members.map((m) => `{ readonly case: ${str(fieldNames.get(m.name)!)}; readonly value: ${tsType(m.type, this.ctx)} }`);
          w.doc(oneof.doc);
          w.line(`readonly ${propertyKey(oneofNames.get(f.oneof)!)}?: ${cases.join(' | ')};`);
          continue;
        }
        const optional = this.isOptionalField(f);
        w.doc([f.doc, unitNote(f.type, this.model.types)].filter((x) => x).join('\n\n'));
        w.line(`readonly ${propertyKey(fieldNames.get(f.name)!)}${optional ? '?' : ''}: ${tsType(f.type, this.ctx, optional)};`);
      }
    };
    const empty = !r.fields.some(keep);
    if (empty) w.line(`${head} {}`);
    else w.block(head, body);
  }

  private isOptionalField(f: Field): boolean {
    if (f.type.kind === 'list' || f.type.kind === 'map') return false;
    if (f.presence === 'explicit') return true;
    return isOptionalType(f.type);
  }

  private union(u: EventUnion, n: UnionNames): void {
    const w = this.w;
    const container = u.container ? (this.model.types.get(u.container) as RecordType | undefined) : undefined;
    const inUnion = (f: Field) => (u.kind === 'envelope' ? f.oneof === u.oneof : f.name === u.field);
    const hasMeta = n.meta !== undefined && container !== undefined && metaFields(u, container);
    const unknown = this.runtimeType('UnknownEvent');

    if (hasMeta) {
      w.line();
      w.doc(`The fields of ${container.name} around its event: every variant of ${n.type} carries them as \`meta\`.`);
      this.interfaceBody(`export interface ${n.meta}`, container, (f) => !inUnion(f));
    }

    const variantLines = u.variants.map((v) => {
      const value = this.named(v.record);
      return `| { readonly type: ${str(v.name)}; readonly value: ${value}${hasMeta ? `; readonly meta: ${n.meta}` : ''} }`;
    });
    variantLines.push(`| ${unknown}${hasMeta ? `<${n.meta}>` : ''};`);
    w.line();
    w.doc(
      [
        u.doc,
        `An event of ${this.describeUnion(u, container)}, tagged by \`type\`. \`$unknown\` is a variant newer than this build.`,
      ]
        .filter((x) => x)
        .join('\n\n'),
    );
    w.line(`export type ${n.type} =`);
    w.indented(() => variantLines.forEach((l) => w.line(l)));

    w.line();
    w.doc(`The variant of ${n.type} whose \`type\` is \`K\`.`);
    w.line(`export type ${n.variant}<K extends ${n.type}["type"]> = Extract<${n.type}, { readonly type: K }>;`);

    w.line();
    w.doc(
      `One handler per variant of ${n.type}, \`$unknown\` included. A handler object that misses one does not compile, and the error names the missing variant.`,
    );
    w.block(`export interface ${n.handlers}<R>`, () => {
      for (const v of u.variants) {
        const record = this.model.types.get(v.record);
        w.doc(v.doc ?? record?.doc);
        w.line(`readonly ${propertyKey(v.name)}: (event: ${n.variant}<${str(v.name)}>) => R;`);
      }
      w.doc('A variant added to the schema after this code was generated: skip it, park it or dead-letter it.');
      w.line(`readonly $unknown: (event: ${n.variant}<"$unknown">) => R;`);
    });

    const assertNever = this.runtimeValue('assertNever');
    w.line();
    w.doc(`Calls the handler for the event's variant and returns what it returns.`);
    w.block(`export function ${n.dispatch}<R>(event: ${n.type}, handlers: ${n.handlers}<R>): R`, () => {
      w.block('switch (event.type)', () => {
        for (const v of u.variants) {
          w.line(`case ${str(v.name)}:`);
          w.indented(() => w.line(`return handlers${propertyKey(v.name) === v.name ? `.${v.name}` : `[${str(v.name)}]`}(event);`));
        }
        w.line('case "$unknown":');
        w.indented(() => w.line('return handlers.$unknown(event);'));
        w.line('default:');
        w.indented(() => w.line(`return ${assertNever}(event, ${str(`${n.type} variant`)});`));
      });
    });

    const result = this.runtimeType('Result');
    const decodeError = this.runtimeType('DecodeError');
    w.line();
    if (u.format === 'protobuf') {
      w.doc(
        `Decodes a serialized ${container?.fullName ?? n.type}. Never throws: bad bytes are a \`malformed\` error, an envelope without an event a \`missingVariant\` one, and a variant newer than this build an \`$unknown\` event.`,
      );
      w.block(`export function ${n.decode}(bytes: Uint8Array): ${result}<${n.type}, ${decodeError}>`, () => w.line(`return ${n.codec}.decode(bytes);`));
    } else {
      const options = this.imports.type(specifier(this.mod.path, AVRO_RUNTIME_MODULE), 'AvroDecodeOptions');
      w.doc(
        `Decodes Avro binary data of ${this.describeUnion(u, container)}. Never throws. Give \`writerSchema\` when the bytes may come from another version of the schema (e.g. the registry's schema for the message's id): a record or enum symbol newer than this build then reads as \`$unknown\` or \`{ unrecognized }\` instead of a \`schemaMismatch\` error.`,
      );
      w.block(`export function ${n.decode}(bytes: Uint8Array, options?: ${options}): ${result}<${n.type}, ${decodeError}>`, () =>
        w.line(`return ${n.codec}.decode(bytes, options);`),
      );
    }

    w.line();
    w.doc(
      `Encodes an event; the inverse of ${n.decode}. An \`$unknown\` event encodes to the bytes it was decoded from. Throws a TypeError for a value the schema cannot hold${u.format === 'avro' ? ' (such as an enum symbol unknown to this build)' : ' (such as an enum name that is not one of its values)'}.`,
    );
    w.block(`export function ${n.encode}(event: ${n.type}): Uint8Array`, () => w.line(`return ${n.codec}.encode(event);`));

    const options = this.runtimeType('EventConsumerOptions');
    const handlerResult = this.runtimeType('HandlerResult');
    const run = this.runtimeValue('runEventConsumer');
    w.line();
    w.doc(
      [
        `Runs a KafkaJS consumer (or @confluentinc/kafka-javascript's KafkaJS-compatible one) on ${n.type} events: decodes each message, calls its handler, then commits on \`ok\`, retries a \`retryable\` error a bounded number of times, and dead-letters poison messages, decode errors and exhausted retries with their original key and value and error headers.`,
        'It never throws out of `eachMessage`.',
      ].join('\n'),
    );
    w.block(
      `export function ${n.consumer}(options: ${options}<${n.handlers}<${handlerResult} | Promise<${handlerResult}>>>): Promise<void>`,
      () => w.line(`return ${run}(options, ${n.decode}, ${n.dispatch});`),
    );

    this.tail.push(() => this.codec(u, n, container));
  }

  private describeUnion(u: EventUnion, container: RecordType | undefined): string {
    if (u.kind === 'envelope') return `the envelope ${container?.fullName ?? u.name}`;
    if (u.kind === 'recordField') return `the record ${container?.fullName ?? u.name} (its field \`${u.field}\` holds the event)`;
    return `the union in ${this.file.path}`;
  }

  private codec(u: EventUnion, n: UnionNames, container: RecordType | undefined): void {
    const w = this.w;
    w.line();
    if (u.format === 'protobuf') {
      const codec = this.runtimeValue('protoEventCodec', PROTOBUF_RUNTIME_MODULE);
      const { fields, oneofs } = this.props(container!);
      const variants = Object.fromEntries(u.variants.map((v) => [fields.get(v.field!)!, v.name]));
      const spec = { envelope: container!.fullName, oneof: oneofs.get(u.oneof!)!, variants, meta: n.meta !== undefined };
      w.line(`const ${n.codec} = ${codec}<${n.type}>(${this.mod.descriptor!}, ${json(spec)});`);
      return;
    }
    const codec = this.runtimeValue('avroEventCodec', AVRO_RUNTIME_MODULE);
    const schemaType = this.imports.type(specifier(this.mod.path, AVRO_RUNTIME_MODULE), 'AvroSchemaJson');
    w.doc(`The schema ${n.decode} reads with and ${n.encode} writes with.`);
    printConst(w, `const ${n.schema!}: ${schemaType} = `, this.avroSchemas.get(u));
    const variants = Object.fromEntries(u.variants.map((v) => [this.model.types.get(v.record)!.fullName, v.name]));
    const spec = u.kind === 'topLevel' ? { kind: 'topLevel', variants } : { kind: 'recordField', field: u.field, variants };
    w.line(`const ${n.codec} = ${codec}<${n.type}>(${n.schema!}, ${json(spec)}, ${this.mod.avroTypes!});`);
  }

  /** The named types every union's schema uses, each written once, ahead of the codecs that read them. */
  private avroTypes(): void {
    const defs = new Map<string, unknown>();
    for (const u of this.file.unions) {
      const root = u.kind === 'topLevel' ? u.root! : { kind: 'named' as const, id: u.container! };
      this.avroSchemas.set(u, avroSchemaByName(root, this.model.types, defs));
    }
    const type = this.imports.type(specifier(this.mod.path, AVRO_RUNTIME_MODULE), 'AvroNamedTypes');
    this.tail.unshift(() => {
      this.w.line();
      this.w.doc('The named types of the schemas below, each written once; a codec puts its schema together from them when it loads.');
      printConst(this.w, `const ${this.mod.avroTypes!}: ${type} = `, Object.fromEntries(defs));
    });
  }

  private descriptor(): void {
    const w = this.w;
    const roots = this.file.unions.map((u) => u.container!).filter((x) => x);
    const descriptor = protoDescriptor(roots, { types: this.model.types, props: this.props });
    const type = this.imports.type(specifier(this.mod.path, PROTOBUF_RUNTIME_MODULE), 'ProtoDescriptor');
    this.tail.unshift(() => {
      w.line();
      w.doc('The messages the codecs below read and write, as a protobufjs JSON descriptor (edition 2023 with explicit features).');
      printConst(w, `const ${this.mod.descriptor!}: ${type} = `, descriptor);
    });
  }
}

/** A JSON value on one line, spaced like the rest of the generated code. */
function json(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(json).join(', ')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    return entries.length ? `{ ${entries.map(([k, v]) => `${JSON.stringify(k)}: ${json(v)}`).join(', ')} }` : '{}';
  }
  return JSON.stringify(value);
}

/** A JSON value over several lines; arrays and objects short enough stay on one line. */
function printConst(w: CodeWriter, head: string, value: unknown): void {
  const lines: string[] = [];
  jsonLines(value, 0, head, ';', lines, new WeakMap());
  for (const l of lines) w.line(l);
}

const WIDTH = 120;

/**
 * Appends `value` as lines at `indent`: the first starts with `prefix` (the indentation and key),
 * the last ends with `suffix`. Each node's one-line length is computed once and lines are appended
 * in place, so a deep schema costs time in proportion to its size, not its size times its depth.
 */
function jsonLines(value: unknown, indent: number, prefix: string, suffix: string, out: string[], lengths: WeakMap<object, number>): void {
  const entries: [string, unknown][] =
    typeof value !== 'object' || value === null || prefix.length + flatLength(value, lengths) <= WIDTH
      ? []
      : Array.isArray(value)
        ? value.map((v) => ['', v])
        : Object.entries(value).filter(([, v]) => v !== undefined);
  if (entries.length === 0) {
    out.push(prefix + json(value) + suffix);
    return;
  }
  out.push(prefix + (Array.isArray(value) ? '[' : '{'));
  const pad = '  '.repeat(indent + 1);
  entries.forEach(([k, v], i) => {
    const key = Array.isArray(value) ? '' : `${JSON.stringify(k)}: `;
    jsonLines(v, indent + 1, pad + key, i < entries.length - 1 ? ',' : '', out, lengths);
  });
  out.push('  '.repeat(indent) + (Array.isArray(value) ? ']' : '}') + suffix);
}

/** The length of `json(value)`, without building it. */
function flatLength(value: unknown, lengths: WeakMap<object, number>): number {
  if (typeof value !== 'object' || value === null) return (JSON.stringify(value) ?? '').length;
  const known = lengths.get(value);
  if (known !== undefined) return known;
  let n: number;
  if (Array.isArray(value)) {
    n = 2 + 2 * Math.max(0, value.length - 1);
    for (const v of value) n += flatLength(v, lengths);
  } else {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    n = entries.length ? 4 + 2 * (entries.length - 1) : 2;
    for (const [k, v] of entries) n += JSON.stringify(k).length + 2 + flatLength(v, lengths);
  }
  lengths.set(value, n);
  return n;
}
