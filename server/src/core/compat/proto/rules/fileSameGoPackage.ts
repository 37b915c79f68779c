/** FILE_SAME_GO_PACKAGE: the file option go_package may not change (an unset option counts as its default). */
import { fileOptionRule } from './fileOption';

export const fileSameGoPackage = fileOptionRule('FILE_SAME_GO_PACKAGE', 'go_package');
