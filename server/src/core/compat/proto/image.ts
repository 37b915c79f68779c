/**
 * A descriptor-like view of a linked set of .proto files, the thing the breaking-change rules
 * compare: what protoc would put in a FileDescriptorSet (resolved type names, field kinds after
 * editions features, presence, synthetic oneofs, map entries, json names), plus the span of every
 * element and of the parts rules point at (the number, the type, the label, each option).
 *
 * Built once per side by `buildProtoImage`; plain data, so a baseline image can be cached and
 * compared against many edits of the current one.
 */
import type { Span } from '../../text/span';
import type { Constant } from '../../proto/ast';

export type ProtoSyntax = 'proto2' | 'proto3' | 'editions';

/** protoreflect's field kinds; `group` also stands for a delimited message field in editions. */
export type FieldKind =
  | 'double'
  | 'float'
  | 'int64'
  | 'uint64'
  | 'int32'
  | 'fixed64'
  | 'fixed32'
  | 'bool'
  | 'string'
  | 'group'
  | 'message'
  | 'bytes'
  | 'uint32'
  | 'enum'
  | 'sfixed32'
  | 'sfixed64'
  | 'sint32'
  | 'sint64';

/** buf's cardinality: presence folded into the label, maps apart from repeated fields. */
export type Cardinality = 'explicit' | 'implicit' | 'required' | 'repeated' | 'map';

/** A value set by an option on the element itself, and where. */
export interface SetOption<T> {
  readonly value: T;
  readonly span: Span;
}

/** A number range with an inclusive end, as `reserved 5 to 10;` or `extensions 100 to max;` give it. */
export interface ImageRange {
  readonly start: number;
  readonly end: number;
  /** Written with `max`. */
  readonly max: boolean;
  readonly span: Span;
}

export const FILE_OPTION_NAMES = [
  'java_package',
  'java_outer_classname',
  'java_multiple_files',
  'java_generic_services',
  'java_string_check_utf8',
  'go_package',
  'objc_class_prefix',
  'csharp_namespace',
  'swift_prefix',
  'php_class_prefix',
  'php_namespace',
  'php_metadata_namespace',
  'ruby_package',
  'optimize_for',
  'cc_generic_services',
  'py_generic_services',
  'cc_enable_arenas',
] as const;
export type FileOptionName = (typeof FILE_OPTION_NAMES)[number];

export interface ImageFile {
  readonly uri: string;
  /** The path the file is imported by, relative to its import root: how files are matched. */
  readonly path: string;
  /** A dependency outside the module being checked (e.g. a well-known type): never compared itself. */
  readonly isImport: boolean;
  readonly package: string;
  /** The `package` statement. */
  readonly packageSpan?: Span;
  readonly syntax: ProtoSyntax;
  readonly edition?: string;
  /** The `syntax` or `edition` statement. */
  readonly syntaxSpan?: Span;
  /** Where findings about the whole file go: the package statement, else the syntax statement, else the start. */
  readonly anchor: Span;
  /** File options as written, each as buf prints it: strings as is, bools as `true`/`false`, enums by name. */
  readonly options: ReadonlyMap<FileOptionName, SetOption<string>>;
  readonly messages: readonly ImageMessage[];
  readonly enums: readonly ImageEnum[];
  readonly services: readonly ImageService[];
  /** Extensions declared at the top level of the file. */
  readonly extensions: readonly ImageField[];
}

export interface ImageMessage {
  readonly file: ImageFile;
  readonly parent?: ImageMessage;
  readonly name: string;
  readonly fullName: string;
  /** The full name without the package, e.g. `Outer.Inner`. */
  readonly nestedName: string;
  readonly span: Span;
  readonly nameSpan: Span;
  /** Fields in declaration order, oneof members included, extensions excluded. */
  readonly fields: readonly ImageField[];
  readonly oneofs: readonly ImageOneof[];
  /** Nested messages, including map entries and groups. */
  readonly messages: readonly ImageMessage[];
  readonly enums: readonly ImageEnum[];
  /** Extensions declared inside this message. */
  readonly extensions: readonly ImageField[];
  readonly reservedRanges: readonly ImageRange[];
  readonly reservedNames: readonly string[];
  readonly extensionRanges: readonly ImageRange[];
  readonly isMapEntry: boolean;
  /** Declared by a proto2 `group` field. */
  readonly isGroup: boolean;
  readonly messageSetWireFormat: boolean;
  readonly noStandardDescriptorAccessor?: SetOption<boolean>;
  /** The resolved `json_format` feature. */
  readonly jsonFormat: 'ALLOW' | 'LEGACY_BEST_EFFORT';
  /** `features.json_format` set on the message itself. */
  readonly jsonFormatSpan?: Span;
  /** Where a `reserved` statement would go; known when the image was built with the file's text. */
  readonly bodyInsert?: BodyInsert;
}

