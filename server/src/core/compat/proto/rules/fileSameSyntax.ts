/** FILE_SAME_SYNTAX: a file's syntax (proto2, proto3 or editions) may not change. */
import type { BreakingRule } from '../rule';
import { checkFileValue } from './fileOption';

export const fileSameSyntax: BreakingRule = {
  id: 'FILE_SAME_SYNTAX',
  categories: ['FILE', 'PACKAGE', 'CSR'],
  filePair: (previous, current, report) => checkFileValue(previous, current, report, 'syntax', (f) => f.syntax, (f) => f.syntaxSpan),
};
