/** FILE_SAME_OPTIMIZE_FOR: the file option optimize_for may not change (an unset option counts as its default). */
import { fileOptionRule } from './fileOption';

export const fileSameOptimizeFor = fileOptionRule('FILE_SAME_OPTIMIZE_FOR', 'optimize_for');
