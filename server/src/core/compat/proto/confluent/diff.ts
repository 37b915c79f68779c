/**
 * Confluent Schema Registry's own Protobuf differ (protobuf-provider's `diff` package), step by
 * step on our images: messages and enums matched by name within each scope, fields by tag across
 * the whole message (oneof members included), enum constants by number; scalar kinds in
 * Confluent's groups (enum counts as an int32-family scalar, string and bytes are one group);
 * labels compared only where both sides write one; message-typed fields compared by local name,
 * and recursed into when the type comes from another schema (another file here); oneofs judged by
 * where their members came from. Every difference is listed, compatible or not, with the element
 * on each side so that a finding can point at it.
 *
 * Not compared, as in Confluent: options, json names, defaults, reserved ranges, services,
 * extensions, syntax. Groups and map entries are not types of their own (Wire's parser has none).
 */
import type { Span } from '../../../text/span';
import type { ImageEnum, ImageField, ImageFile, ImageMessage, ImageOneof } from '../image';

export type DifferenceType =
  | 'PACKAGE_CHANGED'
  | 'MESSAGE_ADDED'
  | 'MESSAGE_REMOVED'
  | 'MESSAGE_MOVED'
  | 'ENUM_ADDED'
  | 'ENUM_REMOVED'
  | 'ENUM_CONST_ADDED'
  | 'ENUM_CONST_CHANGED'
  | 'ENUM_CONST_REMOVED'
  | 'FIELD_ADDED'
  | 'FIELD_REMOVED'
  | 'FIELD_NAME_CHANGED'
  | 'FIELD_KIND_CHANGED'
  | 'FIELD_SCALAR_KIND_CHANGED'
  | 'FIELD_NAMED_TYPE_CHANGED'
  | 'FIELD_NUMERIC_LABEL_CHANGED'
  | 'FIELD_STRING_OR_BYTES_LABEL_CHANGED'
  | 'REQUIRED_FIELD_ADDED'
  | 'REQUIRED_FIELD_REMOVED'
  | 'ONEOF_ADDED'
  | 'ONEOF_REMOVED'
  | 'ONEOF_FIELD_ADDED'
  | 'ONEOF_FIELD_REMOVED'
  | 'ONEOF_FIELD_MOVED_TO_TOP_LEVEL'
  | 'MULTIPLE_FIELDS_MOVED_TO_ONEOF'
  | 'FIELD_MOVED_TO_EXISTING_ONEOF';

/** Confluent's `SchemaDiff.COMPATIBLE_CHANGES`: everything else breaks compatibility. */
export const COMPATIBLE_CHANGES: ReadonlySet<DifferenceType> = new Set<DifferenceType>([
  'MESSAGE_ADDED',
  'MESSAGE_MOVED',
  'ENUM_ADDED',
  'ENUM_REMOVED',
  'ENUM_CONST_ADDED',
  'ENUM_CONST_CHANGED',
  'ENUM_CONST_REMOVED',
  'FIELD_ADDED',
  'FIELD_REMOVED',
  'FIELD_NAME_CHANGED',
  'FIELD_STRING_OR_BYTES_LABEL_CHANGED',
  'ONEOF_ADDED',
  'ONEOF_REMOVED',
  'ONEOF_FIELD_ADDED',
  'ONEOF_FIELD_MOVED_TO_TOP_LEVEL',
]);

/** A place in one of the two schemas. */
export interface Place {
  readonly file: ImageFile;
  readonly span: Span;
}

export interface Difference {
  readonly type: DifferenceType;
  /** Confluent's path, e.g. `#/Order/items/3`. */
  readonly path: string;
  /** What changed, in words, with `{o}` and `{u}` standing for the original's and the update's label. */
  readonly text: string;
  /** The element in the original and in the update, when that side has it. */
  readonly original?: Place;
  readonly update?: Place;
  /** The nearest enclosing element each side has, for an element only the other side has. */
  readonly originalParent?: Place;
  readonly updateParent?: Place;
}

