/**
 * Completion in .avdl files. The statement under the cursor is usually incomplete, so the
 * context comes from the tokens before the cursor: a stack of the brackets they open (protocol,
 * record, enum, union, `<...>`, message parameters, annotations) and the last token. Then:
 * - at a statement start: the keywords of the file, protocol or schema level, or the types a
 *   record field can have;
 * - where a type goes (fields, `array<`, `map<`, `union {`, parameters, after `schema`): primitive
 *   and logical type keywords, `decimal(p, s)`, templates, and the named types the file sees;
 * - after `@`: the annotations; after `import`: idl, protocol, schema; after `throws`: errors;
 * - after `=`: enum symbols (an enum's default, or a field of enum type), null, true/false, zero.
 */
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type Range } from 'vscode-languageserver-types';
import type { AvroFile, EnumSchema, Field } from '../../core/avro/ast';
import { splitFullName } from '../../core/avro/names';
import { lexIdl, type Token } from '../../core/avro/idl/lexer';
import { walkFile } from '../../core/avro/walk';
import type { LineIndex } from '../../core/text/lineIndex';
import { namedChoices, namedDetail } from './completionItems';
import { namespaceAt } from './nodeAt';
import { resolverFor, type AvroProject } from './project';
import { LOGICAL_DOCS, PRIMITIVE_DOCS, typeText } from './typeText';
import { enumOf, zeroValue } from './values';

type Context = 'protocol' | 'record' | 'enum' | 'union' | 'angle' | 'params' | 'annotation' | 'paren' | 'json';

const PRIMITIVES = ['boolean', 'int', 'long', 'float', 'double', 'bytes', 'string', 'null'];
const LOGICAL_KEYWORDS: Record<string, string> = {
  date: 'date',
  time_ms: 'time-millis',
  timestamp_ms: 'timestamp-millis',
  local_timestamp_ms: 'local-timestamp-millis',
  uuid: 'uuid',
};

interface Scan {
  readonly stack: Context[];
  /** The last token before the word at the cursor. */
  readonly prev?: Token;
  readonly prevIndex: number;
  /** The identifier the cursor is in or right after, if any: it is replaced. */
  readonly word?: Token;
  /** The context the last `)` or `}` before the cursor closed. */
  readonly closed?: Context;
  readonly tokens: readonly Token[];
}

function scan(text: string, offset: number): Scan {
  const tokens = lexIdl(text).tokens;
  const stack: Context[] = [];
  let closed: Context | undefined;
  let word: Token | undefined;
  let prevIndex = -1;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind === 'eof' || t.span.start >= offset) break;
    if (t.kind === 'ident' && t.span.end >= offset) {
      word = t;
      break;
    }
    if (t.kind === 'string' && t.span.end > offset) break;
    prevIndex = i;
    closed = undefined;
    if (t.kind !== 'symbol') continue;
    const before = tokens[i - 1];
    const before2 = tokens[i - 2];
    switch (t.text) {
      case '{':
        if (before?.kind === 'ident' && before.value === 'union' && !before.escaped) stack.push('union');
        else if (before2?.kind === 'ident' && (before2.value === 'record' || before2.value === 'error')) stack.push('record');
        else if (before2?.kind === 'ident' && before2.value === 'enum') stack.push('enum');
        else if (before2?.kind === 'ident' && before2.value === 'protocol') stack.push('protocol');
        else stack.push('json');
        break;
      case '(':
        if (before?.kind === 'ident' && before2?.text === '@') stack.push('annotation');
        else if (before?.kind === 'ident' && before.value === 'decimal') stack.push('paren');
        else if (before?.kind === 'ident' && before2?.kind === 'ident' && before2.value === 'fixed') stack.push('paren');
        else if (before?.kind === 'ident' && stack[stack.length - 1] === 'protocol') stack.push('params');
        else stack.push('paren');
        break;
      case '[':
        stack.push('json');
        break;
      case '<':
        stack.push('angle');
        break;
      case '}':
      case ')':
      case ']':
      case '>':
        closed = stack.pop();
        break;
      default:
        break;
    }
  }
  // `com.acme.|`: the lexer ends the identifier before a dot with nothing after it.
  const dot = tokens[prevIndex];
  const qualifier = tokens[prevIndex - 1];
  if (!word && dot?.text === '.' && dot.span.end === offset && qualifier?.kind === 'ident' && qualifier.span.end === dot.span.start) {
    word = { ...qualifier, text: `${qualifier.text}.`, value: `${qualifier.value}.`, span: { start: qualifier.span.start, end: offset } };
    prevIndex -= 2;
  }
  return { stack, prev: prevIndex >= 0 ? tokens[prevIndex] : undefined, prevIndex, word, closed, tokens };
}

