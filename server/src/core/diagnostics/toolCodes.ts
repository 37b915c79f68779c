/** Codes about the code we generate and the TypeScript that uses it, and the product's own failures. */
import { stage, type CodeInfo } from './codeTypes';

const codegen = stage('codegen');
const handlers = stage('handlers');
const internal = stage('internal');

export const TOOL_CODES: Readonly<Record<string, CodeInfo>> = {
  'codegen/stale': codegen.warning('the TypeScript generated from this schema was generated from an older version of it or of its imports', 'run "Generate handlers" (the quick fix) or `event-schemas generate`'),

  'handlers/missing': handlers.error('a switch or if-chain over a generated event union lacks variants, or a handler object escapes the completeness check through `as`, `Partial` or `any`', 'add the missing cases or handlers (the quick fix inserts typed stubs)'),
  'handlers/swallowing-default': handlers.error('a default clause or final else does real work for known variants that are not listed', 'list the variants as cases; keep the default for `assertNever`'),
  'handlers/discarded-result': handlers.error('a Result (or a Promise of one) is dropped; an explicit `void` discard is a hint', 'check `.ok`, return the Result, or discard it with `void`', { alsoAs: ['hint'] }),

  'internal/check-failed': internal.error('a check crashed on this file; the other checks still ran', 'report it with the file that triggers it'),
};
