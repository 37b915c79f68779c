/** FILE_SAME_PY_GENERIC_SERVICES: the file option py_generic_services may not change (an unset option counts as its default). */
import { fileOptionRule } from './fileOption';

export const fileSamePyGenericServices = fileOptionRule('FILE_SAME_PY_GENERIC_SERVICES', 'py_generic_services');
