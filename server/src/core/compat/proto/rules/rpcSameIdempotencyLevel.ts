/** RPC_SAME_IDEMPOTENCY_LEVEL: an rpc's idempotency_level option may not change. */
import { at, atFile, was, type BreakingRule } from '../rule';

export const rpcSameIdempotencyLevel: BreakingRule = {
  id: 'RPC_SAME_IDEMPOTENCY_LEVEL',
  categories: ['FILE', 'PACKAGE', 'WIRE_JSON', 'WIRE', 'CSR'],
  check(pairs, report) {
    for (const [previous, current] of pairs.methods) {
      if (previous.idempotencyLevel === current.idempotencyLevel) continue;
      const file = current.service.file;
      report({
        message: `rpc "${current.name}" on service "${current.service.name}" changed option "idempotency_level" from "${previous.idempotencyLevel}" to "${current.idempotencyLevel}"`,
        // buf has no place for an option that was removed and reports the file.
        at: current.idempotencySpan ? at(file, current.idempotencySpan) : atFile(file),
        was: previous.idempotencySpan ? was(previous.service.file, previous.idempotencySpan) : undefined,
      });
    }
  },
};