export function idlCompletion(project: AvroProject, uri: string, file: AvroFile, index: LineIndex, offset: number): CompletionItem[] {
  const s = scan(file.text, offset);
  const range = index.rangeOf(s.word ? { start: s.word.span.start, end: s.word.span.end } : { start: offset, end: offset });
  const top = s.stack[s.stack.length - 1];
  const prev = s.prev;
  const atStatementStart = !prev || prev.text === '{' || prev.text === ';' || prev.text === '}' || (prev.text === ')' && s.closed === 'annotation');
  const types = () => typeItems(project, uri, file, offset, range);

  if (prev?.text === '@') return annotationItems(range);
  if (prev?.kind === 'ident' && prev.value === 'import') return ['idl', 'protocol', 'schema'].map((w) => keyword(w, `${w} "$1";`, range, `import ${w === 'idl' ? 'an IDL file' : w === 'protocol' ? 'a JSON protocol (.avpr)' : 'a JSON schema (.avsc)'}`));
  if (prev?.kind === 'ident' && prev.value === 'namespace' && !top) return namespaceItems(project, range);
  if (prev?.kind === 'ident' && prev.value === 'schema' && !top) return types();
  if (top === 'annotation' || top === 'json' || top === 'enum' || top === 'paren') return [];
  if (throwsBefore(s)) return errorItems(project, uri, file, offset, range);
  if (prev?.text === '=') return defaultItems(project, uri, file, s, range);
  if ((top === 'union' || top === 'angle' || top === 'params') && (prev?.text === '{' || prev?.text === ',' || prev?.text === '<' || prev?.text === '(')) return types();
  if (!atStatementStart) return [];
  switch (top) {
    case 'record':
      return types();
    case 'protocol':
      return [...declarationKeywords(range, true), keyword('void', 'void', range, 'a message without a response', '1void'), ...types()];
    case undefined:
      if (file.protocol && offset > file.protocol.span.start) return [];
      return topItems(file, range);
    default:
      return [];
  }
}

/** Whether the cursor is in a `throws` list: `throws A, |`. */
function throwsBefore(s: Scan): boolean {
  for (let i = s.prevIndex; i >= 0; i--) {
    const t = s.tokens[i]!;
    if (t.kind === 'ident' && t.value === 'throws') return i === s.prevIndex || s.tokens[s.prevIndex]!.text === ',';
    if (t.text === ';' || t.text === '{' || t.text === '}' || t.text === ')') return false;
  }
  return false;
}

function keyword(label: string, snippet: string, range: Range, detail: string, sortText = `0${label}`): CompletionItem {
  return { label, kind: CompletionItemKind.Keyword, detail, sortText, insertTextFormat: InsertTextFormat.Snippet, textEdit: { range, newText: snippet } };
}

function declarationKeywords(range: Range, inProtocol: boolean): CompletionItem[] {
  return [
    keyword('record', 'record ${1:Name} {\n\t$0\n}', range, 'a record type'),
    keyword('enum', 'enum ${1:Name} {\n\t$0\n}', range, 'an enum type'),
    keyword('fixed', 'fixed ${1:Name}(${2:16});', range, 'a fixed-size byte type'),
    keyword('error', 'error ${1:Name} {\n\t$0\n}', range, 'an error type that messages throw'),
    keyword('import', 'import ${1|idl,protocol,schema|} "$2";', range, inProtocol ? 'import the types of another file' : 'import another file'),
  ];
}

function topItems(file: AvroFile, range: Range): CompletionItem[] {
  const out: CompletionItem[] = [];
  const hasBody = file.types.length > 0 || file.schema !== undefined || file.imports.length > 0;
  if (!hasBody && !file.namespace) out.push(keyword('protocol', 'protocol ${1:Name} {\n\t$0\n}', range, 'a protocol: types and messages'));
  if (!hasBody && !file.namespace) out.push(keyword('namespace', 'namespace ${1:com.example};', range, 'the namespace of the types in this file'));
  if (!file.schema && file.types.length === 0) out.push(keyword('schema', 'schema ${1:Type};', range, 'the main schema of this file'));
  out.push(...declarationKeywords(range, false));
  return out;
}

function annotationItems(range: Range): CompletionItem[] {
  const a = (label: string, snippet: string, detail: string): CompletionItem => ({
    label,
    kind: CompletionItemKind.Property,
    detail,
    insertTextFormat: InsertTextFormat.Snippet,
    textEdit: { range, newText: snippet },
  });
  return [
    a('namespace', 'namespace("$1")', 'the namespace of a protocol or named type'),
    a('aliases', 'aliases(["$1"])', 'former names of a type or field'),
    a('order', 'order("${1|ascending,descending,ignore|}")', 'how a field sorts'),
    a('logicalType', 'logicalType("$1")', 'the logical type of the annotated type'),
  ];
}