type ScalarKind = 'GENERAL_NUMBER' | 'SIGNED_NUMBER' | 'STRING_OR_BYTES' | 'FIXED32' | 'FIXED64' | 'FLOAT' | 'DOUBLE';

const SCALAR_KINDS: Readonly<Record<string, ScalarKind>> = {
  int32: 'GENERAL_NUMBER',
  int64: 'GENERAL_NUMBER',
  uint32: 'GENERAL_NUMBER',
  uint64: 'GENERAL_NUMBER',
  bool: 'GENERAL_NUMBER',
  enum: 'GENERAL_NUMBER',
  sint32: 'SIGNED_NUMBER',
  sint64: 'SIGNED_NUMBER',
  string: 'STRING_OR_BYTES',
  bytes: 'STRING_OR_BYTES',
  fixed32: 'FIXED32',
  sfixed32: 'FIXED32',
  fixed64: 'FIXED64',
  sfixed64: 'FIXED64',
  float: 'FLOAT',
  double: 'DOUBLE',
};

/** Everything the differ knows about one side: the schema file and how to look a type up. */
export interface DiffSide {
  readonly file: ImageFile;
  readonly messages: (fullName: string) => ImageMessage | undefined;
}

const place = (file: ImageFile, span: Span | undefined): Place | undefined => (span ? { file, span } : undefined);

/** The types Wire sees in a scope: no map entries, no groups. */
function typesOf(scope: { readonly messages: readonly ImageMessage[]; readonly enums: readonly ImageEnum[] }) {
  return { messages: scope.messages.filter((m) => !m.isMapEntry && !m.isGroup), enums: scope.enums };
}

/** The fields Wire sees in a message: no groups. */
function fieldsOf(m: ImageMessage): ImageField[] {
  return m.fields.filter((f) => f.kind !== 'group');
}

function describeField(f: ImageField): string {
  return `field "${f.number}" with name "${f.name}" on message "${f.message?.name ?? ''}"`;
}

function typeShown(f: ImageField, side: DiffSide): string {
  if (f.cardinality === 'map') {
    const entry = f.typeName ? side.messages(f.typeName) : undefined;
    const [k, v] = [entry?.fields[0], entry?.fields[1]];
    return `map<${k ? typeShown(k, side) : '?'}, ${v ? typeShown(v, side) : '?'}>`;
  }
  return f.typeName ?? f.kind;
}

class Context {
  readonly diffs: Difference[] = [];
  /** Messages being compared on the way down, so that recursive types end. */
  readonly visiting: Set<ImageMessage>;

  constructor(
    readonly original: DiffSide,
    readonly update: DiffSide,
    visiting: Set<ImageMessage> = new Set(),
  ) {
    this.visiting = visiting;
  }

  add(d: Difference): void {
    this.diffs.push(d);
  }

  compatible(): boolean {
    return this.diffs.every((d) => COMPATIBLE_CHANGES.has(d.type));
  }
}

export function diffSchemas(original: DiffSide, update: DiffSide): Difference[] {
  const ctx = new Context(original, update);
  const o = original.file;
  const u = update.file;
  if (o.package !== u.package) {
    ctx.add({
      type: 'PACKAGE_CHANGED',
      path: `#/${o.package}`,
      text: `the package of the {u} schema ("${u.package}") does not match the package of the {o} schema ("${o.package}")`,
      original: place(o, o.packageSpan ?? o.anchor),
      update: place(u, u.packageSpan ?? u.anchor),
    });
  }
  compareTypes(ctx, typesOf(o), typesOf(u), [], {});
  return ctx.diffs;
}

/** The enclosing messages on each side; none for top-level types, whose parent is the file. */
interface Parents {
  readonly original?: Place;
  readonly update?: Place;
}

