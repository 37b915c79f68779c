/**
 * Pieces the rules share: how a field is named in a message (buf's wording), where a deleted
 * element's finding goes, and the reserved/extension range arithmetic.
 */
import type { Fix } from '../../diagnostics/diagnostic';
import type { BodyInsert, ImageEnum, ImageField, ImageFile, ImageMessage, ImageRange } from './image';
import { allMessages } from './pairs';
import { atFile, atParent, type CurrentPlace } from './rule';

/** `field "3" with name "three" on message "Two"`, or for an extension `extension "100" with name "a.ext" on message "a.Ext"`. */
export function fieldDescription(f: ImageField, withName = true): string {
  const name = f.extendee !== undefined ? (f.fullName ?? f.name) : f.name;
  const named = withName ? ` with name "${name}"` : '';
  if (f.extendee !== undefined) return `extension "${f.number}"${named} on message "${f.extendee}"`;
  return `field "${f.number}"${named} on message "${f.message?.name ?? ''}"`;
}

/** An extension's full name without its file's package, e.g. `Scope.ext`. */
export function extensionNestedName(f: ImageField): string {
  const full = f.fullName ?? f.name;
  const pkg = f.file.package;
  return pkg && full.startsWith(pkg + '.') ? full.slice(pkg.length + 1) : full;
}

const nestedIndex = new WeakMap<ImageFile, Map<string, ImageMessage>>();

/** The file's messages by nested name (map entries and groups included). */
export function messagesByNestedName(file: ImageFile): Map<string, ImageMessage> {
  let index = nestedIndex.get(file);
  if (!index) {
    index = new Map();
    for (const m of allMessages(file)) if (!index.has(m.nestedName)) index.set(m.nestedName, m);
    nestedIndex.set(file, index);
  }
  return index;
}

/**
 * Where a deleted nested element is reported: the nearest enclosing message (by nested name) that
 * still exists, found in `index`; a top-level element is reported against the file.
 */
export function deletedPlace(file: ImageFile, nestedName: string, index: Map<string, ImageMessage> = messagesByNestedName(file)): CurrentPlace {
  const parts = nestedName.split('.');
  for (let i = parts.length - 1; i > 0; i--) {
    const m = index.get(parts.slice(0, i).join('.'));
    if (m) return atParent(m.file, m.nameSpan);
  }
  return atFile(file);
}

/** Sorted, merged, adjacent ranges joined: the numbers a set of ranges covers. */
function collapse(ranges: readonly ImageRange[]): [number, number][] {
  const sorted = ranges.map((r): [number, number] => [r.start, r.end]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: [number, number][] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1] + 1) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

/** The parts of [start, end] that the collapsed ranges do not cover. */
function missing(start: number, end: number, covered: readonly [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  let next = start;
  for (const [s, e] of covered) {
    if (e < next) continue;
    if (s > end) break;
    if (s > next) out.push([next, Math.min(s - 1, end)]);
    next = Math.max(next, e + 1);
    if (next > end) break;
  }
  if (next <= end) out.push([next, end]);
  return out;
}

function rangeString(start: number, end: number, maxTag: number): string {
  if (start === end) return `[${start}]`;
  if (end === maxTag) return `[${start},max]`;
  return `[${start},${end}]`;
}

export function messageMaxTag(m: ImageMessage): number {
  return m.messageSetWireFormat ? 2147483646 : 536870911;
}

export const ENUM_MAX_TAG = 2147483647;

/**
 * For every previous range that the current ranges no longer cover completely, buf's message:
 * `previously present reserved range "[5,10]" on message "M" is missing values: [7,8] were removed`.
 */
export function lostRanges(
  kind: 'reserved' | 'extension',
  element: ImageMessage | ImageEnum,
  previousElement: ImageMessage | ImageEnum,
  previousRanges: readonly ImageRange[],
  ranges: readonly ImageRange[],
): string[] {
  if (previousRanges.length === 0) return [];
  const isMessage = 'fields' in element;
  const maxTag = isMessage ? messageMaxTag(element) : ENUM_MAX_TAG;
  const previousMax = 'fields' in previousElement ? messageMaxTag(previousElement) : ENUM_MAX_TAG;
  const covered = collapse(ranges);
  const out: string[] = [];
  for (const r of previousRanges) {
    const gone = missing(r.start, r.end, covered);
    if (gone.length === 0) continue;
    out.push(
      `previously present ${kind} range "${rangeString(r.start, r.end, previousMax)}" on ${isMessage ? 'message' : 'enum'} "${element.name}" is missing values: ${gone
        .map(([s, e]) => rangeString(s, e, maxTag))
        .join(', ')} were removed`,
    );
  }
  return out;
}

/** Go's %q of a string, as buf prints option values: quotes and backslashes escaped. */
export function goQuote(s: string): string {
  return JSON.stringify(s);
}

export function quoteList(names: readonly string[]): string {
  return names.map((n) => `"${n}"`).join(', ');
}

/**
 * "Reserve number 3 and name "three"": `reserved` statements for what a deletion freed and the
 * body does not reserve yet, at the end of the body. None when everything is reserved already or
 * the image was built without text.
 */
export function reserveFix(
  file: ImageFile,
  owner: { readonly reservedRanges: readonly ImageRange[]; readonly reservedNames: readonly string[]; readonly bodyInsert?: BodyInsert },
  numbers: readonly number[],
  names: readonly string[],
): Fix | undefined {
  if (!owner.bodyInsert) return undefined;
  const freeNumbers = numbers.filter((n) => !owner.reservedRanges.some((r) => n >= r.start && n <= r.end));
  const freeNames = names.filter((n) => n && !owner.reservedNames.includes(n));
  if (freeNumbers.length === 0 && freeNames.length === 0) return undefined;
  const { offset, indent } = owner.bodyInsert;
  // Editions write reserved names as identifiers, older syntaxes as strings.
  const name = (n: string) => (file.syntax === 'editions' ? n : `"${n}"`);
  let newText = '';
  if (freeNumbers.length) newText += `\n${indent}reserved ${freeNumbers.join(', ')};`;
  if (freeNames.length) newText += `\n${indent}reserved ${freeNames.map(name).join(', ')};`;
  const parts = [
    freeNumbers.length ? `number${freeNumbers.length > 1 ? 's' : ''} ${freeNumbers.join(', ')}` : '',
    freeNames.length ? `name${freeNames.length > 1 ? 's' : ''} ${freeNames.map((n) => `"${n}"`).join(', ')}` : '',
  ].filter(Boolean);
  return { title: `Reserve ${parts.join(' and ')}`, edits: [{ span: { start: offset, end: offset }, newText }], preferred: true };
}
