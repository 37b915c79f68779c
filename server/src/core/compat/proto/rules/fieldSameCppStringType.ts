/** FIELD_SAME_CPP_STRING_TYPE: the C++ string type of a string or bytes field (ctype, or (pb.cpp).string_type) may not change; STRING_PIECE to STRING is allowed. */
import { fieldDescription } from '../describe';
import type { ImageField } from '../image';
import { at, was, type BreakingRule } from '../rule';

function shown(f: ImageField): string {
  return f.cppStringPiece ? 'STRING_PIECE' : f.cppStringType;
}

const isText = (f: ImageField) => f.kind === 'string' || f.kind === 'bytes';

export const fieldSameCppStringType: BreakingRule = {
  id: 'FIELD_SAME_CPP_STRING_TYPE',
  categories: ['FILE', 'PACKAGE'],
  fieldPair(previous, current, report) {
    if (previous.message?.isMapEntry && current.message?.isMapEntry) return;
    if (!isText(previous) || !isText(current)) return;
    const same = previous.cppStringType === current.cppStringType && previous.cppStringPiece === current.cppStringPiece;
    if (same || (previous.cppStringPiece && current.cppStringType === 'STRING')) return;
    report({
      message: `${fieldDescription(current)} changed C++ string type from "${shown(previous)}" to "${shown(current)}"`,
      at: at(current.file, current.ctypeSpan ?? current.cppStringTypeSpan ?? current.nameSpan),
      was: was(previous.file, previous.ctypeSpan ?? previous.cppStringTypeSpan ?? previous.nameSpan),
    });
  },
};
