/** EXTENSION_MESSAGE_NO_DELETE: a message's extension ranges may not lose numbers. */
import { lostRanges } from '../describe';
import { atParent, was, type BreakingRule } from '../rule';

export const extensionMessageNoDelete: BreakingRule = {
  id: 'EXTENSION_MESSAGE_NO_DELETE',
  categories: ['FILE', 'PACKAGE', 'CSR'],
  messagePair(previous, current, report) {
    for (const message of lostRanges('extension', current, previous, previous.extensionRanges, current.extensionRanges)) {
      report({ message, at: atParent(current.file, current.nameSpan), was: was(previous.file, previous.nameSpan) });
    }
  },
};
