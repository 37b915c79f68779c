/**
 * Editor features never throw: a bug in one feature must cost one empty answer, not the request or
 * the server. Errors are not swallowed silently either: they go to a reporter, which the LSP layer
 * points at its log and the tests point at a failing assertion.
 */
export type InternalErrorReporter = (feature: string, error: unknown) => void;

let reporter: InternalErrorReporter = () => {};

/** Sets where internal errors go; returns the previous reporter so callers can restore it. */
export function setInternalErrorReporter(next: InternalErrorReporter): InternalErrorReporter {
  const previous = reporter;
  reporter = next;
  return previous;
}

export function guard<T>(feature: string, fallback: T, run: () => T): T {
  try {
    return run();
  } catch (error) {
    try {
      reporter(feature, error);
    } catch {
      // A failing reporter must not turn a handled error into a thrown one.
    }
    return fallback;
  }
}
