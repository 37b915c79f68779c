import type { Span } from '../text/span';

export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** A replacement of the text in `span` of the document `uri` (the diagnostic's own document when absent). */
export interface TextEdit {
  readonly uri?: string;
  readonly span: Span;
  readonly newText: string;
}

/** A fix the editor can offer as a quick fix and the CLI can describe. */
export interface Fix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
  /** The fix most users want; editors apply it with "auto fix". */
  readonly preferred?: boolean;
}

/** A pointer to another place that explains the diagnostic (the earlier definition, the baseline, ...). */
export interface Related {
  readonly uri: string;
  readonly span: Span;
  readonly message: string;
}

export interface Diagnostic {
  /** Stable code, see codes.ts. Users look these up and configure severities by them. */
  readonly code: string;
  readonly severity: Severity;
  /** Lowercase, names the thing and the fix, no trailing period. */
  readonly message: string;
  readonly span: Span;
  readonly related?: readonly Related[];
  readonly fixes?: readonly Fix[];
  /** Marks unused or deprecated code so editors can fade or strike it. */
  readonly tags?: readonly ('unnecessary' | 'deprecated')[];
}

export function diagnostic(
  code: string,
  severity: Severity,
  message: string,
  span: Span,
  extra?: Pick<Diagnostic, 'related' | 'fixes' | 'tags'>,
): Diagnostic {
  return { code, severity, message, span, ...extra };
}
