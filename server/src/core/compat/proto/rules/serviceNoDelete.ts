/** SERVICE_NO_DELETE: a service may not be deleted from a file. */
import { atFile, was, type BreakingRule } from '../rule';

export const serviceNoDelete: BreakingRule = {
  id: 'SERVICE_NO_DELETE',
  categories: ['FILE'],
  filePair(previous, current, report) {
    const now = new Set(current.services.map((s) => s.name));
    for (const s of previous.services) {
      if (now.has(s.name)) continue;
      report({ message: `previously present service "${s.name}" was deleted from file`, at: atFile(current), was: was(previous, s.nameSpan) });
    }
  },
};
