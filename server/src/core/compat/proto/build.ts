/**
 * Builds the image of a linked set of .proto files: one walk per file over its syntax tree, type
 * references resolved through the project's links, editions features resolved the way protoc
 * resolves them (the element's own option, then its oneof and enclosing messages, then the file,
 * then the edition's default), and proto2/proto3 read as their fixed feature sets.
 *
 * Works on partial trees: a declaration without a number cannot be matched and is left out, an
 * unresolved type keeps the name as written. Never throws.
 */
import type { Span } from '../../text/span';
import type {
  Constant,
  EnumDecl,
  ExtendDecl,
  FieldDecl,
  GroupDecl,
  MapFieldDecl,
  MessageDecl,
  MessageElement,
  NumberRange,
  OneofDecl,
  OptionDecl,
  ProtoFile,
  ReservedDecl,
  ServiceDecl,
  TypeRef,
} from '../../proto/ast';
import { SCALAR_TYPES } from '../../proto/builtinOptions';
import type { ProtoSymbol } from '../../proto/symbols';
import { defaultJsonName } from '../../proto/checks/jsonNames';
import { mapEntryName } from '../../proto/checks/duplicateNames';
import { constantIdent, optionNamed } from '../../proto/checks/options';
import { fileSyntax } from '../../proto/checks/syntax';
import {
  FILE_OPTION_NAMES,
  type Cardinality,
  type CppStringType,
  type FieldKind,
  type FileOptionName,
  type IdempotencyLevel,
  type ImageEnum,
  type ImageEnumValue,
  type ImageField,
  type ImageFile,
  type ImageMessage,
  type ImageMethod,
  type ImageOneof,
  type ImageRange,
  type ImageService,
  type BodyInsert,
  type ProtoImage,
  type ProtoSyntax,
  type SetOption,
} from './image';

/** What the builder needs from a project: each file's tree and import path, and its links. */
export interface ImageSource {
  get(uri: string): { readonly importPath: string; readonly ast: ProtoFile; readonly text?: string } | undefined;
  link(uri: string): { readonly typeOf: ReadonlyMap<TypeRef, ProtoSymbol> } | undefined;
}

export interface ImageInput {
  readonly uri: string;
  /** A dependency that is loaded for resolution but not compared. */
  readonly isImport?: boolean;
}

const MESSAGE_MAX = 536870911;
const MESSAGE_SET_MAX = 2147483646;
const ENUM_MAX = 2147483647;

/** A type reference resolved to a message or an enum, by full name. */
export type ResolveType = (ref: TypeRef, scope: string) => { readonly kind: ProtoSymbol['kind']; readonly fullName: string } | undefined;

