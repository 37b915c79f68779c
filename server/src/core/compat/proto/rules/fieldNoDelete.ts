/** FIELD_NO_DELETE: a field (by number) may not be deleted from a message. */
import type { BreakingRule } from '../rule';
import { checkFieldDeletion } from './fieldDeletion';

export const fieldNoDelete: BreakingRule = {
  id: 'FIELD_NO_DELETE',
  categories: ['FILE', 'PACKAGE', 'CSR'],
  messagePair: (previous, current, report) => checkFieldDeletion(previous, current, report, 'none'),
};
