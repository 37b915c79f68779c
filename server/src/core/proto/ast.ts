/**
 * The Protobuf syntax tree. It models a lenient superset of proto2, proto3 and editions so that
 * broken text still yields a tree: any part a declaration may lack while it is being typed is
 * optional here, and the checks (not the parser) decide what is legal for the file's syntax.
 *
 * Invariant: every node carries the span of the text it was parsed from, and every child span
 * lies inside its parent's span.
 */
import type { Span } from '../text/span';
import type { Diagnostic } from '../diagnostics/diagnostic';
import type { Token } from './lexer';

/** Comments attached to a declaration, as protoc attaches them for SourceCodeInfo. */
export interface Docs {
  /** The comment block directly above the declaration, markers stripped. */
  readonly leading?: string;
  /** A comment on the same line after the declaration, or directly below it. */
  readonly trailing?: string;
  /** Comment blocks above the leading one, separated from it by blank lines. */
  readonly detached?: readonly string[];
}

/** A single identifier or a dotted name, as written. */
export interface Name {
  readonly text: string;
  readonly span: Span;
}

/**
 * A reference to a message or enum type (or a scalar, when `text` is a scalar keyword).
 * `text` is the name as written, e.g. `.pkg.Foo`, `Foo.Bar`, `int32`.
 */
export interface TypeRef {
  readonly kind: 'typeRef';
  readonly text: string;
  readonly span: Span;
}

export interface IntLiteral {
  readonly kind: 'int';
  /** Parsed value; may be negative, and beyond 2^53 only approximately. Use `text` for exactness. */
  readonly value: number;
  readonly text: string;
  readonly span: Span;
}

/** A constant value of an option or default. `aggregate` is a `{ ... }` text-format message literal. */
export type Constant =
  | { readonly kind: 'int'; readonly value: number; readonly text: string; readonly span: Span }
  | { readonly kind: 'float'; readonly value: number; readonly text: string; readonly span: Span }
  | { readonly kind: 'string'; readonly value: string; readonly text: string; readonly span: Span }
  | { readonly kind: 'bool'; readonly value: boolean; readonly text: string; readonly span: Span }
  /** An identifier such as an enum value name, `inf` or `nan`. */
  | { readonly kind: 'ident'; readonly value: string; readonly text: string; readonly span: Span }
  | { readonly kind: 'aggregate'; readonly text: string; readonly span: Span };

/** One part of an option name: `java_package`, or `(my.ext)` with `extension: true`. */
export interface OptionNamePart {
  readonly text: string;
  readonly extension: boolean;
  readonly span: Span;
}

export interface OptionName {
  readonly parts: readonly OptionNamePart[];
  readonly span: Span;
}

/** `option name = value;` as a statement, or `name = value` inside `[...]`. */
export interface OptionDecl {
  readonly kind: 'option';
  readonly name: OptionName;
  readonly value?: Constant;
  readonly span: Span;
  readonly docs: Docs;
}

export type Label = 'optional' | 'required' | 'repeated';

export interface FieldDecl {
  readonly kind: 'field';
  readonly label?: { readonly value: Label; readonly span: Span };
  readonly type: TypeRef;
  readonly name?: Name;
  readonly number?: IntLiteral;
  /** Compact options in `[...]`. */
  readonly options: readonly OptionDecl[];
  readonly optionsSpan?: Span;
  readonly span: Span;
  readonly docs: Docs;
}

export interface MapFieldDecl {
  readonly kind: 'mapField';
  /** The span of `map<K, V>`. */
  readonly typeSpan: Span;
  readonly keyType?: TypeRef;
  readonly valueType?: TypeRef;
  readonly name?: Name;
  readonly number?: IntLiteral;
  readonly options: readonly OptionDecl[];
  readonly optionsSpan?: Span;
  readonly span: Span;
  readonly docs: Docs;
}

/** A proto2 group: a field and a nested message in one declaration. */
export interface GroupDecl {
  readonly kind: 'group';
  readonly label?: { readonly value: Label; readonly span: Span };
  readonly keywordSpan: Span;
  readonly name?: Name;
  readonly number?: IntLiteral;
  readonly options: readonly OptionDecl[];
  readonly optionsSpan?: Span;
  readonly body: readonly MessageElement[];
  readonly span: Span;
  readonly docs: Docs;
}

export interface OneofDecl {
  readonly kind: 'oneof';
  readonly name?: Name;
  readonly body: readonly OneofElement[];
  readonly span: Span;
  readonly docs: Docs;
}

export type OneofElement = FieldDecl | GroupDecl | OptionDecl | EmptyDecl;

/** A number range in `reserved` or `extensions`: `5`, `5 to 10`, `5 to max`. */
export interface NumberRange {
  readonly start: IntLiteral;
  /** Absent for a single number. `max` when the range ends with `max`. */
  readonly end?: IntLiteral | { readonly kind: 'max'; readonly span: Span };
  readonly span: Span;
}

