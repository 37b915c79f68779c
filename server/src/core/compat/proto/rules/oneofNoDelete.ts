/** ONEOF_NO_DELETE: a oneof may not be deleted from a message (proto3 `optional` oneofs do not count). */
import { atParent, was, type BreakingRule } from '../rule';

export const oneofNoDelete: BreakingRule = {
  id: 'ONEOF_NO_DELETE',
  categories: ['FILE', 'PACKAGE', 'CSR'],
  messagePair(previous, current, report) {
    if (previous.oneofs.length === 0) return;
    const now = new Set(current.oneofs.map((o) => o.name));
    const seen = new Set<string>();
    for (const o of previous.oneofs) {
      if (o.synthetic || now.has(o.name) || seen.has(o.name)) continue;
      seen.add(o.name);
      report({
        message: `previously present oneof "${o.name}" on message "${current.name}" was deleted`,
        at: atParent(current.file, current.nameSpan),
        was: was(previous.file, o.nameSpan),
      });
    }
  },
};
