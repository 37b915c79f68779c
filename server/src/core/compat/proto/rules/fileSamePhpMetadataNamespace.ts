/** FILE_SAME_PHP_METADATA_NAMESPACE: the file option php_metadata_namespace may not change (an unset option counts as its default). */
import { fileOptionRule } from './fileOption';

export const fileSamePhpMetadataNamespace = fileOptionRule('FILE_SAME_PHP_METADATA_NAMESPACE', 'php_metadata_namespace');
