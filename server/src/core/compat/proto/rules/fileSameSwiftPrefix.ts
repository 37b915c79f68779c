/** FILE_SAME_SWIFT_PREFIX: the file option swift_prefix may not change (an unset option counts as its default). */
import { fileOptionRule } from './fileOption';

export const fileSameSwiftPrefix = fileOptionRule('FILE_SAME_SWIFT_PREFIX', 'swift_prefix');
