/** FIELD_WIRE_JSON_COMPATIBLE_CARDINALITY: a field's cardinality may change only within a binary- and JSON-compatible group (maps and repeated fields differ in JSON). */
import type { BreakingRule } from '../rule';
import { checkCardinality } from './cardinality';

export const fieldWireJsonCompatibleCardinality: BreakingRule = {
  id: 'FIELD_WIRE_JSON_COMPATIBLE_CARDINALITY',
  categories: ['WIRE_JSON', 'CSR'],
  check: (pairs, report) => checkCardinality(pairs, report, (c) => (c === 'explicit' || c === 'implicit' ? 'optional' : c)),
};
