/** FIELD_SAME_TYPE: a field's type may not change at all (kind, or the named message, group or enum). */
import type { BreakingRule } from '../rule';
import { isNamedKind, kindChanged, typeNameChanged } from './typeChange';

export const fieldSameType: BreakingRule = {
  id: 'FIELD_SAME_TYPE',
  categories: ['FILE', 'PACKAGE', 'CSR'],
  fieldPair(previous, current, report) {
    if (previous.kind !== current.kind) report(kindChanged(previous, current));
    else if (isNamedKind(current.kind) && previous.typeName !== current.typeName) report(typeNameChanged(previous, current));
  },
};
