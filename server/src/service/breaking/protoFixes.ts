/**
 * Quick fixes for deleted Protobuf fields and enum values: reserve the number and the name the
 * baseline had, so that no later edit reuses them for something else (what buf's
 * FIELD_NO_DELETE_UNLESS_* and ENUM_VALUE_NO_DELETE_UNLESS_* rules ask for, and what makes old
 * data and old readers safe). The fix goes into the container the finding sits on.
 *
 * A number already reserved, or taken by another element, is left out; so is a name already
 * reserved or still used (reserving a used name does not compile). Names are quoted before
 * edition 2023 and identifiers from it on, as protoc requires.
 *
 * A deletion whose number and names are all reserved is deliberate: `isAcknowledged` says so, and
 * the editor no longer reports it (buf's FILE rules still would: they guard generated code,
 * which loses the field either way).
 */
import type { Fix } from '../../core/diagnostics/diagnostic';
import type { EnumDecl, EnumElement, GroupDecl, MessageDecl, MessageElement, OneofElement, ProtoFile, ReservedDecl } from '../../core/proto/ast';
import { fileSyntax } from '../../core/proto/checks/syntax';
import type { Span } from '../../core/text/span';

/** Rule ids whose finding is a deleted field or enum value, sitting on its message or enum. */
export const RESERVE_RULES: Readonly<Record<string, 'field' | 'enumValue'>> = {
  FIELD_NO_DELETE: 'field',
  FIELD_NO_DELETE_UNLESS_NUMBER_RESERVED: 'field',
  FIELD_NO_DELETE_UNLESS_NAME_RESERVED: 'field',
  ENUM_VALUE_NO_DELETE: 'enumValue',
  ENUM_VALUE_NO_DELETE_UNLESS_NUMBER_RESERVED: 'enumValue',
  ENUM_VALUE_NO_DELETE_UNLESS_NAME_RESERVED: 'enumValue',
};

export interface DeletedElement {
  readonly kind: 'field' | 'enumValue';
  readonly number: number;
  /** The names the number had (an enum with `allow_alias` can give one number several). */
  readonly names: readonly string[];
}

type Container = MessageDecl | EnumDecl | GroupDecl;

/** Whether the container whose name is at `nameSpan` reserves the deleted element's number and every name it had. */
export function isAcknowledged(ast: ProtoFile, nameSpan: Span, deleted: DeletedElement): boolean {
  const container = findContainer(ast.body, nameSpan, deleted.kind === 'field' ? 'message' : 'enum');
  if (!container) return false;
  const reserved = container.body.filter((e): e is ReservedDecl => e.kind === 'reserved');
  return (
    reserved.some((r) => r.ranges.some((range) => covers(range, deleted.number))) &&
    deleted.names.every((n) => reserved.some((r) => r.names.some((x) => x.text === n)))
  );
}

/** The fix that reserves what the deleted element had, in the container whose name is at `nameSpan`. */
export function reserveFix(ast: ProtoFile, text: string, nameSpan: Span, deleted: DeletedElement): Fix | undefined {
  const container = findContainer(ast.body, nameSpan, deleted.kind === 'field' ? 'message' : 'enum');
  if (!container?.name) return undefined;
  const reserved = container.body.filter((e): e is ReservedDecl => e.kind === 'reserved');
  const used = usedNamesAndNumbers(container);
  const numberFree =
    !used.numbers.has(deleted.number) &&
    !reserved.some((r) => r.ranges.some((range) => covers(range, deleted.number)));
  const names = deleted.names.filter((n) => !used.names.has(n) && !reserved.some((r) => r.names.some((x) => x.text === n)));
  if (!numberFree && names.length === 0) return undefined;

  const brace = text.indexOf('{', container.name.span.end);
  if (brace < 0 || brace >= container.span.end) return undefined;
  const indent = childIndent(text, container, brace);
  const editions = fileSyntax(ast).kind === 'editions';
  const lines: string[] = [];
  if (numberFree) lines.push(`reserved ${deleted.number};`);
  if (names.length) lines.push(`reserved ${names.map((n) => (editions ? n : JSON.stringify(n))).join(', ')};`);
  const newText = lines.map((l) => `\n${indent}${l}`).join('');

  const what = deleted.kind === 'field' ? 'field' : 'enum value';
  const quoted = names.map((n) => `"${n}"`).join(', ');
  const title = numberFree && names.length
    ? `Reserve the deleted ${what}'s number ${deleted.number} and name ${quoted}`
    : numberFree
      ? `Reserve the deleted ${what}'s number ${deleted.number}`
      : `Reserve the deleted ${what}'s name ${quoted}`;
  return { title, edits: [{ span: { start: brace + 1, end: brace + 1 }, newText }], preferred: true };
}

function covers(range: ReservedDecl['ranges'][number], n: number): boolean {
  const start = range.start.value;
  if (range.end === undefined) return start === n;
  if (range.end.kind === 'max') return n >= start;
  return n >= start && n <= range.end.value;
}

function findContainer(body: readonly (MessageElement | ProtoFile['body'][number])[], nameSpan: Span, kind: 'message' | 'enum'): Container | undefined {
  for (const el of body) {
    if (el.kind === 'message' || el.kind === 'group') {
      if (kind === 'message' && el.name && sameSpan(el.name.span, nameSpan)) return el;
      const inner = findContainer(el.body, nameSpan, kind);
      if (inner) return inner;
    } else if (el.kind === 'enum') {
      if (kind === 'enum' && el.name && sameSpan(el.name.span, nameSpan)) return el;
    } else if (el.kind === 'extend' || el.kind === 'oneof') {
      const inner = findContainer(el.body as readonly MessageElement[], nameSpan, kind);
      if (inner) return inner;
    }
  }
  return undefined;
}

function usedNamesAndNumbers(container: Container): { names: Set<string>; numbers: Set<number> } {
  const names = new Set<string>();
  const numbers = new Set<number>();
  const visit = (elements: readonly (MessageElement | EnumElement | OneofElement)[]) => {
    for (const el of elements) {
      if (el.kind === 'field' || el.kind === 'mapField' || el.kind === 'group' || el.kind === 'enumValue') {
        if (el.name) names.add(el.name.text);
        if (el.number) numbers.add(el.number.value);
      } else if (el.kind === 'oneof') {
        visit(el.body);
      }
    }
  };
  visit(container.body);
  return { names, numbers };
}

/** The indentation of the container's elements: its first element's, else one step (two spaces) in from the container. */
function childIndent(text: string, container: Container, brace: number): string {
  const lineStart = (at: number) => text.lastIndexOf('\n', at - 1) + 1;
  const indentAt = (at: number) => /^[ \t]*/.exec(text.slice(lineStart(at), at))![0];
  const first = container.body.find((e) => e.kind !== 'empty');
  if (first && text.lastIndexOf('\n', first.span.start - 1) > brace) {
    const line = text.slice(lineStart(first.span.start), first.span.start);
    if (/^[ \t]*$/.test(line)) return line;
  }
  const own = indentAt(container.span.start);
  return own + (own.includes('\t') ? '\t' : '  ');
}

function sameSpan(a: Span, b: Span): boolean {
  return a.start === b.start && a.end === b.end;
}
