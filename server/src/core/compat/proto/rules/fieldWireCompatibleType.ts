/** FIELD_WIRE_COMPATIBLE_TYPE: a field's type may change only within a binary-compatible group (string to bytes is allowed, bytes to string is not). */
import type { FieldKind } from '../image';
import type { BreakingRule } from '../rule';
import { sameEnumForWire } from './enumCompatibility';
import { kindChanged, typeNameChanged, WIRE_NOTE } from './typeChange';

const GROUPS: Record<FieldKind, number> = {
  int32: 1,
  int64: 1,
  uint32: 1,
  uint64: 1,
  bool: 1,
  sint32: 2,
  sint64: 2,
  string: 3,
  bytes: 4,
  fixed32: 5,
  sfixed32: 5,
  fixed64: 6,
  sfixed64: 6,
  double: 7,
  float: 8,
  group: 9,
  message: 10,
  enum: 11,
};

export const fieldWireCompatibleType: BreakingRule = {
  id: 'FIELD_WIRE_COMPATIBLE_TYPE',
  categories: ['WIRE'],
  fieldPair(previous, current, report, pairs) {
    if (GROUPS[previous.kind] !== GROUPS[current.kind]) {
      if (previous.kind === 'string' && current.kind === 'bytes') return;
      const note =
        previous.kind === 'bytes' && current.kind === 'string'
          ? `${WIRE_NOTE}; note that while string and bytes are compatible if the data is valid UTF-8, there is no way to enforce that a bytes field is UTF-8, so these fields may be incompatible`
          : WIRE_NOTE;
      report(kindChanged(previous, current, note));
    } else if (current.kind === 'enum') {
      if (previous.typeName !== current.typeName && !sameEnumForWire(pairs, previous, current)) report(typeNameChanged(previous, current));
    } else if ((current.kind === 'message' || current.kind === 'group') && previous.typeName !== current.typeName) {
      report(typeNameChanged(previous, current));
    }
  },
};