function compareTypes(
  ctx: Context,
  original: { messages: ImageMessage[]; enums: readonly ImageEnum[] },
  update: { messages: ImageMessage[]; enums: readonly ImageEnum[] },
  path: readonly string[],
  parents: Parents,
): void {
  const byName = <T extends { name: string }>(xs: readonly T[]) => new Map(xs.map((x, i) => [x.name, { x, i }] as const));
  const om = byName(original.messages);
  const um = byName(update.messages);
  for (const name of new Set([...om.keys(), ...um.keys()])) {
    const p = [...path, name];
    const a = om.get(name);
    const b = um.get(name);
    const at = `#/${p.join('/')}`;
    if (!b) {
      ctx.add({ type: 'MESSAGE_REMOVED', path: at, text: `the {u} schema is missing message "${p.join('.')}" of the {o} schema`, original: place(a!.x.file, a!.x.nameSpan), updateParent: parents.update });
    } else if (!a) {
      ctx.add({ type: 'MESSAGE_ADDED', path: at, text: `message "${p.join('.')}" of the {u} schema is not in the {o} schema`, update: place(b.x.file, b.x.nameSpan), originalParent: parents.original });
    } else {
      compareMessages(ctx, a.x, b.x, p);
      if (a.i !== b.i) {
        ctx.add({ type: 'MESSAGE_MOVED', path: at, text: `message "${p.join('.')}" moved among its siblings`, original: place(a.x.file, a.x.nameSpan), update: place(b.x.file, b.x.nameSpan) });
      }
    }
  }
  const oe = byName(original.enums);
  const ue = byName(update.enums);
  for (const name of new Set([...oe.keys(), ...ue.keys()])) {
    const a = oe.get(name)?.x;
    const b = ue.get(name)?.x;
    const p = [...path, name];
    const at = `#/${p.join('/')}`;
    if (!b) ctx.add({ type: 'ENUM_REMOVED', path: at, text: `the {u} schema is missing enum "${p.join('.')}"`, original: place(a!.file, a!.nameSpan), updateParent: parents.update });
    else if (!a) ctx.add({ type: 'ENUM_ADDED', path: at, text: `enum "${p.join('.')}" is new in the {u} schema`, update: place(b.file, b.nameSpan), originalParent: parents.original });
    else compareEnums(ctx, a, b, p);
  }
}

function compareEnums(ctx: Context, a: ImageEnum, b: ImageEnum, path: readonly string[]): void {
  const byNumber = (e: ImageEnum) => {
    const m = new Map<number, ImageEnum['values'][number]>();
    // Wire keeps the last constant of a number, as a map put would.
    for (const v of e.values) m.set(v.number, v);
    return m;
  };
  const ov = byNumber(a);
  const uv = byNumber(b);
  const ap = place(a.file, a.nameSpan)!;
  const bp = place(b.file, b.nameSpan)!;
  for (const n of new Set([...ov.keys(), ...uv.keys()])) {
    const x = ov.get(n);
    const y = uv.get(n);
    const at = `#/${[...path, String(n)].join('/')}`;
    if (!y) ctx.add({ type: 'ENUM_CONST_REMOVED', path: at, text: `enum value ${n} of "${a.name}" is missing in the {u} schema`, original: place(a.file, x!.nameSpan), updateParent: bp });
    else if (!x) ctx.add({ type: 'ENUM_CONST_ADDED', path: at, text: `enum value ${n} of "${b.name}" is new in the {u} schema`, update: place(b.file, y.nameSpan), originalParent: ap });
    else if (x.name !== y.name) {
      ctx.add({ type: 'ENUM_CONST_CHANGED', path: at, text: `enum value ${n} of "${b.name}" is named "${y.name}" in the {u} schema, "${x.name}" in the {o} schema`, original: place(a.file, x.nameSpan), update: place(b.file, y.nameSpan) });
    }
  }
}

