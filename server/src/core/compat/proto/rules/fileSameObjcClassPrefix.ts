/** FILE_SAME_OBJC_CLASS_PREFIX: the file option objc_class_prefix may not change (an unset option counts as its default). */
import { fileOptionRule } from './fileOption';

export const fileSameObjcClassPrefix = fileOptionRule('FILE_SAME_OBJC_CLASS_PREFIX', 'objc_class_prefix');