export interface ReservedDecl {
  readonly kind: 'reserved';
  readonly ranges: readonly NumberRange[];
  /** Reserved names: strings before edition 2023, identifiers from edition 2023 on. */
  readonly names: readonly (Name & { readonly quoted: boolean })[];
  readonly span: Span;
  readonly docs: Docs;
}

export interface ExtensionsDecl {
  readonly kind: 'extensions';
  readonly ranges: readonly NumberRange[];
  readonly options: readonly OptionDecl[];
  readonly span: Span;
  readonly docs: Docs;
}

export interface MessageDecl {
  readonly kind: 'message';
  readonly name?: Name;
  readonly body: readonly MessageElement[];
  readonly span: Span;
  readonly docs: Docs;
}

export type MessageElement =
  | FieldDecl
  | MapFieldDecl
  | GroupDecl
  | OneofDecl
  | OptionDecl
  | ReservedDecl
  | ExtensionsDecl
  | MessageDecl
  | EnumDecl
  | ExtendDecl
  | EmptyDecl;

export interface EnumValueDecl {
  readonly kind: 'enumValue';
  readonly name: Name;
  readonly number?: IntLiteral;
  readonly options: readonly OptionDecl[];
  readonly optionsSpan?: Span;
  readonly span: Span;
  readonly docs: Docs;
}

export interface EnumDecl {
  readonly kind: 'enum';
  readonly name?: Name;
  readonly body: readonly EnumElement[];
  readonly span: Span;
  readonly docs: Docs;
}

export type EnumElement = EnumValueDecl | OptionDecl | ReservedDecl | EmptyDecl;

export interface ExtendDecl {
  readonly kind: 'extend';
  readonly extendee?: TypeRef;
  readonly body: readonly (FieldDecl | GroupDecl | EmptyDecl)[];
  readonly span: Span;
  readonly docs: Docs;
}

export interface RpcDecl {
  readonly kind: 'rpc';
  readonly name?: Name;
  readonly input?: TypeRef;
  readonly inputStream?: Span;
  readonly output?: TypeRef;
  readonly outputStream?: Span;
  /** Options from the `{ option ...; }` body. */
  readonly options: readonly OptionDecl[];
  readonly span: Span;
  readonly docs: Docs;
}

export interface ServiceDecl {
  readonly kind: 'service';
  readonly name?: Name;
  readonly body: readonly (RpcDecl | OptionDecl | EmptyDecl)[];
  readonly span: Span;
  readonly docs: Docs;
}

/** A stray `;`. Kept so the formatter and the spans account for every token. */
export interface EmptyDecl {
  readonly kind: 'empty';
  readonly span: Span;
  readonly docs: Docs;
}

/** `syntax = "proto3";` or `edition = "2023";`. */
export interface SyntaxDecl {
  readonly kind: 'syntax';
  readonly keyword: 'syntax' | 'edition';
  readonly keywordSpan: Span;
  /** The string's value, e.g. `proto3` or `2023`; absent when the string is missing. */
  readonly value?: string;
  readonly valueSpan?: Span;
  readonly span: Span;
  readonly docs: Docs;
}

export interface PackageDecl {
  readonly kind: 'package';
  readonly name?: Name;
  readonly span: Span;
  readonly docs: Docs;
}

export interface ImportDecl {
  readonly kind: 'import';
  readonly modifier?: { readonly value: 'public' | 'weak' | 'option'; readonly span: Span };
  /** The import path as a value, quotes removed. */
  readonly path?: string;
  /** The span of the string literal, quotes included. */
  readonly pathSpan?: Span;
  readonly span: Span;
  readonly docs: Docs;
}

export type TopLevelDecl =
  | SyntaxDecl
  | PackageDecl
  | ImportDecl
  | OptionDecl
  | MessageDecl
  | EnumDecl
  | ServiceDecl
  | ExtendDecl
  | EmptyDecl;

export interface Comment {
  readonly span: Span;
  readonly block: boolean;
}

export interface ProtoFile {
  readonly kind: 'file';
  readonly body: readonly TopLevelDecl[];
  readonly span: Span;
  /** Every comment in the file, in order; the formatter keeps each one. */
  readonly comments: readonly Comment[];
}

export interface ParseResult {
  readonly ast: ProtoFile;
  /** Every token but comments and whitespace, in order (semantic tokens and the formatter use them). */
  readonly tokens: readonly Token[];
  readonly diagnostics: readonly Diagnostic[];
}

export type AnyDecl =
  | TopLevelDecl
  | MessageElement
  | EnumElement
  | OneofElement
  | RpcDecl
  | ServiceDecl;