function compareMessages(ctx: Context, a: ImageMessage, b: ImageMessage, path: readonly string[]): void {
  if (!ctx.visiting.has(a)) {
    ctx.visiting.add(a);
    try {
      compareMessageBody(ctx, a, b, path);
    } finally {
      ctx.visiting.delete(a);
    }
  }
  compareTypes(ctx, typesOf(a), typesOf(b), path, { original: place(a.file, a.nameSpan)!, update: place(b.file, b.nameSpan)! });
}

interface Collected {
  readonly byTag: Map<number, ImageField>;
  readonly oneofOf: Map<number, string>;
  readonly oneofs: Map<string, { oneof: ImageOneof; members: ImageField[] }>;
}

function collect(m: ImageMessage): Collected {
  const byTag = new Map<number, ImageField>();
  const oneofOf = new Map<number, string>();
  const oneofs = new Map<string, { oneof: ImageOneof; members: ImageField[] }>();
  for (const f of fieldsOf(m)) {
    byTag.set(f.number, f);
    const o = f.oneof && !f.oneof.synthetic ? f.oneof : undefined;
    if (o) {
      oneofOf.set(f.number, o.name);
      let entry = oneofs.get(o.name);
      if (!entry) oneofs.set(o.name, (entry = { oneof: o, members: [] }));
      entry.members.push(f);
    }
  }
  for (const o of m.oneofs) if (!o.synthetic && !oneofs.has(o.name)) oneofs.set(o.name, { oneof: o, members: [] });
  return { byTag, oneofOf, oneofs };
}

