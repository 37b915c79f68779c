/** FIELD_NO_DELETE_UNLESS_NAME_RESERVED: a field may be deleted only if its name is reserved. */
import type { BreakingRule } from '../rule';
import { checkFieldDeletion } from './fieldDeletion';

export const fieldNoDeleteUnlessNameReserved: BreakingRule = {
  id: 'FIELD_NO_DELETE_UNLESS_NAME_RESERVED',
  categories: ['WIRE_JSON', 'CSR'],
  messagePair: (previous, current, report) => checkFieldDeletion(previous, current, report, 'name'),
};
