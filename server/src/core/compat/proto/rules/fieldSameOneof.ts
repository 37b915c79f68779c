/** FIELD_SAME_ONEOF: a field may not move into, out of, or between oneofs (proto3 `optional` oneofs do not count). */
import { fieldDescription } from '../describe';
import type { ImageField } from '../image';
import { at, was, type BreakingRule } from '../rule';

const realOneof = (f: ImageField) => (f.oneof && !f.oneof.synthetic ? f.oneof : undefined);

export const fieldSameOneof: BreakingRule = {
  id: 'FIELD_SAME_ONEOF',
  categories: ['FILE', 'PACKAGE', 'WIRE_JSON', 'WIRE', 'CSR'],
  fieldPair(previous, current, report) {
    if (previous.extendee !== undefined) return;
    const before = realOneof(previous);
    const now = realOneof(current);
    if (!before && !now) return;
    let message: string;
    if (before && now) {
      if (before.name === now.name) return;
      message = `${fieldDescription(current)} moved from oneof "${before.name}" to oneof "${now.name}"`;
    } else {
      message = `${fieldDescription(current)} moved from ${before ? 'inside' : 'outside'} to ${now ? 'inside' : 'outside'} a oneof`;
    }
    report({ message, at: at(current.file, current.nameSpan), was: was(previous.file, previous.nameSpan) });
  },
};
