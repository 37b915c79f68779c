/** RPC_NO_DELETE: an rpc may not be deleted from a service. */
import { atParent, was, type BreakingRule } from '../rule';

export const rpcNoDelete: BreakingRule = {
  id: 'RPC_NO_DELETE',
  categories: ['FILE', 'PACKAGE'],
  check(pairs, report) {
    for (const [previous, current] of pairs.services) {
      const now = new Set(current.methods.map((m) => m.name));
      const seen = new Set<string>();
      for (const m of previous.methods) {
        if (now.has(m.name) || seen.has(m.name)) continue;
        seen.add(m.name);
        report({
          message: `previously present RPC "${m.name}" on service "${current.name}" was deleted`,
          at: atParent(current.file, current.nameSpan),
          was: was(previous.file, m.nameSpan),
        });
      }
    }
  },
};
