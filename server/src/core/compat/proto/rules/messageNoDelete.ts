/** MESSAGE_NO_DELETE: a message may not be deleted from a file (map entries and groups included). */
import { deletedPlace, messagesByNestedName } from '../describe';
import { allMessages } from '../pairs';
import { was, type BreakingRule } from '../rule';

export const messageNoDelete: BreakingRule = {
  id: 'MESSAGE_NO_DELETE',
  categories: ['FILE', 'CSR'],
  filePair(previous, current, report) {
    const now = messagesByNestedName(current);
    for (const m of allMessages(previous)) {
      if (now.has(m.nestedName)) continue;
      report({
        message: `previously present message "${m.nestedName}" was deleted from file`,
        at: deletedPlace(current, m.nestedName, now),
        was: was(previous, m.nameSpan),
      });
    }
  },
};
