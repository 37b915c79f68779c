/** What the handler rules can be told: which library Result types must be handled as well. */
export type ResultLibrary = 'neverthrow' | 'effect';

export interface HandlerRuleOptions {
  /**
   * Libraries whose Result-like types count besides the generated runtime's `Result` and any
   * declaration tagged `@mustUse`: neverthrow's `Result`/`ResultAsync`, Effect's `Either`/`Exit`.
   */
  readonly resultLibraries: readonly ResultLibrary[];
}

export const defaultHandlerRuleOptions: HandlerRuleOptions = { resultLibraries: [] };

export const RESULT_LIBRARIES: readonly ResultLibrary[] = ['neverthrow', 'effect'];

/** The known libraries named in a settings value, or undefined when it is not a list. */
export function readResultLibraries(raw: unknown): ResultLibrary[] | undefined {
  return Array.isArray(raw) ? RESULT_LIBRARIES.filter((l) => raw.includes(l)) : undefined;
}
