/**
 * Where a related location is, for renderers that need it as data (SARIF, GitHub annotations)
 * rather than as the text renderer's `file:line:col` note.
 */
import type { Range } from '../../core/text/lineIndex';
import type { Span } from '../../core/text/span';

export interface Place {
  /** Relative to the current folder, `/` separators: the file as it sits, or sat, in the tree. */
  readonly file: string;
  readonly range: Range;
  /** For a place in a baseline: where the old text comes from (`git:HEAD:a.proto`, a registry address). */
  readonly origin?: string;
}

export type Where = (uri: string, span: Span) => Place | undefined;
