/**
 * The shared check of the three cardinality rules: buf's cardinality of a field (presence folded
 * into the label, maps apart) compared through a grouping; map entries are generated and skipped.
 */
import { fieldDescription } from '../describe';
import type { Cardinality, ImageField } from '../image';
import { at, was, type Report } from '../rule';

const NAMES: Record<Cardinality, string> = {
  explicit: 'optional with explicit presence',
  implicit: 'optional with implicit presence',
  required: 'required',
  repeated: 'repeated',
  map: 'map',
};

export function checkCardinality(previous: ImageField, current: ImageField, report: Report, group: (c: Cardinality) => string): void {
  if (previous.message?.isMapEntry && current.message?.isMapEntry && previous.extendee === undefined) return;
  if (group(previous.cardinality) === group(current.cardinality)) return;
  report({
    message: `${fieldDescription(current)} changed cardinality from "${NAMES[previous.cardinality]}" to "${NAMES[current.cardinality]}"`,
    at: at(current.file, current.labelSpan ?? current.typeSpan),
    was: was(previous.file, previous.labelSpan ?? previous.typeSpan),
  });
}

