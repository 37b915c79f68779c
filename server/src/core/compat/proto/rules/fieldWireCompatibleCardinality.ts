/** FIELD_WIRE_COMPATIBLE_CARDINALITY: a field's cardinality may change only within a binary-compatible group (optional either presence; required; repeated or map). */
import type { BreakingRule } from '../rule';
import { checkCardinality } from './cardinality';

export const fieldWireCompatibleCardinality: BreakingRule = {
  id: 'FIELD_WIRE_COMPATIBLE_CARDINALITY',
  categories: ['WIRE'],
  check: (pairs, report) =>
    checkCardinality(pairs, report, (c) => (c === 'explicit' || c === 'implicit' ? 'optional' : c === 'map' ? 'repeated' : c)),
};
