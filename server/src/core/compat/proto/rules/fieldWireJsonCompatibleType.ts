/** FIELD_WIRE_JSON_COMPATIBLE_TYPE: a field's type may change only within a group that is compatible in both the binary and the JSON encoding. */
import type { FieldKind } from '../image';
import type { BreakingRule } from '../rule';
import { sameEnumForWire } from './enumCompatibility';
import { kindChanged, typeNameChanged, WIRE_JSON_NOTE } from './typeChange';

const GROUPS: Record<FieldKind, number> = {
  int32: 1,
  uint32: 1,
  int64: 2,
  uint64: 2,
  fixed32: 3,
  sfixed32: 3,
  fixed64: 4,
  sfixed64: 4,
  bool: 5,
  sint32: 6,
  sint64: 7,
  string: 8,
  bytes: 9,
  double: 10,
  float: 11,
  group: 12,
  message: 13,
  enum: 14,
};

export const fieldWireJsonCompatibleType: BreakingRule = {
  id: 'FIELD_WIRE_JSON_COMPATIBLE_TYPE',
  categories: ['WIRE_JSON', 'CSR'],
  fieldPair(previous, current, report, pairs) {
    if (GROUPS[previous.kind] !== GROUPS[current.kind]) report(kindChanged(previous, current, WIRE_JSON_NOTE));
    else if (current.kind === 'enum') {
      if (previous.typeName !== current.typeName && !sameEnumForWire(pairs, previous, current)) report(typeNameChanged(previous, current));
    } else if ((current.kind === 'message' || current.kind === 'group') && previous.typeName !== current.typeName) {
      report(typeNameChanged(previous, current));
    }
  },
};