function compareMessageBody(ctx: Context, a: ImageMessage, b: ImageMessage, path: readonly string[]): void {
  const o = collect(a);
  const u = collect(b);
  const ap = place(a.file, a.nameSpan)!;
  const bp = place(b.file, b.nameSpan)!;
  const at = (...p: string[]) => `#/${[...path, ...p].join('/')}`;

  // A oneof gone by name with none of its members left anywhere is a complete, compatible deletion.
  const completelyDeleted = new Set<string>();
  for (const [name, { members }] of o.oneofs) {
    if (!u.oneofs.has(name) && !members.some((f) => u.byTag.has(f.number))) completelyDeleted.add(name);
  }

  // New mutual exclusivity: an update oneof whose older members come from more than one group.
  for (const [name, { oneof, members }] of u.oneofs) {
    const groups = new Set<string>();
    let movedIn = 0;
    for (const f of members) {
      const was = o.oneofOf.get(f.number);
      if (was !== undefined) groups.add(`oneof:${was}`);
      else if (o.byTag.has(f.number)) {
        groups.add(`field:${f.number}`);
        movedIn++;
      }
    }
    if (groups.size > 1) {
      const several = movedIn > 1;
      const originalOneof = o.oneofs.get(name)?.oneof;
      ctx.add({
        type: several ? 'MULTIPLE_FIELDS_MOVED_TO_ONEOF' : 'FIELD_MOVED_TO_EXISTING_ONEOF',
        path: at(name),
        text: several
          ? `oneof "${name}" on message "${b.name}" in the {u} schema makes fields exclusive that were independent in the {o} schema`
          : `oneof "${name}" on message "${b.name}" in the {u} schema takes in a field that was outside it in the {o} schema`,
        update: place(b.file, oneof.nameSpan),
        original: originalOneof ? place(a.file, originalOneof.nameSpan) : undefined,
        originalParent: ap,
      });
    }
  }

  for (const name of [...new Set([...o.oneofs.keys(), ...u.oneofs.keys()])].sort()) {
    const x = o.oneofs.get(name);
    const y = u.oneofs.get(name);
    if (!y) ctx.add({ type: 'ONEOF_REMOVED', path: at(name), text: `oneof "${name}" is missing in the {u} schema`, original: place(a.file, x!.oneof.nameSpan), updateParent: bp });
    else if (!x) ctx.add({ type: 'ONEOF_ADDED', path: at(name), text: `oneof "${name}" is new in the {u} schema`, update: place(b.file, y.oneof.nameSpan), originalParent: ap });
  }

  for (const tag of [...new Set([...o.byTag.keys(), ...u.byTag.keys()])].sort((p, q) => p - q)) {
    const x = o.byTag.get(tag);
    const y = u.byTag.get(tag);
    const xo = o.oneofOf.get(tag);
    const yo = u.oneofOf.get(tag);
    if (!y) {
      const f = x!;
      if (xo !== undefined) {
        if (!completelyDeleted.has(xo)) {
          ctx.add({ type: 'ONEOF_FIELD_REMOVED', path: at(xo, String(tag)), text: `the {u} schema is missing ${describeField(f)} of oneof "${xo}"`, original: place(a.file, f.nameSpan), updateParent: bp });
        }
      } else {
        const required = f.label === 'required';
        ctx.add({
          type: required ? 'REQUIRED_FIELD_REMOVED' : 'FIELD_REMOVED',
          path: at(String(tag)),
          text: `the {u} schema is missing ${required ? 'required ' : ''}${describeField(f)}`,
          original: place(a.file, required ? (f.labelSpan ?? f.nameSpan) : f.nameSpan),
          updateParent: bp,
        });
      }
    } else if (!x) {
      if (yo !== undefined) {
        ctx.add({ type: 'ONEOF_FIELD_ADDED', path: at(yo, String(tag)), text: `${describeField(y)} in oneof "${yo}" is new in the {u} schema`, update: place(b.file, y.nameSpan), originalParent: ap });
      } else {
        const required = y.label === 'required';
        ctx.add({
          type: required ? 'REQUIRED_FIELD_ADDED' : 'FIELD_ADDED',
          path: at(String(tag)),
          text: `${required ? 'required ' : ''}${describeField(y)} of the {u} schema is missing in the {o} schema`,
          update: place(b.file, y.labelSpan ?? y.nameSpan),
          originalParent: ap,
        });
      }
    } else {
      if (xo !== undefined && yo === undefined) {
        ctx.add({ type: 'ONEOF_FIELD_MOVED_TO_TOP_LEVEL', path: at(String(tag)), text: `${describeField(y)} moved out of oneof "${xo}"`, original: place(a.file, x.nameSpan), update: place(b.file, y.nameSpan) });
      }
      compareFields(ctx, x, y, yo !== undefined ? at(yo, String(tag)) : at(String(tag)));
    }
  }
}

/** A field's type as Confluent sees it: scalar (enums included), message, or map. */
type Kind = 'SCALAR' | 'MESSAGE' | 'MAP';

function kindOf(f: ImageField): Kind {
  if (f.cardinality === 'map') return 'MAP';
  return f.kind === 'message' || f.kind === 'group' ? 'MESSAGE' : 'SCALAR';
}

function compareFields(ctx: Context, x: ImageField, y: ImageField, path: string): void {
  if (x.name !== y.name) {
    ctx.add({ type: 'FIELD_NAME_CHANGED', path, text: `field "${y.number}" is named "${y.name}" in the {u} schema, "${x.name}" in the {o} schema`, original: place(x.file, x.nameSpan), update: place(y.file, y.nameSpan) });
  }
  // Wire reads a label only where one is written; a map has none.
  const label = (f: ImageField) => (f.labelSpan && f.cardinality !== 'map' ? f.label : undefined);
  compareLabelsAndTypes(ctx, x, y, label(x), label(y), x, y, path);
}