export interface ImageOneof {
  readonly name: string;
  /** The oneof protoc makes for a proto3 `optional` field. */
  readonly synthetic: boolean;
  readonly span: Span;
  readonly nameSpan: Span;
}

export type CppStringType = 'STRING' | 'CORD' | 'VIEW';

export interface ImageField {
  readonly file: ImageFile;
  /** The message holding the field; for an extension, the message it is declared in (if any). */
  readonly message?: ImageMessage;
  readonly name: string;
  /** For an extension: its full name, e.g. `pkg.Scope.ext`. */
  readonly fullName?: string;
  readonly number: number;
  /** The label as a descriptor has it (`optional` when none is written). */
  readonly label: 'optional' | 'required' | 'repeated';
  readonly labelSpan?: Span;
  readonly cardinality: Cardinality;
  readonly kind: FieldKind;
  /** For message, group and enum fields: the full name of the type, without a leading dot. */
  readonly typeName?: string;
  /** The type as written: the scalar keyword, the type name, `map<K, V>`, or the `group` keyword. */
  readonly typeSpan: Span;
  readonly oneof?: ImageOneof;
  /** For an extension: the full name of the extended message. */
  readonly extendee?: string;
  /** The json name: the `json_name` option, else the default protoc derives from the name. */
  readonly jsonName: string;
  readonly jsonNameSpan?: Span;
  readonly defaultValue?: SetOption<Constant>;
  readonly jstype: 'JS_NORMAL' | 'JS_STRING' | 'JS_NUMBER';
  readonly jstypeSpan?: Span;
  /** The C++ string type as buf reads it (`ctype` or `(pb.cpp).string_type`), and whether it was `STRING_PIECE`. */
  readonly cppStringType: CppStringType;
  readonly cppStringPiece: boolean;
  readonly ctypeSpan?: Span;
  readonly cppStringTypeSpan?: Span;
  /** The resolved `utf8_validation` feature. */
  readonly utf8Validation: 'VERIFY' | 'NONE';
  readonly utf8ValidationSpan?: Span;
  /** Java's UTF-8 checking as buf reads it (`java_string_check_utf8` or `(pb.java).utf8_validation`). */
  readonly javaUtf8Validation: 'VERIFY' | 'NONE';
  readonly javaUtf8ValidationSpan?: Span;
  readonly span: Span;
  readonly nameSpan: Span;
  readonly numberSpan: Span;
}

export interface ImageEnumValue {
  readonly name: string;
  readonly number: number;
  readonly span: Span;
  readonly nameSpan: Span;
  readonly numberSpan: Span;
}

export interface ImageEnum {
  readonly file: ImageFile;
  readonly parent?: ImageMessage;
  readonly name: string;
  readonly fullName: string;
  readonly nestedName: string;
  readonly span: Span;
  readonly nameSpan: Span;
  readonly values: readonly ImageEnumValue[];
  readonly reservedRanges: readonly ImageRange[];
  readonly reservedNames: readonly string[];
  readonly closed: boolean;
  /** `features.enum_type` set on the enum itself. */
  readonly enumTypeSpan?: Span;
  readonly jsonFormat: 'ALLOW' | 'LEGACY_BEST_EFFORT';
  readonly jsonFormatSpan?: Span;
  readonly bodyInsert?: BodyInsert;
}

export type IdempotencyLevel = 'IDEMPOTENCY_UNKNOWN' | 'NO_SIDE_EFFECTS' | 'IDEMPOTENT';

export interface ImageMethod {
  readonly service: ImageService;
  readonly name: string;
  /** Full names of the request and response messages, without a leading dot. */
  readonly inputType: string;
  readonly outputType: string;
  readonly inputSpan: Span;
  readonly outputSpan: Span;
  readonly clientStreaming: boolean;
  /** The `stream` keyword of the request. */
  readonly clientStreamingSpan?: Span;
  readonly serverStreaming: boolean;
  readonly serverStreamingSpan?: Span;
  readonly idempotencyLevel: IdempotencyLevel;
  readonly idempotencySpan?: Span;
  readonly span: Span;
  readonly nameSpan: Span;
}

export interface ImageService {
  readonly file: ImageFile;
  readonly name: string;
  readonly fullName: string;
  readonly span: Span;
  readonly nameSpan: Span;
  readonly methods: readonly ImageMethod[];
}

/** Where a new statement goes at the end of a message or enum body, and how it is indented. */
export interface BodyInsert {
  readonly offset: number;
  readonly indent: string;
}

/** The files of one side of a comparison. */
export interface ProtoImage {
  /** Every file, sorted by path; rules compare those that are not imports. */
  readonly files: readonly ImageFile[];
  readonly fileByPath: ReadonlyMap<string, ImageFile>;
}

/** The files the rules compare: the module's own, not its dependencies. */
export function moduleFiles(image: ProtoImage): ImageFile[] {
  return image.files.filter((f) => !f.isImport);
}
