/** FILE_SAME_JAVA_GENERIC_SERVICES: the file option java_generic_services may not change (an unset option counts as its default). */
import { fileOptionRule } from './fileOption';

export const fileSameJavaGenericServices = fileOptionRule('FILE_SAME_JAVA_GENERIC_SERVICES', 'java_generic_services');
