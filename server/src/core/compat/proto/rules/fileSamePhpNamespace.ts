/** FILE_SAME_PHP_NAMESPACE: the file option php_namespace may not change (an unset option counts as its default). */
import { fileOptionRule } from './fileOption';

export const fileSamePhpNamespace = fileOptionRule('FILE_SAME_PHP_NAMESPACE', 'php_namespace');
