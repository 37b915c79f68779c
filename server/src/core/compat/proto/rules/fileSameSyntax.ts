/** FILE_SAME_SYNTAX: a file's syntax (proto2, proto3 or editions) may not change. */
import type { BreakingRule } from '../rule';
import { checkFileValue } from './fileOption';

export const fileSameSyntax: BreakingRule = {
  id: 'FILE_SAME_SYNTAX',
  categories: ['FILE', 'PACKAGE', 'CSR'],
  check: (pairs, report) => checkFileValue(pairs, report, 'syntax', (f) => ({ value: f.syntax, span: f.syntaxSpan })),
};
