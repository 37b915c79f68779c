/** FILE_SAME_CC_ENABLE_ARENAS: the file option cc_enable_arenas may not change (an unset option counts as its default). */
import { fileOptionRule } from './fileOption';

export const fileSameCcEnableArenas = fileOptionRule('FILE_SAME_CC_ENABLE_ARENAS', 'cc_enable_arenas');