/** Builds the image from a project whose files are (or can be) linked: types resolve as the linker resolved them. */
export function buildProtoImage(source: ImageSource, inputs: Iterable<string | ImageInput>): ProtoImage {
  const builder = new ImageBuilder();
  for (const input of inputs) {
    const { uri, isImport } = typeof input === 'string' ? { uri: input, isImport: false } : input;
    const state = source.get(uri);
    if (!state || builder.has(state.importPath)) continue;
    const typeOf = source.link(uri)?.typeOf;
    builder.add(uri, state.importPath, state.ast, (ref) => typeOf?.get(ref), isImport ?? false, state.text, true);
  }
  return builder.image();
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * A type reference whose target is looked up once every file is in (so a file can be built before
 * the files it imports), with what the field becomes for either kind of target.
 */
interface PendingType {
  readonly field: BuiltField;
  readonly ref: TypeRef;
  readonly scope: string;
  readonly resolve: ResolveType;
  /** The field's `message_encoding` is DELIMITED: a message target makes it a group. */
  readonly delimited: boolean;
  readonly ifMessage: Cardinality;
  readonly ifEnum: Cardinality;
}

interface PendingName {
  readonly set: (fullName: string) => void;
  readonly ref: TypeRef;
  readonly scope: string;
  readonly resolve: ResolveType;
}

/**
 * Collects built files; a second file with the same import path (another root) is shadowed, as
 * protoc shadows it. Type references are resolved when the image is taken.
 */
export class ImageBuilder {
  private readonly files: ImageFile[] = [];
  private readonly fileByPath = new Map<string, ImageFile>();
  /** Long names are copied and shared through this table, so an image holds no slice of a file's text. */
  private readonly strings = new Map<string, string>();
  private readonly pendingTypes: PendingType[] = [];
  private readonly pendingNames: PendingName[] = [];
  private readonly ownFn = (s: string) => this.own(s);

  has(path: string): boolean {
    return this.fileByPath.has(path);
  }

  /**
   * Adds a file; with its `text`, messages and enums also learn where a new statement would go.
   * With `resolveNow`, the file's type references are resolved at once rather than when the image
   * is taken: for a caller whose answers are final already (a linked project), so that nothing of
   * the file's tree or links is kept until then.
   */
  add(uri: string, path: string, ast: ProtoFile, resolve: ResolveType, isImport: boolean, text?: string, resolveNow = false): void {
    if (this.fileByPath.has(path)) return;
    const types = this.pendingTypes.length;
    const names = this.pendingNames.length;
    const file = buildFile(uri, path, ast, resolve, isImport, this.ownFn, this.pendingTypes, this.pendingNames, text);
    this.files.push(file);
    this.fileByPath.set(path, file);
    if (resolveNow) this.settle(types, names);
  }

  image(): ProtoImage {
    this.settle(0, 0);
    const files = [...this.files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return { files, fileByPath: new Map(this.fileByPath) };
  }

  /** Resolves the pending references from these positions on, and forgets them. */
  private settle(types: number, names: number): void {
    for (let i = types; i < this.pendingTypes.length; i++) {
      const p = this.pendingTypes[i]!;
      const sym = p.resolve(p.ref, p.scope);
      const f = p.field;
      if (sym?.kind === 'enum') {
        f.kind = 'enum';
        f.cardinality = p.ifEnum;
      } else {
        f.kind = p.delimited ? 'group' : 'message';
        f.cardinality = p.ifMessage;
      }
      f.typeName = this.own(sym ? sym.fullName : p.ref.text.replace(/^\./, ''));
    }
    for (let i = names; i < this.pendingNames.length; i++) {
      const p = this.pendingNames[i]!;
      const sym = p.resolve(p.ref, p.scope);
      p.set(this.own(sym ? sym.fullName : p.ref.text.replace(/^\./, '')));
    }
    this.pendingTypes.length = types;
    this.pendingNames.length = names;
  }

  private own(s: string): string {
    // Shorter strings are never slices or concatenations in V8: they are copies already.
    if (s.length < 13) return s;
    let v = this.strings.get(s);
    if (v === undefined) {
      v = detach(s);
      this.strings.set(v, v);
    }
    return v;
  }
}

/**
 * A copy of a string that holds no slice of a file's text: for names that are unique anyway (a
 * message's full name), where sharing them through the builder's table would only cost lookups.
 */
function detach(s: string): string {
  // Shorter strings are never slices or concatenations in V8; flattening a fresh concatenation
  // copies the characters out of the source text.
  return s.length < 13 ? s : (' ' + s).slice(1);
}

/** An element's full name, its name and its name without the package, all parts of one copied string. */
interface ElementNames {
  readonly fullName: string;
  readonly name: string;
  readonly nestedName: string;
}

/**
 * An image field. The spans every field has are kept as offsets and made into spans when read,
 * which rules do only to report: the image holds no span objects for its fields (four or five
 * each, 150,000 fields on googleapis), and the trees' spans go with the trees.
 */
class BuiltField implements ImageField {
  file!: ImageFile;
  message: ImageMessage | undefined = undefined;
  name = '';
  fullName: string | undefined = undefined;
  number = 0;
  label: ImageField['label'] = 'optional';
  cardinality: Cardinality = 'explicit';
  kind: FieldKind = 'message';
  typeName: string | undefined = undefined;
  oneof: ImageOneof | undefined = undefined;
  extendee: string | undefined = undefined;
  jsonName = '';
  jsonNameSpan: Span | undefined = undefined;
  defaultValue: SetOption<Constant> | undefined = undefined;
  jstype: ImageField['jstype'] = 'JS_NORMAL';
  jstypeSpan: Span | undefined = undefined;
  cppStringType: CppStringType = 'STRING';
  cppStringPiece = false;
  ctypeSpan: Span | undefined = undefined;
  cppStringTypeSpan: Span | undefined = undefined;
  utf8Validation: ImageField['utf8Validation'] = 'NONE';
  utf8ValidationSpan: Span | undefined = undefined;
  javaUtf8Validation: ImageField['javaUtf8Validation'] = 'NONE';
  javaUtf8ValidationSpan: Span | undefined = undefined;
  spanStart = 0;
  spanEnd = 0;
  nameStart = 0;
  nameEnd = 0;
  numberStart = 0;
  numberEnd = 0;
  typeStart = 0;
  typeEnd = 0;
  /** -1 without a label. */
  labelStart = -1;
  labelEnd = -1;

  get span(): Span {
    return { start: this.spanStart, end: this.spanEnd };
  }
  get nameSpan(): Span {
    return { start: this.nameStart, end: this.nameEnd };
  }
  get numberSpan(): Span {
    return { start: this.numberStart, end: this.numberEnd };
  }
  get typeSpan(): Span {
    return { start: this.typeStart, end: this.typeEnd };
  }
  get labelSpan(): Span | undefined {
    return this.labelStart < 0 ? undefined : { start: this.labelStart, end: this.labelEnd };
  }
}

/** An enum value, its spans kept as offsets as a field's are. */
class BuiltEnumValue implements ImageEnumValue {
  private readonly spanStart: number;
  private readonly spanEnd: number;
  private readonly nameStart: number;
  private readonly nameEnd: number;
  private readonly numberStart: number;
  private readonly numberEnd: number;

  constructor(
    readonly name: string,
    readonly number: number,
    span: Span,
    nameSpan: Span,
    numberSpan: Span,
  ) {
    this.spanStart = span.start;
    this.spanEnd = span.end;
    this.nameStart = nameSpan.start;
    this.nameEnd = nameSpan.end;
    this.numberStart = numberSpan.start;
    this.numberEnd = numberSpan.end;
  }

  get span(): Span {
    return { start: this.spanStart, end: this.spanEnd };
  }
  get nameSpan(): Span {
    return { start: this.nameStart, end: this.nameEnd };
  }
  get numberSpan(): Span {
    return { start: this.numberStart, end: this.numberEnd };
  }
}

/** A field's type: a scalar kind, or a reference resolved later (the kind is a placeholder until then). */
interface FieldType {
  readonly kind: FieldKind;
  /** Known now: a group's or a map entry's message. */
  readonly typeName?: string;
  readonly ref?: TypeRef;
  readonly scope?: string;
}

/** One level of feature inheritance: the options of a declaration that encloses the element. */
type Scope = readonly (readonly OptionDecl[])[];

/** `features.x = V`, `features.(pb.cpp).x = V` or `features = { x: V }` among a declaration's own options. */
function ownFeature(options: readonly OptionDecl[], feature: string, extension?: string): SetOption<string> | undefined {
  let found: SetOption<string> | undefined;
  for (const o of options) {
    const p = o.name.parts;
    if (p[0]?.extension || p[0]?.text !== 'features') continue;
    if (extension === undefined) {
      if (p.length === 2 && !p[1]!.extension && p[1]!.text === feature) {
        const v = constantIdent(o.value);
        if (v) found = { value: v, span: o.span };
      } else if (p.length === 1 && o.value?.kind === 'aggregate') {
        const m = new RegExp(`(?:^|[\\s{,;])${feature}\\s*:\\s*([A-Za-z_][A-Za-z0-9_]*)`).exec(o.value.text);
        if (m) found = { value: m[1]!, span: o.span };
      }
    } else if (p.length === 3 && p[1]!.extension && p[1]!.text.replace(/^\./, '') === extension && p[2]!.text === feature) {
      const v = constantIdent(o.value);
      if (v) found = { value: v, span: o.span };
    }
  }
  return found;
}

function inherited(scope: Scope, feature: string, extension?: string): string | undefined {
  for (let i = scope.length - 1; i >= 0; i--) {
    const v = ownFeature(scope[i]!, feature, extension);
    if (v) return v.value;
  }
  return undefined;
}

const SCALAR_KINDS = SCALAR_TYPES as ReadonlySet<string>;

/**
 * Most messages declare no nested types, extensions or reserved ranges: their empty lists are
 * this one list, not one each (an image holds ~350,000 of them on googleapis). Not frozen, as
 * rules loop over these lists with for-of, which V8 runs slower on a frozen array among plain ones.
 */
const NONE: readonly never[] = [];

/** The list, or the shared empty one. */
function orNone<T>(list: readonly T[]): readonly T[] {
  return list.length ? list : NONE;
}

function rangesOf(ranges: readonly NumberRange[], max: number): ImageRange[] {
  const out: ImageRange[] = [];
  for (const r of ranges) {
    const start = r.start.value;
    if (!Number.isFinite(start)) continue;
    const isMax = r.end?.kind === 'max';
    const end = r.end === undefined ? start : r.end.kind === 'max' ? max : r.end.value;
    out.push({ start, end, max: isMax, span: r.span });
  }
  return out;
}

function reservedOf(body: readonly { kind: string }[], max: number, own: (s: string) => string): { ranges: readonly ImageRange[]; names: readonly string[] } {
  const ranges: ImageRange[] = [];
  const names: string[] = [];
  for (const el of body) {
    if (el.kind !== 'reserved') continue;
    const r = el as ReservedDecl;
    ranges.push(...rangesOf(r.ranges, max));
    for (const n of r.names) names.push(own(n.text));
  }
  return { ranges: orNone(ranges), names: orNone(names) };
}

function stringOption(options: readonly OptionDecl[], name: string): SetOption<string> | undefined {
  const o = optionNamed(options, name);
  if (!o?.value) return undefined;
  const v = o.value;
  const value = v.kind === 'string' ? v.value : v.kind === 'aggregate' ? v.text : v.kind === 'float' || v.kind === 'int' ? v.text : constantIdent(v);
  return value === undefined ? undefined : { value, span: o.span };
}

function lineIndent(text: string, offset: number): string {
  let start = offset;
  while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
  let end = start;
  while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
  // A copy, not a slice that would keep the whole text alive.
  return (' ' + text.slice(start, end)).slice(1);
}

/** After the last statement of a body, at its indentation; in an empty body, after the `{`, one level in. */
function bodyInsertOf(text: string | undefined, body: readonly { kind: string; span: Span }[], declSpan: Span, nameSpan: Span): BodyInsert | undefined {
  if (text === undefined) return undefined;
  const last = [...body].reverse().find((el) => el.kind !== 'empty');
  if (last) return { offset: last.span.end, indent: lineIndent(text, last.span.start) };
  const brace = text.indexOf('{', nameSpan.end);
  if (brace < 0 || brace >= declSpan.end) return undefined;
  return { offset: brace + 1, indent: lineIndent(text, declSpan.start) + '  ' };
}

function buildFile(
  uri: string,
  path: string,
  ast: ProtoFile,
  resolve: ResolveType,
  isImport: boolean,
  own: (s: string) => string,
  pendingTypes: PendingType[],
  pendingNames: PendingName[],
  text: string | undefined,
): ImageFile {
  const syntaxInfo = fileSyntax(ast);
  const syntax: ProtoSyntax = syntaxInfo.kind;
  const edition = syntaxInfo.edition;
  let packageName = '';
  let packageSpan: Span | undefined;
  const fileOptions: OptionDecl[] = [];
  for (const d of ast.body) {
    if (d.kind === 'package' && packageSpan === undefined) {
      packageName = own(d.name?.text ?? '');
      packageSpan = d.span;
    } else if (d.kind === 'option') fileOptions.push(d);
  }
  const options = new Map<FileOptionName, SetOption<string>>();
  for (const name of FILE_OPTION_NAMES) {
    const v = stringOption(fileOptions, name);
    if (v) options.set(name, { value: own(v.value), span: v.span });
  }
  const syntaxSpan = syntaxInfo.decl?.span;
  const messages: ImageMessage[] = [];
  const enums: ImageEnum[] = [];
  const services: ImageService[] = [];
  const extensions: ImageField[] = [];
  const file: ImageFile = {
    uri,
    path,
    isImport,
    package: packageName,
    packageSpan,
    syntax,
    edition,
    syntaxSpan,
    anchor: packageSpan ?? syntaxSpan ?? { start: 0, end: 0 },
    options,
    messages,
    enums,
    services,
    extensions,
  };
  const editions = syntax === 'editions';
  const legacyEdition = !editions || (edition ?? '') < '2024';
  const javaCheckUtf8 = options.get('java_string_check_utf8');

  const packagePrefix = packageName + '.';
  const nested = (fullName: string): string => (packageName && fullName.startsWith(packagePrefix) ? fullName.slice(packagePrefix.length) : fullName);
  const namesOf = (scopeName: string, name: string): ElementNames => {
    const fullName = detach(scopeName ? `${scopeName}.${name}` : name);
    return { fullName, name: name.length < 13 ? name : fullName.slice(fullName.length - name.length), nestedName: nested(fullName) };
  };

  const feature = (scope: Scope, name: string, ext?: string): string | undefined => (editions ? inherited(scope, name, ext) : undefined);
  const jsonFormatOf = (scope: Scope): 'ALLOW' | 'LEGACY_BEST_EFFORT' => {
    const v = feature(scope, 'json_format');
    if (v === 'ALLOW' || v === 'LEGACY_BEST_EFFORT') return v;
    return syntax === 'proto2' ? 'LEGACY_BEST_EFFORT' : 'ALLOW';
  };
  /** A scalar's kind now, or a reference to resolve when the image is taken. */
  const typeOf = (ref: TypeRef | undefined, scope: string): FieldType => {
    const text = ref?.text ?? '';
    if (SCALAR_KINDS.has(text) || !ref) return { kind: (SCALAR_KINDS.has(text) ? text : 'message') as FieldKind };
    return { kind: 'message', ref, scope };
  };
  const laterName = (ref: TypeRef | undefined, scope: string, set: (fullName: string) => void) => {
    if (ref) pendingNames.push({ ref, scope, resolve, set });
  };

  interface FieldContext {
    readonly message?: ImageMessage;
    /** The scope for an extension's full name; the message's full name for a field. */
    readonly scopeName: string;
    readonly scope: Scope;
    readonly oneof?: ImageOneof;
    /** For extensions: the extended message, resolved when the image is taken. */
    readonly extendee?: { readonly ref?: TypeRef; readonly scope: string };
  }

  const makeField = (
    ctx: FieldContext,
    parts: {
      name: string;
      numberLit: { value: number; span: Span };
      label?: { value: 'optional' | 'required' | 'repeated'; span: Span };
      type: FieldType;
      typeSpan: Span;
      isMap: boolean;
      options: readonly OptionDecl[];
      span: Span;
      nameSpan: Span;
    },
  ): ImageField => {
    const ownOptions = parts.options;
    const chain: Scope = ownOptions.length ? [...ctx.scope, ownOptions] : ctx.scope;
    const delimited = !parts.isMap && editions && feature(chain, 'message_encoding') === 'DELIMITED';
    let kind = parts.type.kind;
    if (kind === 'message' && delimited) kind = 'group';
    const label = parts.isMap ? 'repeated' : (parts.label?.value ?? 'optional');
    const cardinalityOf = (k: FieldKind): Cardinality => {
      if (parts.isMap) return 'map';
      if (label === 'repeated') return 'repeated';
      const presence = editions ? feature(chain, 'field_presence') : undefined;
      if (label === 'required' || presence === 'LEGACY_REQUIRED') return 'required';
      if (ctx.extendee !== undefined || k === 'message' || k === 'group' || ctx.oneof) return 'explicit';
      if (syntax === 'proto2') return 'explicit';
      if (syntax === 'proto3') return label === 'optional' && parts.label ? 'explicit' : 'implicit';
      return presence === 'IMPLICIT' ? 'implicit' : 'explicit';
    };
    const cardinality = cardinalityOf(kind);
    const jsonNameOpt = ctx.extendee === undefined ? stringOption(ownOptions, 'json_name') : undefined;
    const jstypeOpt = stringOption(ownOptions, 'jstype');
    const jstype = jstypeOpt?.value === 'JS_STRING' || jstypeOpt?.value === 'JS_NUMBER' ? jstypeOpt.value : 'JS_NORMAL';
    const defaultOpt = optionNamed(ownOptions, 'default');

    // C++ string type: `ctype` decides before edition 2024, else the (pb.cpp) feature.
    const ctypeOpt = stringOption(ownOptions, 'ctype');
    const cppFeature = ownFeature(ownOptions, 'string_type', 'pb.cpp');
    let cppStringType: CppStringType | undefined;
    let cppStringPiece = false;
    if (legacyEdition && ctypeOpt) {
      if (ctypeOpt.value === 'CORD') cppStringType = 'CORD';
      else if (ctypeOpt.value === 'STRING_PIECE') {
        cppStringType = 'STRING';
        cppStringPiece = true;
      } else if (ctypeOpt.value === 'STRING' || !editions) cppStringType = 'STRING';
    }
    if (!cppStringType) {
      const v = editions ? inherited(chain, 'string_type', 'pb.cpp') : undefined;
      cppStringType = v === 'CORD' || v === 'VIEW' || v === 'STRING' ? v : legacyEdition ? 'STRING' : 'VIEW';
    }

    const utf8Own = ownFeature(ownOptions, 'utf8_validation');
    const utf8Resolved = feature(chain, 'utf8_validation');
    const utf8Validation: 'VERIFY' | 'NONE' = editions ? (utf8Resolved === 'NONE' ? 'NONE' : 'VERIFY') : syntax === 'proto3' ? 'VERIFY' : 'NONE';
    // Java: java_string_check_utf8 decides outside editions or when set, else the (pb.java) feature.
    let javaUtf8Validation = utf8Validation;
    const javaOwn = ownFeature(ownOptions, 'utf8_validation', 'pb.java');
    if (!editions || javaCheckUtf8) {
      if (javaCheckUtf8?.value === 'true') javaUtf8Validation = 'VERIFY';
    } else if (inherited(chain, 'utf8_validation', 'pb.java') === 'VERIFY') javaUtf8Validation = 'VERIFY';

    const fullName = ctx.extendee === undefined ? undefined : detach(ctx.scopeName ? `${ctx.scopeName}.${parts.name}` : parts.name);
    const field = new BuiltField();
    field.file = file;
    field.message = ctx.message;
    field.name = own(parts.name);
    field.fullName = fullName;
    field.number = parts.numberLit.value;
    field.label = label;
    field.cardinality = cardinality;
    field.kind = kind;
    field.typeName = parts.type.typeName;
    field.oneof = ctx.oneof;
    field.extendee = ctx.extendee === undefined ? undefined : '';
    field.jsonName = own(jsonNameOpt?.value ?? defaultJsonName(parts.name));
    field.jsonNameSpan = jsonNameOpt?.span;
    field.defaultValue = defaultOpt?.value ? { value: defaultOpt.value as Constant, span: defaultOpt.span } : undefined;
    field.jstype = jstype;
    field.jstypeSpan = jstypeOpt?.span;
    field.cppStringType = cppStringType;
    field.cppStringPiece = cppStringPiece;
    field.ctypeSpan = ctypeOpt?.span;
    field.cppStringTypeSpan = cppFeature?.span;
    field.utf8Validation = utf8Validation;
    field.utf8ValidationSpan = utf8Own?.span;
    field.javaUtf8Validation = javaUtf8Validation;
    field.javaUtf8ValidationSpan = javaCheckUtf8?.span ?? javaOwn?.span;
    field.spanStart = parts.span.start;
    field.spanEnd = parts.span.end;
    field.nameStart = parts.nameSpan.start;
    field.nameEnd = parts.nameSpan.end;
    field.numberStart = parts.numberLit.span.start;
    field.numberEnd = parts.numberLit.span.end;
    field.typeStart = parts.typeSpan.start;
    field.typeEnd = parts.typeSpan.end;
    if (parts.label) {
      field.labelStart = parts.label.span.start;
      field.labelEnd = parts.label.span.end;
    }
    if (parts.type.ref) {
      pendingTypes.push({
        field,
        ref: parts.type.ref,
        scope: parts.type.scope ?? '',
        resolve,
        delimited,
        ifMessage: cardinalityOf(delimited ? 'group' : 'message'),
        ifEnum: cardinalityOf('enum'),
      });
    }
    if (ctx.extendee) laterName(ctx.extendee.ref, ctx.extendee.scope, (name) => (field.extendee = name));
    return field;
  };

  const buildEnum = (e: EnumDecl, scopeName: string, scope: Scope, parent: ImageMessage | undefined): ImageEnum | undefined => {
    if (!e.name) return undefined;
    const ownOptions = e.body.filter((x): x is OptionDecl => x.kind === 'option');
    const chain: Scope = [...scope, ownOptions];
    const values: ImageEnumValue[] = [];
    for (const v of e.body) {
      if (v.kind !== 'enumValue' || !v.number) continue;
      values.push(new BuiltEnumValue(own(v.name.text), v.number.value, v.span, v.name.span, v.number.span));
    }
    const reserved = reservedOf(e.body, ENUM_MAX, own);
    const enumType = feature(chain, 'enum_type');
    const names = namesOf(scopeName, e.name.text);
    return {
      file,
      parent,
      name: names.name,
      fullName: names.fullName,
      nestedName: names.nestedName,
      span: e.span,
      nameSpan: e.name.span,
      values: orNone(values),
      reservedRanges: reserved.ranges,
      reservedNames: reserved.names,
      closed: editions ? enumType === 'CLOSED' : syntax === 'proto2',
      enumTypeSpan: editions ? ownFeature(ownOptions, 'enum_type')?.span : undefined,
      bodyInsert: bodyInsertOf(text, e.body, e.span, e.name.span),
      jsonFormat: jsonFormatOf(chain),
      jsonFormatSpan: editions ? ownFeature(ownOptions, 'json_format')?.span : undefined,
    };
  };

  const buildExtend = (x: ExtendDecl, scopeName: string, scope: Scope, message: ImageMessage | undefined, out: ImageField[], nestedOut: ImageMessage[]) => {
    const extendee = { ref: x.extendee, scope: scopeName };
    for (const f of x.body) {
      if (f.kind === 'field') {
        const made = plainField(f, { message, scopeName, scope, extendee });
        if (made) out.push(made);
      } else if (f.kind === 'group') {
        const made = groupField(f, { message, scopeName, scope, extendee }, scope, nestedOut);
        if (made) out.push(made);
      }
    }
  };

  const plainField = (f: FieldDecl, ctx: FieldContext): ImageField | undefined => {
    if (!f.number) return undefined;
    return makeField(ctx, {
      name: f.name?.text ?? '',
      numberLit: f.number,
      label: f.label,
      type: typeOf(f.type, ctx.message?.fullName ?? ctx.scopeName),
      typeSpan: f.type.span,
      isMap: false,
      options: f.options,
      span: f.span,
      nameSpan: f.name?.span ?? f.type.span,
    });
  };

  /** A group declares a field (lowercased name) and a message of its own. */
  const groupField = (g: GroupDecl, ctx: FieldContext, messageScope: Scope, nestedOut: ImageMessage[]): ImageField | undefined => {
    if (!g.name) return undefined;
    const groupScopeName = ctx.message ? ctx.message.fullName : packageName;
    const msg = buildMessage(g, groupScopeName, messageScope, ctx.message);
    if (msg) nestedOut.push(msg);
    if (!g.number) return undefined;
    return makeField(ctx, {
      name: g.name.text.toLowerCase(),
      numberLit: g.number,
      label: g.label,
      type: { kind: 'group', typeName: msg?.fullName },
      typeSpan: g.keywordSpan,
      isMap: false,
      options: g.options,
      span: g.span,
      nameSpan: g.name.span,
    });
  };

  const buildMessage = (m: MessageDecl | GroupDecl, scopeName: string, scope: Scope, parent: ImageMessage | undefined): ImageMessage | undefined => {
    if (!m.name) return undefined;
    const ownOptions = m.body.filter((x): x is OptionDecl => x.kind === 'option');
    const chain: Scope = [...scope, ownOptions];
    const names = namesOf(scopeName, m.name.text);
    const fullName = names.fullName;
    const fields: ImageField[] = [];
    const oneofs: ImageOneof[] = [];
    const messages: ImageMessage[] = [];
    const enums: ImageEnum[] = [];
    const extensions: ImageField[] = [];
    const messageSetWireFormat = constantIdent(optionNamed(ownOptions, 'message_set_wire_format')?.value) === 'true';
    const max = messageSetWireFormat ? MESSAGE_SET_MAX : MESSAGE_MAX;
    const reserved = reservedOf(m.body, max, own);
    const extensionRanges: ImageRange[] = [];
    for (const el of m.body) if (el.kind === 'extensions') extensionRanges.push(...rangesOf(el.ranges, max));
    const nsda = optionNamed(ownOptions, 'no_standard_descriptor_accessor');
    const msg: ImageMessage = {
      file,
      parent,
      name: names.name,
      fullName,
      nestedName: names.nestedName,
      span: m.span,
      nameSpan: m.name.span,
      fields,
      oneofs,
      messages,
      enums,
      extensions,
      reservedRanges: reserved.ranges,
      reservedNames: reserved.names,
      extensionRanges: orNone(extensionRanges),
      isMapEntry: false,
      isGroup: m.kind === 'group',
      messageSetWireFormat,
      noStandardDescriptorAccessor: nsda?.value ? { value: constantIdent(nsda.value) === 'true', span: nsda.span } : undefined,
      jsonFormat: jsonFormatOf(chain),
      jsonFormatSpan: editions ? ownFeature(ownOptions, 'json_format')?.span : undefined,
      bodyInsert: bodyInsertOf(text, m.body, m.span, m.name.span),
    };
    const synthetic: ImageOneof[] = [];
    const ctx: FieldContext = { message: msg, scopeName: fullName, scope: chain };
    const visit = (el: MessageElement) => {
      switch (el.kind) {
        case 'field': {
          let fieldCtx = ctx;
          if (syntax === 'proto3' && el.label?.value === 'optional' && el.name) {
            const oneof: ImageOneof = { name: own(`_${el.name.text}`), synthetic: true, span: el.span, nameSpan: el.name.span };
            synthetic.push(oneof);
            fieldCtx = { ...ctx, oneof };
          }
          const f = plainField(el, fieldCtx);
          if (f) fields.push(f);
          break;
        }
        case 'mapField': {
          const entry = mapField(el, msg, chain);
          if (entry) {
            messages.push(entry.message);
            fields.push(entry.field);
          }
          break;
        }
        case 'group': {
          const f = groupField(el, ctx, chain, messages);
          if (f) fields.push(f);
          break;
        }
        case 'oneof':
          oneofMembers(el, ctx, chain, fields, oneofs, messages);
          break;
        case 'message': {
          const nestedMsg = buildMessage(el, fullName, chain, msg);
          if (nestedMsg) messages.push(nestedMsg);
          break;
        }
        case 'enum': {
          const en = buildEnum(el, fullName, chain, msg);
          if (en) enums.push(en);
          break;
        }
        case 'extend':
          buildExtend(el, fullName, chain, msg, extensions, messages);
          break;
        default:
          break;
      }
    };
    for (const el of m.body) visit(el);
    oneofs.push(...synthetic);
    const built = msg as Mutable<ImageMessage>;
    built.fields = orNone(fields);
    built.oneofs = orNone(oneofs);
    built.messages = orNone(messages);
    built.enums = orNone(enums);
    built.extensions = orNone(extensions);
    return msg;
  };

  const oneofMembers = (
    o: OneofDecl,
    ctx: FieldContext,
    chain: Scope,
    fields: ImageField[],
    oneofs: ImageOneof[],
    messages: ImageMessage[],
  ) => {
    const ownOptions = o.body.filter((x): x is OptionDecl => x.kind === 'option');
    const oneof: ImageOneof = { name: own(o.name?.text ?? ''), synthetic: false, span: o.span, nameSpan: o.name?.span ?? o.span };
    oneofs.push(oneof);
    const memberCtx: FieldContext = { ...ctx, oneof, scope: [...chain, ownOptions] };
    for (const el of o.body) {
      if (el.kind === 'field') {
        const f = plainField(el, memberCtx);
        if (f) fields.push(f);
      } else if (el.kind === 'group') {
        const f = groupField(el, memberCtx, chain, messages);
        if (f) fields.push(f);
      }
    }
  };

  /** A map field is a repeated field of a synthesized entry message with `key = 1` and `value = 2`. */
  const mapField = (f: MapFieldDecl, parent: ImageMessage, chain: Scope): { field: ImageField; message: ImageMessage } | undefined => {
    if (!f.name || !f.number) return undefined;
    const names = namesOf(parent.fullName, mapEntryName(f.name.text));
    const entryFullName = names.fullName;
    const entryFields: ImageField[] = [];
    const entry: ImageMessage = {
      file,
      parent,
      name: names.name,
      fullName: entryFullName,
      nestedName: names.nestedName,
      span: f.span,
      nameSpan: f.typeSpan,
      fields: entryFields,
      oneofs: NONE,
      messages: NONE,
      enums: NONE,
      extensions: NONE,
      reservedRanges: NONE,
      reservedNames: NONE,
      extensionRanges: NONE,
      isMapEntry: true,
      isGroup: false,
      messageSetWireFormat: false,
      jsonFormat: parent.jsonFormat,
    };
    // The entry's fields take their features from the map field, and point at `map<K, V>`.
    const entryCtx: FieldContext = { message: entry, scopeName: entryFullName, scope: [...chain, f.options] };
    const part = (name: string, n: number, ref: TypeRef | undefined) =>
      makeField(entryCtx, {
        name,
        numberLit: { value: n, span: f.typeSpan },
        type: typeOf(ref, parent.fullName),
        typeSpan: f.typeSpan,
        isMap: false,
        options: [],
        span: f.typeSpan,
        nameSpan: f.typeSpan,
      });
    entryFields.push(part('key', 1, f.keyType), part('value', 2, f.valueType));
    const field = makeField(
      { message: parent, scopeName: parent.fullName, scope: chain },
      {
        name: f.name.text,
        numberLit: f.number,
        type: { kind: 'message', typeName: entryFullName },
        typeSpan: f.typeSpan,
        isMap: true,
        options: f.options,
        span: f.span,
        nameSpan: f.name.span,
      },
    );
    return { field, message: entry };
  };

  const buildService = (s: ServiceDecl): ImageService | undefined => {
    if (!s.name) return undefined;
    const names = namesOf(packageName, s.name.text);
    const fullName = names.fullName;
    const methods: ImageMethod[] = [];
    const service: ImageService = { file, name: names.name, fullName, span: s.span, nameSpan: s.name.span, methods };
    for (const r of s.body) {
      if (r.kind !== 'rpc' || !r.name) continue;
      const idem = stringOption(r.options, 'idempotency_level');
      const level: IdempotencyLevel = idem?.value === 'NO_SIDE_EFFECTS' || idem?.value === 'IDEMPOTENT' ? idem.value : 'IDEMPOTENCY_UNKNOWN';
      const method: Mutable<ImageMethod> = {
        service,
        name: own(r.name.text),
        inputType: '',
        outputType: '',
        inputSpan: r.input?.span ?? r.name.span,
        outputSpan: r.output?.span ?? r.name.span,
        clientStreaming: r.inputStream !== undefined,
        clientStreamingSpan: r.inputStream,
        serverStreaming: r.outputStream !== undefined,
        serverStreamingSpan: r.outputStream,
        idempotencyLevel: level,
        idempotencySpan: idem?.span,
        span: r.span,
        nameSpan: r.name.span,
      };
      laterName(r.input, fullName, (name) => (method.inputType = name));
      laterName(r.output, fullName, (name) => (method.outputType = name));
      methods.push(method);
    }
    return service;
  };

  const fileScope: Scope = [fileOptions];
  for (const d of ast.body) {
    switch (d.kind) {
      case 'message': {
        const m = buildMessage(d, packageName, fileScope, undefined);
        if (m) messages.push(m);
        break;
      }
      case 'enum': {
        const e = buildEnum(d, packageName, fileScope, undefined);
        if (e) enums.push(e);
        break;
      }
      case 'service': {
        const s = buildService(d);
        if (s) services.push(s);
        break;
      }
      case 'extend':
        buildExtend(d, packageName, fileScope, undefined, extensions, messages);
        break;
      default:
        break;
    }
  }
  const built = file as Mutable<ImageFile>;
  built.messages = orNone(messages);
  built.enums = orNone(enums);
  built.services = orNone(services);
  built.extensions = orNone(extensions);
  return file;
}
