/**
 * The Avro schemas embedded in a generated Avro module, rebuilt from the model, with the
 * defaults, aliases and orders that schema resolution reads. Docs are left out: they do not
 * change a single byte.
 *
 * A module writes each named type once, in a constant its schemas share, where types name each
 * other by full name; the runtime puts a union's schema together from them when its codec loads
 * (each named type in full at its first use, by name after, as Avro wants). Writing each union's
 * whole schema instead made a module's size the number of unions times the size of their types:
 * hundreds of megabytes for a deep schema with a union in every record.
 */
import type { ModelType, TypeExpr } from '../model/types';
import { avroPrimitive } from './tsTypes';

/** How a reference to the named type `id` is written. */
type Named = (id: string) => unknown;

function emit(t: TypeExpr, named: Named): unknown {
  switch (t.kind) {
    case 'scalar':
      return avroPrimitive(t.scalar);
    case 'named':
      return named(t.id);
    case 'list':
      return { type: 'array', items: emit(t.items, named) };
    case 'map':
      return { type: 'map', values: emit(t.values, named) };
    case 'optional':
      return t.nullFirst ? ['null', emit(t.inner, named)] : [emit(t.inner, named), 'null'];
    case 'union':
      return t.branches.map((b) => emit(b, named));
    case 'logical':
      return { type: emit(t.base, named), logicalType: t.logical, ...t.props };
    default:
      return 'null';
  }
}

function definition(t: ModelType, named: Named): { [key: string]: unknown } {
  const head: { [key: string]: unknown } = {
    type: t.kind === 'record' ? (t.error ? 'error' : 'record') : t.kind,
    name: t.fullName,
  };
  if (t.aliases.length) head.aliases = [...t.aliases];
  switch (t.kind) {
    case 'record':
      head.fields = t.fields.map((f) => {
        const out: { [key: string]: unknown } = { name: f.name, type: emit(f.type, named) };
        if (f.default) out.default = f.default.value;
        if (f.aliases.length) out.aliases = [...f.aliases];
        if (f.order) out.order = f.order;
        return out;
      });
      break;
    case 'enum':
      head.symbols = t.values.map((v) => v.name);
      if (t.default !== undefined) head.default = t.default;
      break;
    case 'fixed':
      head.size = t.size;
      if (t.logical) Object.assign(head, { logicalType: t.logical.name, ...t.logical.props });
      break;
  }
  return head;
}

/**
 * The schema of `root` with every named type written by full name, and the definitions of the
 * named types it reaches added to `defs` (each once, by full name, naming the others the same way).
 */
export function avroSchemaByName(root: TypeExpr, types: ReadonlyMap<string, ModelType>, defs: Map<string, unknown>): unknown {
  const named: Named = (id) => {
    const t = types.get(id);
    if (!t) return 'null';
    if (!defs.has(t.fullName)) {
      // The slot first: a type that refers to itself is written by name inside its definition.
      defs.set(t.fullName, null);
      defs.set(t.fullName, definition(t, named));
    }
    return t.fullName;
  };
  return emit(root, named);
}
