/** FILE_SAME_PHP_CLASS_PREFIX: the file option php_class_prefix may not change (an unset option counts as its default). */
import { fileOptionRule } from './fileOption';

export const fileSamePhpClassPrefix = fileOptionRule('FILE_SAME_PHP_CLASS_PREFIX', 'php_class_prefix');
