/** FILE_SAME_CC_GENERIC_SERVICES: the file option cc_generic_services may not change (an unset option counts as its default). */
import { fileOptionRule } from './fileOption';

export const fileSameCcGenericServices = fileOptionRule('FILE_SAME_CC_GENERIC_SERVICES', 'cc_generic_services');
