/** How the type rules describe a type change, in buf's words. */
import { fieldDescription } from '../describe';
import type { FieldKind, ImageField } from '../image';
import { at, was, type RuleReport } from '../rule';

export const WIRE_NOTE = 'see https://developers.google.com/protocol-buffers/docs/proto3#updating for wire compatibility rules';
export const WIRE_JSON_NOTE =
  'see https://developers.google.com/protocol-buffers/docs/proto3#updating for wire compatibility rules and https://developers.google.com/protocol-buffers/docs/proto3#json for JSON compatibility rules';

function prettyKind(f: ImageField): string {
  return f.kind === 'group' && f.file.syntax !== 'proto2' ? 'message (delimited encoding)' : f.kind;
}

export function isNamedKind(k: FieldKind): boolean {
  return k === 'message' || k === 'enum' || k === 'group';
}

/** The field's kind changed (e.g. `int32` to `string`, or a message became delimited). */
export function kindChanged(previous: ImageField, current: ImageField, note?: string): RuleReport {
  return {
    message: `${fieldDescription(current)} changed type from "${prettyKind(previous)}" to "${prettyKind(current)}"${note ? `: ${note}` : ''}`,
    at: at(current.file, current.typeSpan),
    was: was(previous.file, previous.typeSpan),
  };
}

/** Same kind, different message, group or enum. */
export function typeNameChanged(previous: ImageField, current: ImageField): RuleReport {
  return {
    message: `${fieldDescription(current)} changed type from "${previous.typeName ?? ''}" to "${current.typeName ?? ''}"`,
    at: at(current.file, current.typeSpan),
    was: was(previous.file, previous.typeSpan),
  };
}
