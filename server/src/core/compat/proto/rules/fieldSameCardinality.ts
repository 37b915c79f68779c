/** FIELD_SAME_CARDINALITY: a field's cardinality (explicit or implicit presence, required, repeated, map) may not change. */
import type { BreakingRule } from '../rule';
import { checkCardinality } from './cardinality';

export const fieldSameCardinality: BreakingRule = {
  id: 'FIELD_SAME_CARDINALITY',
  categories: ['FILE', 'PACKAGE'],
  check: (pairs, report) => checkCardinality(pairs, report, (c) => c),
};
