/** FIELD_SAME_JAVA_UTF8_VALIDATION: Java's UTF-8 checking of a string field (java_string_check_utf8, or (pb.java).utf8_validation) may not change. */
import { fieldDescription } from '../describe';
import { at, was, type BreakingRule } from '../rule';

export const fieldSameJavaUtf8Validation: BreakingRule = {
  id: 'FIELD_SAME_JAVA_UTF8_VALIDATION',
  categories: ['FILE', 'PACKAGE'],
  fieldPair(previous, current, report) {
    if (previous.kind !== 'string' || current.kind !== 'string' || previous.javaUtf8Validation === current.javaUtf8Validation) return;
    report({
      message: `${fieldDescription(current)} changed Java string UTF8 validation from "${previous.javaUtf8Validation}" to "${current.javaUtf8Validation}"`,
      at: at(current.file, current.javaUtf8ValidationSpan ?? current.nameSpan),
      was: was(previous.file, previous.javaUtf8ValidationSpan ?? previous.nameSpan),
    });
  },
};