function typeItems(project: AvroProject, uri: string, file: AvroFile, offset: number, range: Range): CompletionItem[] {
  const out: CompletionItem[] = [];
  PRIMITIVES.forEach((p, i) => out.push({ label: p, kind: CompletionItemKind.Keyword, detail: PRIMITIVE_DOCS[p], sortText: `0${i}`, textEdit: { range, newText: p } }));
  for (const [kw, logical] of Object.entries(LOGICAL_KEYWORDS)) {
    out.push({ label: kw, kind: CompletionItemKind.Keyword, detail: `${logical}: ${LOGICAL_DOCS[logical]}`, sortText: `1${kw}`, textEdit: { range, newText: kw } });
  }
  const snippet = (label: string, body: string, detail: string, sort: string) =>
    out.push({ label, kind: CompletionItemKind.Snippet, detail, sortText: sort, insertTextFormat: InsertTextFormat.Snippet, textEdit: { range, newText: body } });
  snippet('decimal', 'decimal(${1:10}, ${2:2})', LOGICAL_DOCS.decimal!, '1decimal');
  snippet('array', 'array<$1>', 'an array', '2array');
  snippet('map', 'map<$1>', 'a map with string keys', '2map');
  snippet('union', 'union { ${1:null}, $2 }', 'one of several types', '2union');
  const ns = namespaceAt(file, offset);
  for (const c of namedChoices(project.scope(uri), ns, 'avdl')) {
    const kind = c.schema.kind === 'enum' ? CompletionItemKind.Enum : c.schema.kind === 'record' ? CompletionItemKind.Struct : CompletionItemKind.Class;
    out.push({ label: c.text, kind, detail: namedDetail(c), documentation: c.schema.doc?.text, sortText: `3${c.text}`, textEdit: { range, newText: c.text } });
  }
  return out;
}

function errorItems(project: AvroProject, uri: string, file: AvroFile, offset: number, range: Range): CompletionItem[] {
  return namedChoices(project.scope(uri), namespaceAt(file, offset), 'avdl')
    .filter((c) => c.schema.kind === 'record' && c.schema.error)
    .map((c) => ({ label: c.text, kind: CompletionItemKind.Struct, detail: namedDetail(c), textEdit: { range, newText: c.text } }));
}

function namespaceItems(project: AvroProject, range: Range): CompletionItem[] {
  const seen = new Set<string>();
  for (const n of project.registry.names()) {
    const ns = splitFullName(n).namespace;
    if (ns) seen.add(ns);
  }
  return [...seen].sort().map((ns) => ({ label: ns, kind: CompletionItemKind.Module, textEdit: { range, newText: ns } }));
}

function defaultItems(project: AvroProject, uri: string, file: AvroFile, s: Scan, range: Range): CompletionItem[] {
  const before = s.tokens[s.prevIndex - 1];
  if (!before) return [];
  if (before.text === '}') {
    // `enum E { A, B } = |`: the default is a bare symbol.
    let target: EnumSchema | undefined;
    walkFile(file, {
      schema(x) {
        if (x.kind === 'enum' && x.symbolsSpan?.end === before.span.end) target = x;
      },
    });
    return target ? target.symbols.map((sym) => ({ label: sym.text, kind: CompletionItemKind.EnumMember, textEdit: { range, newText: sym.text } })) : [];
  }
  let field: Field | undefined;
  walkFile(file, {
    field(f) {
      if (f.name?.span.start === before.span.start) field = f;
    },
  });
  if (!field?.type) return [];
  const resolve = resolverFor(project, uri);
  const out: CompletionItem[] = [];
  const zero = zeroValue(field.type, resolve);
  if (zero !== undefined) out.push({ label: zero, kind: CompletionItemKind.Value, detail: `a default for ${typeText(field.type, resolve)}`, sortText: '0', preselect: true, textEdit: { range, newText: zero } });
  const e = enumOf(field.type, resolve);
  if (e) {
    for (const sym of e.symbols) {
      const value = JSON.stringify(sym.text);
      if (value !== zero) out.push({ label: value, kind: CompletionItemKind.EnumMember, sortText: `1${sym.text}`, textEdit: { range, newText: value } });
    }
  }
  const first = field.type.kind === 'union' ? field.type.branches[0] : field.type;
  const t = first?.kind === 'reference' ? resolve(first) : first;
  if (t?.kind === 'primitive' && t.type === 'boolean') {
    for (const b of ['true', 'false']) if (b !== zero) out.push({ label: b, kind: CompletionItemKind.Value, textEdit: { range, newText: b } });
  }
  return out;
}
