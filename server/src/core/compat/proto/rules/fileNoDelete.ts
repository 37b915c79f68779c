/** FILE_NO_DELETE: a file may not be deleted (files are matched by their path relative to the import root). */
import { was, type BreakingRule } from '../rule';

export const fileNoDelete: BreakingRule = {
  id: 'FILE_NO_DELETE',
  categories: ['FILE', 'CSR'],
  check(pairs, report) {
    const now = pairs.currentFileByPath;
    for (const previous of pairs.previousFiles) {
      if (now.has(previous.path)) continue;
      report({ message: `previously present file "${previous.path}" was deleted`, was: was(previous) });
    }
  },
};
