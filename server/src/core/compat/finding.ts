/**
 * A breaking-change finding: a diagnostic that belongs to one file of the current version and
 * also knows where the element was in the baseline. Protobuf rules (buf's rule IDs, Confluent's
 * difference types) and Avro resolution (Avro's incompatibility types) all report these, so the
 * editor, the CLI and the tests render and compare them one way.
 *
 * Where a finding lands (`anchor`):
 * - `element`: on the changed element itself, at its smallest span (the field number, the type);
 * - `parent`: the element was deleted, so the finding sits on the nearest enclosing element that
 *   still exists, and `baseline` (also given as a `related` entry) points at the deleted element;
 * - `file`: the change concerns the file as a whole (a deleted top-level element, a removed file
 *   option); the span is the file's package or syntax statement, or the start of the file;
 * - `baseline`: the current version has no such file at all (a deleted file or package), so
 *   `uri` and `span` are in the baseline.
 */
import type { Diagnostic } from '../diagnostics/diagnostic';
import type { Span } from '../text/span';

export interface SourceLocation {
  readonly uri: string;
  readonly span: Span;
}

export type FindingAnchor = 'element' | 'parent' | 'file' | 'baseline';

export interface Finding extends Diagnostic {
  /** The document `span` is in: a current file, or a baseline file when `anchor` is `baseline`. */
  readonly uri: string;
  /** The file's path as the rules match it (relative to its import root), for rendering and ignores. */
  readonly path: string;
  readonly anchor: FindingAnchor;
  /** The element as it was in the baseline, when the baseline has it. */
  readonly baseline?: SourceLocation;
}

/** Orders findings by document, then position, then code, so output is stable whatever order rules ran in. */
export function compareFindings(a: Finding, b: Finding): number {
  if (a.uri !== b.uri) return a.uri < b.uri ? -1 : 1;
  if (a.span.start !== b.span.start) return a.span.start - b.span.start;
  if (a.span.end !== b.span.end) return a.span.end - b.span.end;
  if (a.code !== b.code) return a.code < b.code ? -1 : 1;
  return a.message < b.message ? -1 : a.message > b.message ? 1 : 0;
}
