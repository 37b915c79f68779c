/** FIELD_WIRE_JSON_COMPATIBLE_CARDINALITY: a field's cardinality may change only within a binary- and JSON-compatible group (maps and repeated fields differ in JSON). */
import type { Cardinality } from '../image';
import type { BreakingRule } from '../rule';
import { checkCardinality } from './cardinality';

const wireJsonGroup = (c: Cardinality): string => (c === 'explicit' || c === 'implicit' ? 'optional' : c);

export const fieldWireJsonCompatibleCardinality: BreakingRule = {
  id: 'FIELD_WIRE_JSON_COMPATIBLE_CARDINALITY',
  categories: ['WIRE_JSON', 'CSR'],
  fieldPair: (previous, current, report) => checkCardinality(previous, current, report, wireJsonGroup),
};
