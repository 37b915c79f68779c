/**
 * Messages for Avro incompatibilities, worded for the schema being edited: the new schema is the
 * reader when it must read old data (BACKWARD) and the writer when old readers must read its data
 * (FORWARD). Each message names the element and the way out.
 */
import { isPrimitiveType } from '../../avro/ast';
import { promotionsOf, readableBy } from './promotions';
import type { AvroIncompatibility } from './types';

/** Which side of the comparison is the edited (new) schema. */
export type EditedSide = 'reader' | 'writer';

function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]!}`;
}

function symbols(s: readonly string[]): string {
  return `${s.length === 1 ? 'symbol' : 'symbols'} ${s.join(', ')}`;
}

export function incompatibilityMessage(inc: AvroIncompatibility, edited: EditedSide): string {
  const f = inc.facts;
  const backward = edited === 'reader';
  switch (inc.type) {
    case 'TYPE_MISMATCH': {
      if (inc.readerField) {
        return backward
          ? `field ${f.field ?? ''} has no default and old data lacks it; add a default (Avro reports a type mismatch because the field's enum has a default)`
          : `${f.writerType} no longer has field ${f.field ?? ''}, which the old schema reads without a default; keep the field`;
      }
      if (backward) {
        const others = isPrimitiveType(f.writerType) ? promotionsOf(f.writerType).slice(1) : [];
        const fix = others.length > 0 ? `keep ${f.writerType} or use a type it promotes to (${list(others)})` : `keep ${f.writerType}`;
        return `the new type ${f.readerType} cannot read ${f.writerType} written with the old schema; ${fix}`;
      }
      const others = isPrimitiveType(f.readerType) ? readableBy(f.readerType).slice(1) : [];
      const fix = others.length > 0 ? `keep ${f.readerType} or write a type it reads (${list(others)})` : `keep ${f.readerType}`;
      return `the old schema reads ${f.readerType} and cannot read the new type ${f.writerType}; ${fix}`;
    }
    case 'NAME_MISMATCH':
      return backward
        ? `${f.readerType} cannot read the old ${f.writerName ?? 'type'}; add the alias "${f.writerName ?? ''}" or keep the old name`
        : `the old schema reads ${f.readerType} and cannot read it renamed to ${f.writerName ?? '?'}; keep the name (aliases only help readers)`;
    case 'FIXED_SIZE_MISMATCH':
      return backward
        ? `${f.readerType} has size ${f.readerSize ?? '?'} but the old schema wrote ${f.writerSize ?? '?'} bytes; keep size ${f.writerSize ?? '?'}`
        : `${f.writerType} has size ${f.writerSize ?? '?'} but the old schema reads ${f.readerSize ?? '?'} bytes; keep size ${f.readerSize ?? '?'}`;
    case 'MISSING_ENUM_SYMBOLS': {
      const s = f.symbols ?? [];
      const them = s.length === 1 ? 'it' : 'them';
      return backward
        ? `${f.readerType} lacks ${symbols(s)} that old data may hold; restore ${them} or give the enum a default`
        : `the old ${f.readerType} lacks the new ${symbols(s)}; remove ${them} or first give the old enum a default`;
    }
    case 'READER_FIELD_MISSING_DEFAULT_VALUE':
      return backward
        ? `field ${f.field ?? ''} has no default and old data lacks it; add a default`
        : `${f.writerType} no longer has field ${f.field ?? ''}, which the old schema reads without a default; keep the field`;
    case 'MISSING_UNION_BRANCH':
      if (f.writerBranch !== undefined) {
        return backward
          ? `the union lacks ${f.writerType}, which old data may hold; restore the branch`
          : `the old union has no branch for the new ${f.writerType}; remove the branch or first add it to the old union`;
      }
      return backward
        ? `no branch of the union reads ${f.writerType} written with the old schema; add a branch for ${f.writerType}`
        : `the old union has no branch that reads the new type ${f.writerType}; write a type the old union reads`;
  }
}
