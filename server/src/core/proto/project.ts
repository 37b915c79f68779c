/**
 * The set of .proto files the editor or the CLI works on, and everything derived from them.
 *
 * Invariant: setting one file's text re-parses only that file and drops the derived results
 * (links, diagnostics) of that file and of the files that import it, directly or not. Nothing
 * else is recomputed, and everything is computed lazily on request.
 *
 * The project does no IO. The host adds files (with the import path their root gives them), and
 * asks `unresolvedImports` which imports it should try to load next.
 */
import type { Diagnostic } from '../diagnostics/diagnostic';
import type { Span } from '../text/span';
import type { AnyDecl, ImportDecl, ParseResult, ProtoFile } from './ast';
import { runChecks } from './checks';
import { linkFile, type LinkEnv, type LinkResult, type LinkedFileView } from './link';
import { parseProto, type ParseOptions } from './parser';
import type { SymbolIndex } from './resolve';
import { collectSymbols, type FileSymbols, type ProtoSymbol, type SymbolKind } from './symbols';

export interface ProtoFileInput {
  readonly uri: string;
  /** The path other files import this one by, relative to its import root, e.g. `acme/orders/v1/orders.proto`. */
  readonly importPath: string;
  readonly text: string;
}

export interface SetFileOptions {
  /**
   * A file the user is not looking at (indexed in the background, or only imported): its tree
   * is dropped once its symbols are known, and parsed again when something reads it. Its symbols
   * stay the same objects throughout.
   */
  readonly cold?: boolean;
}

export interface ProtoFileState extends LinkedFileView {
  readonly text: string;
  readonly parse: ParseResult;
  readonly symbols: FileSymbols;
}

/** How many cold files may keep their trees at once, most recently read first. */
const WARM_COLD_FILES = 256;

/**
 * A symbol whose declaration node is fetched from its file on demand, so that a cold file's
 * symbols stay valid (and identical) while its tree comes and goes.
 */
class EntrySymbol implements ProtoSymbol {
  constructor(
    readonly kind: SymbolKind,
    readonly name: string,
    readonly fullName: string,
    readonly uri: string,
    readonly nameSpan: Span,
    readonly span: Span,
    readonly parent: ProtoSymbol | undefined,
    private readonly entry: Entry,
    private readonly position: number,
  ) {}

  get node(): AnyDecl | undefined {
    return this.entry.nodeOf(this.position);
  }
}

class Entry implements ProtoFileState {
  link: LinkResult | undefined = undefined;
  diagnostics: readonly Diagnostic[] | undefined = undefined;
  readonly symbols: FileSymbols;
  readonly imports: readonly ImportDecl[];
  private tree: ParseResult | undefined;
  private nodes: readonly (AnyDecl | undefined)[] | undefined;

  constructor(
    private readonly owner: { readonly parseOptions: ParseOptions; warmed(entry: Entry): void },
    readonly uri: string,
    readonly importPath: string,
    readonly text: string,
    /** Cold files may lose their tree when many cold files were read since. */
    public cold: boolean,
  ) {
    const parse = parseProto(text, owner.parseOptions);
    const nodes: AnyDecl[] = [];
    this.symbols = collectSymbols(uri, parse.ast, (kind, name, fullName, nameSpan, span, node, parent, position) => {
      nodes.push(node);
      return new EntrySymbol(kind, name, fullName, uri, nameSpan, span, parent, this, position);
    });
    this.imports = parse.ast.body.filter((d): d is ImportDecl => d.kind === 'import');
    if (!cold) {
      this.tree = parse;
      this.nodes = nodes;
    }
  }

  get parse(): ParseResult {
    if (!this.tree) {
      const parse = parseProto(this.text, this.owner.parseOptions);
      this.tree = parse;
      const nodes: AnyDecl[] = [];
      collectSymbols(this.uri, parse.ast, (kind, name, fullName, nameSpan, span, node, parent) => {
        nodes.push(node);
        return { kind, name, fullName, uri: this.uri, nameSpan, span, node, parent };
      });
      this.nodes = nodes;
      this.owner.warmed(this);
    }
    return this.tree;
  }

  /** The tree if it is in memory, without parsing. */
  get treeIfWarm(): ParseResult | undefined {
    return this.tree;
  }

