/** ENUM_VALUE_NO_DELETE_UNLESS_NAME_RESERVED: an enum value may be deleted only if its name is reserved. */
import type { BreakingRule } from '../rule';
import { checkEnumValueDeletion } from './enumValueDeletion';

export const enumValueNoDeleteUnlessNameReserved: BreakingRule = {
  id: 'ENUM_VALUE_NO_DELETE_UNLESS_NAME_RESERVED',
  categories: ['WIRE_JSON', 'CSR'],
  enumPair: (previous, current, report) => checkEnumValueDeletion(previous, current, report, 'name'),
};
