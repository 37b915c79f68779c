/** FIELD_SAME_CARDINALITY: a field's cardinality (explicit or implicit presence, required, repeated, map) may not change. */
import type { Cardinality } from '../image';
import type { BreakingRule } from '../rule';
import { checkCardinality } from './cardinality';

const same = (c: Cardinality): string => c;

export const fieldSameCardinality: BreakingRule = {
  id: 'FIELD_SAME_CARDINALITY',
  categories: ['FILE', 'PACKAGE'],
  fieldPair: (previous, current, report) => checkCardinality(previous, current, report, same),
};