  get ast(): ProtoFile {
    return this.parse.ast;
  }

  get isWarm(): boolean {
    return this.tree !== undefined;
  }

  nodeOf(position: number): AnyDecl | undefined {
    if (!this.nodes) void this.parse;
    return this.nodes?.[position];
  }

  /** Drops the tree and what refers into it; the symbols, imports and diagnostics stay. */
  cool(): void {
    this.tree = undefined;
    this.nodes = undefined;
    this.link = undefined;
  }
}

export interface ProtoProjectOptions {
  /** Attach doc comments to declarations (the default); batch checks that never show them turn this off. */
  readonly docs?: boolean;
  /** Keep each file's comments in its tree (the default); see ParseOptions. */
  readonly comments?: boolean;
}

export class ProtoProject implements SymbolIndex {
  private readonly entries = new Map<string, Entry>();
  private readonly byImportPath = new Map<string, string>();
  private readonly index = new Map<string, ProtoSymbol[]>();
  /** Reverse import edges from the latest links: uri -> files that import it. */
  private readonly importers = new Map<string, Set<string>>();
  /** Import paths some file asked for and no file answers yet -> those files. */
  private readonly waiting = new Map<string, Set<string>>();
  /** Cold files whose trees are in memory, least recently warmed first. */
  private readonly warmCold = new Set<Entry>();
  private readonly owner = {
    parseOptions: {} as ParseOptions,
    warmed: (entry: Entry) => {
      if (!entry.cold || !entry.isWarm) return;
      this.warmCold.delete(entry);
      this.warmCold.add(entry);
      if (this.warmCold.size > WARM_COLD_FILES) {
        const oldest = this.warmCold.values().next().value as Entry;
        this.warmCold.delete(oldest);
        oldest.cool();
      }
    },
  };

  constructor(options: ProtoProjectOptions = {}) {
    this.owner.parseOptions = options;
  }

  private readonly env: LinkEnv = {
    index: this,
    resolveImport: (p) => this.byImportPath.get(p),
    file: (uri) => this.entries.get(uri),
  };

  /** Adds or replaces a file. Returns false when the text is unchanged, so nothing was invalidated. */
  setFile(input: ProtoFileInput, options: SetFileOptions = {}): boolean {
    const cold = options.cold === true;
    const old = this.entries.get(input.uri);
    if (old && old.text === input.text && old.importPath === input.importPath) {
      // Same text: at most the temperature changes (a file was opened or closed), and
      // everything derived stays valid.
      if (old.cold !== cold) {
        old.cold = cold;
        if (cold) this.owner.warmed(old);
        else this.warmCold.delete(old);
      }
      return false;
    }
    if (old) this.detach(old);
    const entry = new Entry(this.owner, input.uri, input.importPath, input.text, cold);
    this.entries.set(input.uri, entry);
    this.indexSymbols(entry);
    if (!this.byImportPath.has(input.importPath)) this.byImportPath.set(input.importPath, input.uri);
    this.invalidate(input.uri);
    const waiters = this.waiting.get(input.importPath);
    if (waiters) {
      this.waiting.delete(input.importPath);
      for (const w of waiters) this.invalidate(w);
    }
    return true;
  }

  /**
   * Makes a file cold and drops its tree now, rather than when newer trees push it out: for a
   * caller that reads each file once, in turn, and is done with it. Its symbols and diagnostics
   * stay; its tree is parsed again if anything reads it.
   */
  release(uri: string): void {
    const entry = this.entries.get(uri);
    if (!entry) return;
    entry.cold = true;
    this.warmCold.delete(entry);
    entry.cool();
  }

  removeFile(uri: string): void {
    const old = this.entries.get(uri);
    if (!old) return;
    this.detach(old);
    this.entries.delete(uri);
    this.invalidate(uri);
  }

  has(uri: string): boolean {
    return this.entries.has(uri);
  }

  get(uri: string): ProtoFileState | undefined {
    return this.entries.get(uri);
  }

  uris(): IterableIterator<string> {
    return this.entries.keys();
  }

  get size(): number {
    return this.entries.size;
  }

  uriForImport(importPath: string): string | undefined {
    return this.byImportPath.get(importPath);
  }

