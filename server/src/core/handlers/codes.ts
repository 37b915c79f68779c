/**
 * The diagnostic codes of the handler rules, with what each means. The numbers are what tsserver
 * shows next to TypeScript's own codes: 79001-79003 is a range TypeScript does not use (its own
 * codes stop at 18xxx, then 80xxx suggestions and 9xxxx fix messages).
 */
export const HANDLER_CODES = {
  missing: 'handlers/missing',
  swallowingDefault: 'handlers/swallowing-default',
  discardedResult: 'handlers/discarded-result',
} as const;

export type HandlerCode = (typeof HANDLER_CODES)[keyof typeof HANDLER_CODES];

export const HANDLER_CODE_DESCRIPTIONS: Readonly<Record<HandlerCode, string>> = {
  'handlers/missing':
    'a switch or if-chain over a generated event union lacks variants, or a handler object escapes the completeness check',
  'handlers/swallowing-default': 'a default clause or final else does real work for known variants that are not listed',
  'handlers/discarded-result': 'a Result (or a Promise of one) is dropped; `void` makes it an explicit discard (a hint)',
};

export const HANDLER_CODE_NUMBERS: Readonly<Record<HandlerCode, number>> = {
  'handlers/missing': 79001,
  'handlers/swallowing-default': 79002,
  'handlers/discarded-result': 79003,
};
