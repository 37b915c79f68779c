/** FILE_SAME_JAVA_OUTER_CLASSNAME: the file option java_outer_classname may not change (an unset option counts as its default). */
import { fileOptionRule } from './fileOption';

export const fileSameJavaOuterClassname = fileOptionRule('FILE_SAME_JAVA_OUTER_CLASSNAME', 'java_outer_classname');
