/** ENUM_VALUE_NO_DELETE: an enum value (by number) may not be deleted. */
import type { BreakingRule } from '../rule';
import { checkEnumValueDeletion } from './enumValueDeletion';

export const enumValueNoDelete: BreakingRule = {
  id: 'ENUM_VALUE_NO_DELETE',
  categories: ['FILE', 'PACKAGE', 'CSR'],
  enumPair: (previous, current, report) => checkEnumValueDeletion(previous, current, report, 'none'),
};
