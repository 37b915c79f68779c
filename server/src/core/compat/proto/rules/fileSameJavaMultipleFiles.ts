/** FILE_SAME_JAVA_MULTIPLE_FILES: the file option java_multiple_files may not change (an unset option counts as its default). */
import { fileOptionRule } from './fileOption';

export const fileSameJavaMultipleFiles = fileOptionRule('FILE_SAME_JAVA_MULTIPLE_FILES', 'java_multiple_files');
