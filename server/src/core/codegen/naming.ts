/**
 * Where each generated module goes and what every exported name is, decided for all modules
 * before any code is printed, so that a module importing another's type knows its name.
 *
 * Names are claimed in a fixed order (the unions' API first, then types in source order), so the
 * same model always gives the same names.
 */
import { lowerCamelCase } from '../model/names';
import type { EventModel, EventUnion, ModelFile, RecordType } from '../model/types';
import { NameScope } from './printer';

export const RUNTIME_MODULE = 'event-schemas-runtime.ts';
export const PROTOBUF_RUNTIME_MODULE = 'event-schemas-protobuf.ts';
export const AVRO_RUNTIME_MODULE = 'event-schemas-avro.ts';

/** `acme/orders/v1/order_events.proto` -> `acme/orders/v1/order_events_pb.ts`; `.avsc`/`.avdl` -> `_avro.ts`. */
export function modulePath(file: ModelFile): string {
  const path = file.path.replace(/\\/g, '/').replace(/^\/+/, '');
  const dot = path.lastIndexOf('.');
  const slash = path.lastIndexOf('/');
  const stem = dot > slash + 1 ? path.slice(0, dot) : path;
  return `${stem}${file.format === 'protobuf' ? '_pb' : '_avro'}.ts`;
}

/** The import specifier of module `to` as seen from module `from` (both relative to the output folder). */
export function specifier(from: string, to: string): string {
  const fromDir = from.split('/').slice(0, -1);
  const toParts = to.split('/');
  let common = 0;
  while (common < fromDir.length && common < toParts.length - 1 && fromDir[common] === toParts[common]) common++;
  const up = fromDir.length - common;
  const rel = [...Array<string>(up).fill('..'), ...toParts.slice(common)].join('/');
  return (up === 0 ? './' : '') + rel.replace(/\.ts$/, '.js');
}

export interface UnionNames {
  readonly type: string;
  readonly variant: string;
  readonly handlers: string;
  /** Absent when the envelope has no other fields. */
  readonly meta?: string;
  readonly dispatch: string;
  readonly decode: string;
  readonly encode: string;
  readonly consumer: string;
  readonly codec: string;
  /** Avro: the embedded schema constant. */
  readonly schema?: string;
}

export interface ModuleNames {
  readonly path: string;
  readonly scope: NameScope;
  /** Type id -> exported name. An envelope's own message is `<U>Message`. */
  readonly types: Map<string, string>;
  readonly unions: Map<EventUnion, UnionNames>;
  /** The Protobuf descriptor constant of a module with event unions. */
  readonly descriptor?: string;
  /** The constant of the named types the Avro schemas of a module with event unions share. */
  readonly avroTypes?: string;
}

function flatName(scope: readonly string[], name: string): string {
  return [...scope, name].join('_');
}

export function metaFields(union: EventUnion, container: RecordType | undefined): boolean {
  if (!container) return false;
  if (union.kind === 'envelope') return container.fields.some((f) => f.oneof !== union.oneof);
  return container.fields.some((f) => f.name !== union.field);
}

export function moduleNames(model: EventModel): Map<string, ModuleNames> {
  const out = new Map<string, ModuleNames>();
  for (const file of model.files) {
    const scope = new NameScope();
    const unions = new Map<EventUnion, UnionNames>();
    const types = new Map<string, string>();
    // The generated API's names first, so that they never depend on what the schema calls its types.
    for (const u of file.unions) {
      const type = scope.claim(u.name);
      const container = u.container ? model.types.get(u.container) : undefined;
      const lower = type.charAt(0).toLowerCase() + type.slice(1);
      unions.set(u, {
        type,
        variant: scope.claim(`${type}Variant`),
        handlers: scope.claim(`${type}Handlers`),
        ...(metaFields(u, container?.kind === 'record' ? container : undefined) ? { meta: scope.claim(`${type}Meta`) } : {}),
        dispatch: scope.claim(`dispatch${type}`),
        decode: scope.claim(`decode${type}`),
        encode: scope.claim(`encode${type}`),
        consumer: scope.claim(`run${type}Consumer`),
        codec: scope.claim(`${lower}Codec`),
        ...(u.format === 'avro' ? { schema: scope.claim(`${lower}Schema`) } : {}),
      });
    }
    const envelopes = new Set(file.unions.filter((u) => u.kind === 'envelope').map((u) => u.container));
    for (const id of file.types) {
      const t = model.types.get(id);
      if (!t) continue;
      const flat = flatName(t.scope, t.name);
      types.set(id, scope.claim(envelopes.has(id) ? `${flat}Message` : flat));
    }
    const descriptor = file.format === 'protobuf' && file.unions.length ? scope.claim('descriptor') : undefined;
    const avroTypes = file.format === 'avro' && file.unions.length ? scope.claim('avroTypes') : undefined;
    out.set(file.uri, { path: modulePath(file), scope, types, unions, ...(descriptor ? { descriptor } : {}), ...(avroTypes ? { avroTypes } : {}) });
  }
  return out;
}

/**
 * Property names of a record's fields and oneofs: lowerCamelCase for Protobuf (as protobufjs and
 * protobuf-es spell them), the name as written for Avro. Two that would collide are told apart
 * with a trailing `_`.
 */
export function propertyNames(record: RecordType, reserved: readonly string[] = []): { fields: Map<string, string>; oneofs: Map<number, string> } {
  const taken = new Set<string>(reserved);
  const claim = (name: string) => {
    let n = name;
    while (taken.has(n) || n === '__proto__') n = `${n}_`;
    taken.add(n);
    return n;
  };
  const fields = new Map<string, string>();
  const oneofs = new Map<number, string>();
  const proto = record.format === 'protobuf';
  for (const f of record.fields) {
    if (f.oneof !== undefined && !oneofs.has(f.oneof)) oneofs.set(f.oneof, claim(proto ? lowerCamelCase(record.oneofs[f.oneof]!.name) : record.oneofs[f.oneof]!.name));
    fields.set(f.name, claim(proto ? lowerCamelCase(f.name) : f.name));
  }
  return { fields, oneofs };
}
