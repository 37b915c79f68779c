/** The shared check of the FILE_SAME_<OPTION> rules: a file option's value (its default when unset) may not change. */
import { goQuote } from '../describe';
import type { FileOptionName, ImageFile } from '../image';
import type { Pairs } from '../pairs';
import { at, atFile, was, type BreakingRule, type Category, type RuleReport } from '../rule';

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

export function checkFileValue(
  pairs: Pairs,
  report: (r: RuleReport) => void,
  what: string,
  value: (f: ImageFile) => { value: string; span?: import('../../../text/span').Span },
): void {
  for (const [previous, current] of pairs.files) {
    const before = value(previous);
    const now = value(current);
    if (before.value === now.value) continue;
    report({
      message: `file ${what} changed from ${goQuote(before.value)} to ${goQuote(now.value)}`,
      at: now.span ? at(current, now.span) : atFile(current),
      was: before.span ? was(previous, before.span) : undefined,
    });
  }
}

export function fileOptionRule(id: string, name: FileOptionName, categories: readonly Category[] = ['FILE', 'PACKAGE']): BreakingRule {
  return {
    id,
    categories,
    check: (pairs, report) =>
      checkFileValue(pairs, report, `option "${name}"`, (f) => ({ value: optionValue(f, name), span: f.options.get(name)?.span })),
  };
}
