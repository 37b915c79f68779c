/** The shared check of the FILE_SAME_<OPTION> rules: a file option's value (its default when unset) may not change. */
import { goQuote } from '../describe';
import type { Span } from '../../../text/span';
import type { FileOptionName, ImageFile } from '../image';
import { at, atFile, was, type BreakingRule, type Category, type Report } from '../rule';

/** descriptor.proto's defaults for the options that have one other than empty or false. */
const DEFAULTS: Partial<Record<FileOptionName, string>> = {
  java_multiple_files: 'false',
  java_generic_services: 'false',
  java_string_check_utf8: 'false',
  cc_generic_services: 'false',
  py_generic_services: 'false',
  cc_enable_arenas: 'true',
  optimize_for: 'SPEED',
};

export function optionValue(file: ImageFile, name: FileOptionName): string {
  return file.options.get(name)?.value ?? DEFAULTS[name] ?? '';
}

/** One file-level value (where it is set, if it is) compared between a file's two versions. */
export function checkFileValue(
  previous: ImageFile,
  current: ImageFile,
  report: Report,
  what: string,
  value: (f: ImageFile) => string,
  span: (f: ImageFile) => Span | undefined,
): void {
  const before = value(previous);
  const now = value(current);
  if (before === now) return;
  const nowSpan = span(current);
  const beforeSpan = span(previous);
  report({
    message: `file ${what} changed from ${goQuote(before)} to ${goQuote(now)}`,
    at: nowSpan ? at(current, nowSpan) : atFile(current),
    was: beforeSpan ? was(previous, beforeSpan) : undefined,
  });
}

export function fileOptionRule(id: string, name: FileOptionName, categories: readonly Category[] = ['FILE', 'PACKAGE']): BreakingRule {
  const what = `option "${name}"`;
  const value = (f: ImageFile) => optionValue(f, name);
  const span = (f: ImageFile) => f.options.get(name)?.span;
  return { id, categories, filePair: (previous, current, report) => checkFileValue(previous, current, report, what, value, span) };
}
