/**
 * The Avro schema embedded in a generated Avro module, rebuilt from the model: each named type
 * in full at its first use and by full name after, with the defaults, aliases and orders that
 * schema resolution reads. Docs are left out: they do not change a single byte.
 */
import type { ModelType, TypeExpr } from '../model/types';
import { avroPrimitive } from './tsTypes';

export function avroSchemaJson(root: TypeExpr, types: ReadonlyMap<string, ModelType>): unknown {
  const written = new Set<string>();
  const emit = (t: TypeExpr): unknown => {
    switch (t.kind) {
      case 'scalar':
        return avroPrimitive(t.scalar);
      case 'named':
        return named(t.id);
      case 'list':
        return { type: 'array', items: emit(t.items) };
      case 'map':
        return { type: 'map', values: emit(t.values) };
      case 'optional':
        return t.nullFirst ? ['null', emit(t.inner)] : [emit(t.inner), 'null'];
      case 'union':
        return t.branches.map(emit);
      case 'logical':
        return { type: emit(t.base), logicalType: t.logical, ...t.props };
      default:
        return 'null';
    }
  };
  const named = (id: string): unknown => {
    const t = types.get(id);
    if (!t) return 'null';
    if (written.has(id)) return t.fullName;
    written.add(id);
    const head: { [key: string]: unknown } = {
      type: t.kind === 'record' ? (t.error ? 'error' : 'record') : t.kind,
      name: t.fullName,
    };
    if (t.aliases.length) head.aliases = [...t.aliases];
    switch (t.kind) {
      case 'record':
        head.fields = t.fields.map((f) => {
          const out: { [key: string]: unknown } = { name: f.name, type: emit(f.type) };
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
  };
  return emit(root);
}
