/** FIELD_NO_DELETE_UNLESS_NUMBER_RESERVED: a field may be deleted only if its number is reserved. */
import type { BreakingRule } from '../rule';
import { checkFieldDeletion } from './fieldDeletion';

export const fieldNoDeleteUnlessNumberReserved: BreakingRule = {
  id: 'FIELD_NO_DELETE_UNLESS_NUMBER_RESERVED',
  categories: ['WIRE_JSON', 'WIRE', 'CSR'],
  messagePair: (previous, current, report) => checkFieldDeletion(previous, current, report, 'number'),
};
