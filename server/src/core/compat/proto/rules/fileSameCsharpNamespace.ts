/** FILE_SAME_CSHARP_NAMESPACE: the file option csharp_namespace may not change (an unset option counts as its default). */
import { fileOptionRule } from './fileOption';

export const fileSameCsharpNamespace = fileOptionRule('FILE_SAME_CSHARP_NAMESPACE', 'csharp_namespace');
