/** ENUM_VALUE_NO_DELETE_UNLESS_NUMBER_RESERVED: an enum value may be deleted only if its number is reserved. */
import type { BreakingRule } from '../rule';
import { checkEnumValueDeletion } from './enumValueDeletion';

export const enumValueNoDeleteUnlessNumberReserved: BreakingRule = {
  id: 'ENUM_VALUE_NO_DELETE_UNLESS_NUMBER_RESERVED',
  categories: ['WIRE_JSON', 'WIRE', 'CSR'],
  enumPair: (previous, current, report) => checkEnumValueDeletion(previous, current, report, 'number'),
};
