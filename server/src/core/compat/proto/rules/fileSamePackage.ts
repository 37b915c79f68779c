/** FILE_SAME_PACKAGE: a file's package may not change. */
import type { BreakingRule } from '../rule';
import { checkFileValue } from './fileOption';

export const fileSamePackage: BreakingRule = {
  id: 'FILE_SAME_PACKAGE',
  categories: ['FILE', 'PACKAGE', 'WIRE_JSON', 'WIRE', 'CSR'],
  filePair: (previous, current, report) => checkFileValue(previous, current, report, 'package', (f) => f.package, (f) => f.packageSpan),
};
