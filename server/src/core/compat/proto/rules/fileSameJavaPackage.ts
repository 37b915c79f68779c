/** FILE_SAME_JAVA_PACKAGE: the file option java_package may not change (an unset option counts as its default). */
import { fileOptionRule } from './fileOption';

export const fileSameJavaPackage = fileOptionRule('FILE_SAME_JAVA_PACKAGE', 'java_package');
