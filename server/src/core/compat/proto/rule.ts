/**
 * The shape of a breaking-change rule: buf's rule ID, its categories in buf's v2 configuration,
 * and a check over the matched pairs of the two images. Rules report what changed and where; the
 * checker (check.ts) turns reports into findings and applies the configuration's ignores.
 */
import type { Fix } from '../../diagnostics/diagnostic';
import type { Span } from '../../text/span';
import type { ImageEnum, ImageField, ImageFile, ImageMessage } from './image';
import type { Pairs } from './pairs';

export type Category = 'FILE' | 'PACKAGE' | 'WIRE_JSON' | 'WIRE' | 'CSR';

export const CATEGORIES: readonly Category[] = ['FILE', 'PACKAGE', 'WIRE_JSON', 'WIRE', 'CSR'];

/** Where a report lands in the current version; `file` is buf's "no location, just the file". */
export interface CurrentPlace {
  readonly file: ImageFile;
  readonly span: Span;
  readonly anchor: 'element' | 'parent' | 'file';
}

/** Where the element was in the baseline; without a span, the baseline file as a whole. */
export interface BaselinePlace {
  readonly file: ImageFile;
  readonly span?: Span;
}

export interface RuleReport {
  /** buf's wording, lowercased at the start and without a trailing period. */
  readonly message: string;
  /** Absent when the current version has no place for it (the file or package is gone). */
  readonly at?: CurrentPlace;
  readonly was?: BaselinePlace;
  /** Edits of the current file that answer the finding. */
  readonly fixes?: readonly Fix[];
}

export type Report = (r: RuleReport) => void;

/**
 * A rule checks the images as a whole (`check`), or one matched pair at a time: files (by path),
 * fields (by number within matched messages, then extensions), messages or enums. The checker walks each kind of
 * pair once and hands every pair to every rule that checks that kind: tens of thousands of pairs
 * are read once rather than once per rule.
 */
export interface BreakingRule {
  /** buf's rule ID, used as the finding's code. */
  readonly id: string;
  /** The categories buf v2 puts the rule in (none for a rule only named explicitly). */
  readonly categories: readonly Category[];
  check?(pairs: Pairs, report: Report): void;
  filePair?(previous: ImageFile, current: ImageFile, report: Report, pairs: Pairs): void;
  fieldPair?(previous: ImageField, current: ImageField, report: Report, pairs: Pairs): void;
  messagePair?(previous: ImageMessage, current: ImageMessage, report: Report, pairs: Pairs): void;
  enumPair?(previous: ImageEnum, current: ImageEnum, report: Report, pairs: Pairs): void;
}

/** A place on an element of the current file. */
export function at(file: ImageFile, span: Span): CurrentPlace {
  return { file, span, anchor: 'element' };
}

/** The nearest enclosing element that still exists, for something that was deleted. */
export function atParent(file: ImageFile, span: Span): CurrentPlace {
  return { file, span, anchor: 'parent' };
}

/** The file as a whole, where buf reports without a location. */
export function atFile(file: ImageFile): CurrentPlace {
  return { file, span: file.anchor, anchor: 'file' };
}

export function was(file: ImageFile, span?: Span): BaselinePlace {
  return { file, span };
}
