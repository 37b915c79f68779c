/** FILE_SAME_RUBY_PACKAGE: the file option ruby_package may not change (an unset option counts as its default). */
import { fileOptionRule } from './fileOption';

export const fileSameRubyPackage = fileOptionRule('FILE_SAME_RUBY_PACKAGE', 'ruby_package');
