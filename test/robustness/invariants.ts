/**
 * What must hold for any answer to any input: core diagnostics with valid spans and messages, LSP
 * ranges inside the documents they name, semantic tokens inside their lines, document symbols whose
 * selection lies in their range (VS Code rejects the whole answer otherwise), edits that do not
 * overlap. Each failed check becomes one line naming the input, so a run reports every problem
 * at once instead of stopping at the first.
 */
import type {
  CodeAction,
  Diagnostic as LspDiagnostic,
  CompletionList,
  DocumentSymbol,
  FoldingRange,
  Hover,
  Location,
  LocationLink,
  Range,
  SymbolInformation,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver-types';
import type { Diagnostic } from '../../server/src/core/diagnostics/diagnostic';
import type { GeneratedFile } from '../../server/src/core/codegen/index';
import { LineIndex } from '../../server/src/core/text/lineIndex';
import { toLspDiagnostics } from '../../server/src/service/toLsp';
import type { Span } from '../../server/src/core/text/span';

/** Looks up the text of a document a result points into; undefined for a document nobody has. */
export type Texts = (uri: string) => string | undefined;

const MAX_PROBLEMS = 200;

export class Problems {
  readonly list: string[] = [];
  /** Which input and variant the checks are about; set before each unit of work. */
  where = '';
  private readonly indexes = new Map<string, { text: string; index: LineIndex }>();

  constructor(private readonly texts: Texts) {}

  /** Forgets the documents seen so far (their texts and line indexes), when their project goes. */
  forgetDocuments(): void {
    this.indexes.clear();
  }

  add(message: string): void {
    if (this.list.length < MAX_PROBLEMS) this.list.push(`${this.where}: ${message}`);
  }

  /** Runs one stage; a throw is a problem (the stages promise never to throw on any input). */
  run<T>(stage: string, fn: () => T): T | undefined {
    try {
      return fn();
    } catch (e) {
      this.add(`${stage} threw ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      return undefined;
    }
  }

  private index(uri: string): LineIndex | undefined {
    const text = this.texts(uri);
    if (text === undefined) return undefined;
    const cached = this.indexes.get(uri);
    if (cached && cached.text === text) return cached.index;
    const index = new LineIndex(text);
    this.indexes.set(uri, { text, index });
    return index;
  }

  span(what: string, s: Span, length: number): void {
    if (!(Number.isInteger(s.start) && Number.isInteger(s.end) && 0 <= s.start && s.start <= s.end && s.end <= length)) {
      this.add(`${what}: span ${s.start}-${s.end} outside [0, ${length}]`);
    }
  }

  /** Core diagnostics of a text: valid spans (related ones inside their files), a code, and a house-style message. */
  diagnostics(what: string, diags: readonly Diagnostic[], text: string, uri: string): void {
    for (const d of diags) {
      this.span(`${what} ${d.code}`, d.span, text.length);
      if (typeof d.code !== 'string' || !/^[A-Za-z0-9_/.-]+$/.test(d.code)) this.add(`${what}: bad code ${JSON.stringify(d.code)}`);
      if (typeof d.message !== 'string' || d.message.length === 0 || d.message.endsWith('.')) this.add(`${what} ${d.code}: bad message ${JSON.stringify(d.message)}`);
      for (const r of d.related ?? []) {
        const t = r.uri === uri ? text : this.texts(r.uri);
        if (t === undefined) this.add(`${what} ${d.code}: related information in unknown ${r.uri}`);
        else this.span(`${what} ${d.code} related`, r.span, t.length);
      }
      for (const fix of d.fixes ?? []) {
        for (const e of fix.edits) {
          const t = e.uri === undefined || e.uri === uri ? text : this.texts(e.uri);
          if (t === undefined) this.add(`${what} ${d.code} fix: edit in unknown ${e.uri}`);
          else this.span(`${what} ${d.code} fix "${fix.title}"`, e.span, t.length);
        }
      }
    }
  }

  /** `diags` as the server publishes them, each range and related location checked; for code actions. */
  published(diags: readonly Diagnostic[], text: string, uri: string, textOf: Texts): LspDiagnostic[] {
    const lsp = this.run('diagnostics to LSP', () => toLspDiagnostics(diags, text, uri, textOf)) ?? [];
    for (const d of lsp) {
      this.range(`LSP diagnostic ${String(d.code)}`, uri, d.range);
      for (const r of d.relatedInformation ?? []) this.range(`LSP diagnostic ${String(d.code)} related`, r.location.uri, r.location.range);
    }
    return lsp;
  }

  range(what: string, uri: string, r: Range | undefined): void {
    if (!r) return this.add(`${what}: no range`);
    const index = this.index(uri);
    if (!index) return this.add(`${what}: range in unknown document ${uri}`);
    const ok = (p: { line: number; character: number }) =>
      Number.isInteger(p.line) &&
      Number.isInteger(p.character) &&
      p.line >= 0 &&
      p.line < index.lineCount &&
      p.character >= 0 &&
      p.character <= index.lineEnd(p.line) - index.lineStart(p.line);
    const before = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
    if (!ok(r.start) || !ok(r.end) || !before(r.start, r.end)) this.add(`${what}: range ${JSON.stringify(r)} outside ${uri} (${index.lineCount} lines) or inverted`);
  }

  /** `inner` lies within `outer`. */
  within(what: string, inner: Range, outer: Range): void {
    const le = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
    if (!le(outer.start, inner.start) || !le(inner.end, outer.end)) this.add(`${what}: ${JSON.stringify(inner)} not within ${JSON.stringify(outer)}`);
  }

  /** Edits to one document: inside it and not overlapping, as LSP requires. */
  edits(what: string, uri: string, edits: readonly TextEdit[]): void {
    for (const e of edits) {
      this.range(what, uri, e.range);
      if (typeof e.newText !== 'string') this.add(`${what}: edit without text`);
    }
    const index = this.index(uri);
    if (!index || edits.length < 2) return;
    const spans = edits.map((e) => index.spanOf(e.range)).sort((a, b) => a.start - b.start || a.end - b.end);
    for (let i = 1; i < spans.length; i++) {
      if (spans[i]!.start < spans[i - 1]!.end) this.add(`${what}: overlapping edits at ${spans[i - 1]!.start}-${spans[i - 1]!.end} and ${spans[i]!.start}-${spans[i]!.end} of ${uri}`);
    }
  }

  workspaceEdit(what: string, edit: WorkspaceEdit | undefined): void {
    if (!edit) return;
    for (const [uri, edits] of Object.entries(edit.changes ?? {})) this.edits(what, uri, edits);
    for (const change of edit.documentChanges ?? []) {
      if ('edits' in change) this.edits(what, change.textDocument.uri, change.edits as TextEdit[]);
    }
  }

  hover(what: string, uri: string, h: Hover | null): void {
    if (!h) return;
    if (h.range) this.range(what, uri, h.range);
    const c = h.contents as { value?: unknown } | string | unknown[];
    const empty = typeof c === 'string' ? c === '' : Array.isArray(c) ? c.length === 0 : typeof c?.value !== 'string';
    if (empty) this.add(`${what}: hover without contents`);
  }

  links(what: string, uri: string, links: readonly LocationLink[]): void {
    for (const l of links) {
      this.range(`${what} target`, l.targetUri, l.targetRange);
      this.range(`${what} target selection`, l.targetUri, l.targetSelectionRange);
      this.within(`${what} target selection`, l.targetSelectionRange, l.targetRange);
      if (l.originSelectionRange) this.range(`${what} origin`, uri, l.originSelectionRange);
    }
  }

  locations(what: string, locations: readonly Location[]): void {
    for (const l of locations) this.range(what, l.uri, l.range);
  }

  completion(what: string, uri: string, list: CompletionList | null): void {
    if (!list) return;
    if (!Array.isArray(list.items)) return this.add(`${what}: no items array`);
    for (const item of list.items) {
      if (typeof item.label !== 'string' || item.label === '') this.add(`${what}: item without a label`);
      const te = item.textEdit;
      if (te) {
        if ('range' in te) this.range(`${what} ${item.label}`, uri, te.range);
        else {
          this.range(`${what} ${item.label} insert`, uri, te.insert);
          this.range(`${what} ${item.label} replace`, uri, te.replace);
        }
      }
      for (const e of item.additionalTextEdits ?? []) this.range(`${what} ${item.label} additional edit`, uri, e.range);
    }
  }

  codeActions(what: string, actions: readonly CodeAction[]): void {
    for (const a of actions) {
      if (typeof a.title !== 'string' || a.title === '') this.add(`${what}: action without a title`);
      this.workspaceEdit(`${what} "${a.title}"`, a.edit);
    }
  }

  documentSymbols(what: string, uri: string, symbols: readonly DocumentSymbol[]): void {
    for (const s of symbols) {
      if (typeof s.name !== 'string' || s.name.trim() === '') this.add(`${what}: symbol with an empty name (VS Code rejects it)`);
      this.range(`${what} ${s.name}`, uri, s.range);
      this.range(`${what} ${s.name} selection`, uri, s.selectionRange);
      this.within(`${what} ${s.name} selection`, s.selectionRange, s.range);
      if (s.children) {
        for (const c of s.children) this.within(`${what} ${s.name} > ${c.name}`, c.range, s.range);
        this.documentSymbols(what, uri, s.children);
      }
    }
  }

  workspaceSymbols(what: string, symbols: readonly SymbolInformation[]): void {
    for (const s of symbols) {
      if (typeof s.name !== 'string' || s.name === '') this.add(`${what}: symbol with an empty name`);
      this.range(`${what} ${s.name}`, s.location.uri, s.location.range);
    }
  }

  folding(what: string, uri: string, ranges: readonly FoldingRange[]): void {
    const index = this.index(uri);
    if (!index) return;
    for (const f of ranges) {
      if (!(Number.isInteger(f.startLine) && Number.isInteger(f.endLine) && 0 <= f.startLine && f.startLine <= f.endLine && f.endLine < index.lineCount)) {
        this.add(`${what}: folding range ${f.startLine}-${f.endLine} outside ${index.lineCount} lines`);
      }
    }
  }

  /** LSP-encoded tokens: five numbers each, every token on one line and inside it, a known type. */
  semanticTokens(what: string, uri: string, data: readonly number[], typeCount: number): void {
    const index = this.index(uri);
    if (!index) return;
    if (data.length % 5 !== 0) return this.add(`${what}: ${data.length} numbers, not a multiple of 5`);
    let line = 0;
    let char = 0;
    for (let i = 0; i < data.length; i += 5) {
      const [dl, dc, len, type] = [data[i]!, data[i + 1]!, data[i + 2]!, data[i + 3]!];
      if (dl < 0 || dc < 0 || len <= 0) return this.add(`${what}: token ${i / 5} has delta ${dl}:${dc} and length ${len}`);
      line += dl;
      char = dl === 0 ? char + dc : dc;
      if (line >= index.lineCount || char + len > index.lineEnd(line) - index.lineStart(line) || type >= typeCount) {
        return this.add(`${what}: token ${i / 5} at ${line}:${char} (length ${len}, type ${type}) outside its line or legend`);
      }
    }
  }

  /** Formatting edits only change white space: the text's other characters stay, in order. */
  formatting(what: string, uri: string, text: string, edits: readonly TextEdit[]): void {
    this.edits(what, uri, edits);
    if (edits.length === 0) return;
    const index = new LineIndex(text);
    const spans = edits.map((e) => ({ span: index.spanOf(e.range), newText: e.newText })).sort((a, b) => a.span.start - b.span.start);
    const parts: string[] = [];
    let at = 0;
    for (const e of spans) {
      parts.push(text.slice(at, e.span.start), e.newText);
      at = Math.max(at, e.span.end);
    }
    parts.push(text.slice(at));
    const out = parts.join('');
    const ink = (s: string) => s.replace(/\s+/g, '');
    if (ink(out) !== ink(text)) this.add(`${what}: formatting changed more than white space`);
  }

  generated(what: string, files: readonly GeneratedFile[]): void {
    const paths = new Set<string>();
    for (const f of files) {
      if (typeof f.path !== 'string' || f.path === '' || f.path.startsWith('/') || f.path.split('/').includes('..')) this.add(`${what}: bad path ${JSON.stringify(f.path)}`);
      if (paths.has(f.path)) this.add(`${what}: ${f.path} generated twice`);
      paths.add(f.path);
      if (typeof f.text !== 'string' || (f.sourceUri !== undefined && !f.text.startsWith('// Code generated by event-schemas. DO NOT EDIT.'))) {
        this.add(`${what}: ${f.path} lacks the generated header`);
      }
    }
  }
}