/** Compares one type position: the field itself, or a map's key or value (then without labels). */
function compareLabelsAndTypes(
  ctx: Context,
  x: ImageField,
  y: ImageField,
  xLabel: string | undefined,
  yLabel: string | undefined,
  shownX: ImageField,
  shownY: ImageField,
  path: string,
): void {
  const kx = kindOf(x);
  const ky = kindOf(y);
  const where = { original: place(shownX.file, shownX.typeSpan), update: place(shownY.file, shownY.typeSpan) };
  if (kx !== ky) {
    ctx.add({
      type: 'FIELD_KIND_CHANGED',
      path,
      text: `${describeField(shownY)} is a ${ky.toLowerCase()} in the {u} schema (${typeShown(y, ctx.update)}) but a ${kx.toLowerCase()} in the {o} schema (${typeShown(x, ctx.original)})`,
      ...where,
    });
    return;
  }
  if (kx === 'SCALAR') {
    const sx = SCALAR_KINDS[x.kind];
    const sy = SCALAR_KINDS[y.kind];
    if (sx !== sy) {
      ctx.add({
        type: 'FIELD_SCALAR_KIND_CHANGED',
        path,
        text: `the type of ${describeField(shownY)} in the {u} schema (${typeShown(y, ctx.update)}) is not compatible with the {o} schema's (${typeShown(x, ctx.original)})`,
        ...where,
      });
    } else if (xLabel !== undefined && yLabel !== undefined && xLabel !== yLabel) {
      const stringy = sx === 'STRING_OR_BYTES';
      ctx.add({
        type: stringy ? 'FIELD_STRING_OR_BYTES_LABEL_CHANGED' : 'FIELD_NUMERIC_LABEL_CHANGED',
        path,
        text: `${describeField(shownY)} is ${yLabel} in the {u} schema but ${xLabel} in the {o} schema`,
        original: place(shownX.file, shownX.labelSpan ?? shownX.typeSpan),
        update: place(shownY.file, shownY.labelSpan ?? shownY.typeSpan),
      });
    }
  } else if (kx === 'MESSAGE') {
    compareMessageTypes(ctx, x, y, shownX, shownY, path);
  } else {
    const ex = x.typeName ? ctx.original.messages(x.typeName) : undefined;
    const ey = y.typeName ? ctx.update.messages(y.typeName) : undefined;
    for (const i of [0, 1]) {
      const fx = ex?.fields[i];
      const fy = ey?.fields[i];
      if (fx && fy) compareLabelsAndTypes(ctx, fx, fy, undefined, undefined, shownX, shownY, path);
    }
  }
}

function compareMessageTypes(ctx: Context, x: ImageField, y: ImageField, shownX: ImageField, shownY: ImageField, path: string): void {
  const tx = x.typeName ? ctx.original.messages(x.typeName) : undefined;
  const ty = y.typeName ? ctx.update.messages(y.typeName) : undefined;
  const changed = (why: string) =>
    ctx.add({
      type: 'FIELD_NAMED_TYPE_CHANGED',
      path,
      text: `the message type of ${describeField(shownY)} in the {u} schema (${y.typeName ?? '?'}) ${why} (${x.typeName ?? '?'})`,
      original: place(shownX.file, shownX.typeSpan),
      update: place(shownY.file, shownY.typeSpan),
    });
  if (!tx || !ty) {
    if (x.typeName !== y.typeName) changed('does not match the {o} schema\'s');
    return;
  }
  if (tx.nestedName !== ty.nestedName) {
    changed('does not match the {o} schema\'s');
    return;
  }
  // A type of the schema itself is compared where it is declared; one from another schema (a
  // reference: another file here) is compared here, unless both sides name the same one.
  const refX = tx.file === ctx.original.file ? '' : tx.file.path;
  const refY = ty.file === ctx.update.file ? '' : ty.file.path;
  if (refX === refY) return;
  const sub = new Context(ctx.original, ctx.update, ctx.visiting);
  compareMessages(sub, tx, ty, tx.nestedName.split('.'));
  for (const d of sub.diffs) ctx.add(d);
  if (!sub.compatible()) changed('changed in a way the {o} schema\'s cannot read');
}
