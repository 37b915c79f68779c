/** Wording shared by the rules' messages. */

/** `A`, `B` and `$unknown` as a list of code spans, shortened past a dozen. */
export function quotedList(names: readonly string[]): string {
  const shown = names.slice(0, 12).map((n) => `\`${n}\``);
  if (names.length > 12) shown.push(`${names.length - 12} more`);
  return shown.join(', ');
}
