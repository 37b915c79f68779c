/** ENUM_NO_DELETE: an enum may not be deleted from a file (moving it to another file counts as deleting it). */
import { deletedPlace } from '../describe';
import { allEnums } from '../pairs';
import { was, type BreakingRule } from '../rule';

export const enumNoDelete: BreakingRule = {
  id: 'ENUM_NO_DELETE',
  categories: ['FILE', 'CSR'],
  filePair(previous, current, report) {
    const now = new Set(allEnums(current).map((e) => e.nestedName));
    for (const e of allEnums(previous)) {
      if (now.has(e.nestedName)) continue;
      report({
        message: `previously present enum "${e.nestedName}" was deleted from file`,
        at: deletedPlace(current, e.nestedName),
        was: was(previous, e.nameSpan),
      });
    }
  },
};
