/**
 * Every request handler runs through here: a failure in one feature is logged with its context
 * and answered with an empty result, so the server stays up; a cancelled request is answered
 * as cancelled before any work is done.
 */
import { LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver/node';

export interface Logger {
  error(message: string): void;
  info(message: string): void;
}

export function runSafe<T>(
  log: Logger,
  what: string,
  token: CancellationToken | undefined,
  fallback: T,
  fn: () => T,
): T | ResponseError<void> {
  if (token?.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, 'request cancelled');
  try {
    const res = fn();
    if (token?.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, 'request cancelled');
    return res;
  } catch (e) {
    log.error(`${what} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    return fallback;
  }
}

/** For notifications, which have no answer: log and swallow. */
export function runSafeVoid(log: Logger, what: string, fn: () => void): void {
  try {
    fn();
  } catch (e) {
    log.error(`${what} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  }
}
