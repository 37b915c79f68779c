/** FIELD_WIRE_COMPATIBLE_CARDINALITY: a field's cardinality may change only within a binary-compatible group (optional either presence; required; repeated or map). */
import type { Cardinality } from '../image';
import type { BreakingRule } from '../rule';
import { checkCardinality } from './cardinality';

const wireGroup = (c: Cardinality): string => (c === 'explicit' || c === 'implicit' ? 'optional' : c === 'map' ? 'repeated' : c);

export const fieldWireCompatibleCardinality: BreakingRule = {
  id: 'FIELD_WIRE_COMPATIBLE_CARDINALITY',
  categories: ['WIRE'],
  fieldPair: (previous, current, report) => checkCardinality(previous, current, report, wireGroup),
};