  importPaths(): IterableIterator<string> {
    return this.byImportPath.keys();
  }

  lookup(fullName: string): readonly ProtoSymbol[] | undefined {
    return this.index.get(fullName);
  }

  /** Every symbol of every file; for workspace symbol search and completion. */
  *allSymbols(): IterableIterator<ProtoSymbol> {
    for (const list of this.index.values()) yield* list;
  }

  /** Import paths of the file that no file in the project answers yet. */
  unresolvedImports(uri: string): string[] {
    const entry = this.entries.get(uri);
    if (!entry) return [];
    const out: string[] = [];
    for (const d of entry.imports) {
      if (d.path !== undefined && !this.byImportPath.has(d.path)) out.push(d.path);
    }
    return out;
  }

  link(uri: string): LinkResult | undefined {
    const entry = this.entries.get(uri);
    if (!entry) return undefined;
    if (!entry.link) {
      entry.link = linkFile(uri, entry.text, entry.parse.ast, entry.symbols, this.env);
      for (const imp of entry.link.imports) {
        if (imp.uri) {
          let set = this.importers.get(imp.uri);
          if (!set) this.importers.set(imp.uri, (set = new Set()));
          set.add(uri);
        } else if (imp.decl.path !== undefined) {
          let set = this.waiting.get(imp.decl.path);
          if (!set) this.waiting.set(imp.decl.path, (set = new Set()));
          set.add(uri);
        }
      }
    }
    return entry.link;
  }

  /** Syntax, resolution and semantic diagnostics of one file. */
  diagnostics(uri: string): readonly Diagnostic[] {
    const entry = this.entries.get(uri);
    if (!entry) return [];
    if (!entry.diagnostics) {
      const link = this.link(uri)!;
      entry.diagnostics = [
        ...entry.parse.diagnostics,
        ...link.diagnostics,
        ...runChecks({ uri, text: entry.text, ast: entry.parse.ast, symbols: entry.symbols, link, project: this, env: this.env }),
      ];
    }
    return entry.diagnostics;
  }

  /** Files that import `uri`, directly or through other files, as far as the links computed so far know. */
  dependents(uri: string): Set<string> {
    const out = new Set<string>();
    const queue = [uri];
    while (queue.length) {
      for (const imp of this.importers.get(queue.pop()!) ?? []) {
        if (!out.has(imp)) {
          out.add(imp);
          queue.push(imp);
        }
      }
    }
    return out;
  }

  private indexSymbols(entry: Entry): void {
    for (const sym of entry.symbols.all) {
      const list = this.index.get(sym.fullName);
      if (list) list.push(sym);
      else this.index.set(sym.fullName, [sym]);
    }
  }

  private unindex(old: Entry): void {
    for (const sym of old.symbols.all) {
      const list = this.index.get(sym.fullName);
      if (!list) continue;
      const i = list.indexOf(sym);
      if (i >= 0) list.splice(i, 1);
      if (list.length === 0) this.index.delete(sym.fullName);
    }
  }

  private detach(old: Entry): void {
    this.warmCold.delete(old);
    this.unindex(old);
    if (this.byImportPath.get(old.importPath) === old.uri) {
      this.byImportPath.delete(old.importPath);
      // Another file with the same import path (in a second root) takes over.
      for (const e of this.entries.values()) {
        if (e.uri !== old.uri && e.importPath === old.importPath) {
          this.byImportPath.set(e.importPath, e.uri);
          break;
        }
      }
    }
    for (const imp of old.link?.imports ?? []) {
      if (imp.uri) this.importers.get(imp.uri)?.delete(old.uri);
      else if (imp.decl.path !== undefined) this.waiting.get(imp.decl.path)?.delete(old.uri);
    }
  }

  private invalidate(uri: string): void {
    const entry = this.entries.get(uri);
    if (entry) {
      entry.link = undefined;
      entry.diagnostics = undefined;
    }
    for (const dep of this.dependents(uri)) {
      const e = this.entries.get(dep);
      if (e) {
        // Keep the reverse edges: the dependents still import this file after relinking.
        e.link = undefined;
        e.diagnostics = undefined;
      }
    }
  }
}
