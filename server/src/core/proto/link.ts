/**
 * Links one parsed file against the project: resolves its imports, decides which files it can see
 * (itself, its imports, and what those re-export with `import public`), and resolves every type
 * reference and custom option name to a symbol. Knows nothing of the file system: the project
 * hands it the import map and the other files' parses.
 */
import { diagnostic, type Diagnostic, type Fix } from '../diagnostics/diagnostic';
import { wholeLineSpan, type Span } from '../text/span';
import type {
  EnumElement,
  ImportDecl,
  MessageElement,
  OptionDecl,
  ProtoFile,
  RpcDecl,
  TypeRef,
} from './ast';
import { BUILTIN_OPTIONS, FEATURE_FIELDS, SCALAR_TYPES, type OptionTarget } from './builtinOptions';
import { resolveName, type Resolution, type SymbolIndex } from './resolve';
import { isType, type FileSymbols, type ProtoSymbol } from './symbols';

export type RefRole = 'type' | 'extendee' | 'input' | 'output' | 'option';

/** A resolved name in the file: where it is written and what it names. */
export interface Ref {
  readonly span: Span;
  readonly text: string;
  readonly role: RefRole;
  readonly target: ProtoSymbol;
}

export interface LinkedImport {
  readonly decl: ImportDecl;
  /** The imported file, when the import path resolved. */
  readonly uri?: string;
}

export interface LinkResult {
  readonly imports: readonly LinkedImport[];
  /** The files whose symbols this file can name. */
  readonly visible: ReadonlySet<string>;
  readonly refs: readonly Ref[];
  /** The message or enum each non-scalar type reference names. */
  readonly typeOf: ReadonlyMap<TypeRef, ProtoSymbol>;
  readonly diagnostics: readonly Diagnostic[];
}

/** What the linker needs to know about another file of the project. */
export interface LinkedFileView {
  readonly uri: string;
  readonly importPath: string;
  /** The file's import statements; kept even when the rest of its tree is not in memory. */
  readonly imports: readonly ImportDecl[];
  /** The whole tree; reading it may re-parse a file whose tree was dropped to save memory. */
  readonly ast: ProtoFile;
}

export interface LinkEnv {
  readonly index: SymbolIndex;
  /** Maps an import path to the uri of the file that answers it. */
  resolveImport(importPath: string): string | undefined;
  file(uri: string): LinkedFileView | undefined;
}

function importsOf(ast: ProtoFile): ImportDecl[] {
  return ast.body.filter((d): d is ImportDecl => d.kind === 'import');
}

/** The file itself, its direct imports, and everything reachable from those through `import public`. */
export function visibleFiles(uri: string, ast: ProtoFile, env: LinkEnv): Set<string> {
  const visible = new Set<string>([uri]);
  const queue: string[] = [];
  for (const imp of importsOf(ast)) {
    const target = imp.path !== undefined ? env.resolveImport(imp.path) : undefined;
    if (target && !visible.has(target)) {
      visible.add(target);
      queue.push(target);
    }
  }
  while (queue.length) {
    const next = env.file(queue.pop()!);
    if (!next) continue;
    for (const imp of next.imports) {
      if (imp.modifier?.value !== 'public' || imp.path === undefined) continue;
      const target = env.resolveImport(imp.path);
      if (target && !visible.has(target)) {
        visible.add(target);
        queue.push(target);
      }
    }
  }
  return visible;
}

/** A chain of import paths from `from` back to `uri`, if one exists. */
function cyclePath(uri: string, from: string, env: LinkEnv): string[] | undefined {
  const parent = new Map<string, string>();
  const queue = [from];
  const seen = new Set([from]);
  while (queue.length) {
    const current = queue.shift()!;
    if (current === uri) {
      const chain = [current];
      let c = current;
      while (parent.has(c)) {
        c = parent.get(c)!;
        chain.unshift(c);
      }
      return chain;
    }
    const file = env.file(current);
    if (!file) continue;
    for (const imp of file.imports) {
      const target = imp.path !== undefined ? env.resolveImport(imp.path) : undefined;
      if (target && !seen.has(target)) {
        seen.add(target);
        parent.set(target, current);
        queue.push(target);
      }
    }
  }
  return undefined;
}

/** Where a new import line goes: after the last import, else after the package or syntax statement. */
export function importInsertion(ast: ProtoFile, importPath: string): { span: Span; newText: string } {
  let anchor: Span | undefined;
  for (const d of ast.body) {
    if (d.kind === 'import') anchor = d.span;
  }
  const line = `import "${importPath}";`;
  if (anchor) return { span: { start: anchor.end, end: anchor.end }, newText: `\n${line}` };
  for (const d of ast.body) {
    if (d.kind === 'package' || d.kind === 'syntax') anchor = d.span;
  }
  if (anchor) return { span: { start: anchor.end, end: anchor.end }, newText: `\n\n${line}` };
  return { span: { start: 0, end: 0 }, newText: `${line}\n\n` };
}

export function linkFile(uri: string, text: string, ast: ProtoFile, symbols: FileSymbols, env: LinkEnv): LinkResult {
  const diagnostics: Diagnostic[] = [];
  const refs: Ref[] = [];
  const typeOf = new Map<TypeRef, ProtoSymbol>();

  const imports: LinkedImport[] = [];
  const seenPaths = new Map<string, ImportDecl>();
  for (const decl of importsOf(ast)) {
    if (decl.path === undefined || !decl.pathSpan) {
      imports.push({ decl });
      continue;
    }
    const target = env.resolveImport(decl.path);
    imports.push({ decl, uri: target });
    const earlier = seenPaths.get(decl.path);
    if (earlier) {
      diagnostics.push(
        diagnostic('resolve/duplicate-import', 'error', `"${decl.path}" is already imported: remove this line`, decl.pathSpan, {
          related: [{ uri, span: earlier.span, message: 'first imported here' }],
          fixes: [{ title: 'Remove duplicate import', edits: [{ span: wholeLineSpan(text, decl.span), newText: '' }], preferred: true }],
          tags: ['unnecessary'],
        }),
      );
      continue;
    }
    seenPaths.set(decl.path, decl);
    if (!target) {
      diagnostics.push(
        diagnostic(
          'resolve/unknown-import',
          'error',
          `import "${decl.path}" was not found in the import roots: check buf.yaml or the eventSchemas.importPaths setting`,
          decl.pathSpan,
        ),
      );
    } else if (target === uri) {
      diagnostics.push(diagnostic('resolve/import-cycle', 'error', `"${decl.path}" imports itself: remove this import`, decl.pathSpan));
    } else {
      const cycle = cyclePath(uri, target, env);
      if (cycle) {
        const names = [uri, ...cycle].map((u) => env.file(u)?.importPath ?? u);
        diagnostics.push(
          diagnostic('resolve/import-cycle', 'error', `import cycle: ${names.join(' -> ')}: break the cycle by moving the shared types into their own file`, decl.pathSpan),
        );
      }
    }
  }

  const visible = visibleFiles(uri, ast, env);
  const isVisible = (s: ProtoSymbol) => visible.has(s.uri);

  const report = (ref: TypeRef | { text: string; span: Span }, res: Resolution, what: string) => {
    if (res.kind === 'notImported') {
      const file = env.file(res.symbol.uri);
      const fixes: Fix[] = [];
      if (file) {
        const ins = importInsertion(ast, file.importPath);
        fixes.push({ title: `Add import "${file.importPath}"`, edits: [ins], preferred: true });
      }
      diagnostics.push(
        diagnostic(
          'resolve/not-imported',
          'error',
          `${what} \`${ref.text}\` is defined in "${file?.importPath ?? res.symbol.uri}", which is not imported: add the import`,
          ref.span,
          { fixes },
        ),
      );
    } else if (res.kind === 'partial') {
      diagnostics.push(
        diagnostic(
          'resolve/unknown-type',
          'error',
          `\`${ref.text}\` resolves to \`${res.fullName}\`, which is not defined: use a leading dot for a fully qualified name`,
          ref.span,
        ),
      );
    } else if (res.kind === 'notFound') {
      diagnostics.push(
        diagnostic(
          what === 'option' ? 'resolve/unknown-option' : 'resolve/unknown-type',
          'error',
          `unknown ${what} \`${ref.text}\`: no definition with this name is visible from here`,
          ref.span,
        ),
      );
    }
  };

  // A file names the same types and options from the same scopes again and again (every field's
  // `(google.api.field_behavior)`), and each resolution looks up one candidate per enclosing
  // scope: the answers are kept for the rest of the file, per scope and name.
  const typeAnswers = new Map<string, Map<string, Resolution>>();
  const optionAnswers = new Map<string, Map<string, Resolution>>();
  const isExtension = (s: ProtoSymbol) => s.kind === 'extension';
  const resolveKept = (answers: Map<string, Map<string, Resolution>>, name: string, scope: string, accept: (s: ProtoSymbol) => boolean) => {
    let byName = answers.get(scope);
    if (!byName) answers.set(scope, (byName = new Map()));
    let res = byName.get(name);
    if (!res) {
      res = resolveName(name, scope, { index: env.index, isVisible, accept });
      byName.set(name, res);
    }
    return res;
  };

  const resolveType = (ref: TypeRef | undefined, scope: string, role: RefRole, allowScalar: boolean) => {
    if (!ref || !ref.text) return;
    if (allowScalar && SCALAR_TYPES.has(ref.text)) return;
    const res = resolveKept(typeAnswers, ref.text, scope, isType);
    if (res.kind === 'found' || res.kind === 'notImported') {
      refs.push({ span: ref.span, text: ref.text, role, target: res.symbol });
      typeOf.set(ref, res.symbol);
    }
    report(ref, res, role === 'extendee' ? 'message' : 'type');
  };

  const resolveOptions = (options: readonly OptionDecl[], scope: string, target: OptionTarget) => {
    for (const opt of options) {
      const parts = opt.name.parts;
      const first = parts[0];
      if (!first) continue;
      if (!first.extension) {
        if (!BUILTIN_OPTIONS[target].has(first.text)) {
          diagnostics.push(
            diagnostic('resolve/unknown-option', 'error', `unknown option \`${first.text}\` for ${describeTarget(target)}`, first.span),
          );
        } else if (first.text === 'features' && parts[1] && !parts[1].extension && !FEATURE_FIELDS.has(parts[1].text)) {
          diagnostics.push(
            diagnostic('resolve/unknown-option', 'error', `unknown feature \`${parts[1].text}\`: google.protobuf.FeatureSet has no such field`, parts[1].span),
          );
        }
      }
      for (const part of parts) {
        if (!part.extension) continue;
        const res = resolveKept(optionAnswers, part.text, scope, isExtension);
        if (res.kind === 'found' || res.kind === 'notImported') {
          refs.push({ span: part.span, text: part.text, role: 'option', target: res.symbol });
        }
        report(part, res, 'option');
      }
    }
  };

  const visitMessageBody = (body: readonly MessageElement[], scope: string) => {
    for (const el of body) {
      switch (el.kind) {
        case 'field':
          resolveType(el.type, scope, 'type', true);
          resolveOptions(el.options, scope, 'field');
          break;
        case 'mapField':
          resolveType(el.keyType, scope, 'type', true);
          resolveType(el.valueType, scope, 'type', true);
          resolveOptions(el.options, scope, 'field');
          break;
        case 'group':
          resolveOptions(el.options, scope, 'field');
          if (el.name) visitMessageBody(el.body, `${scope ? scope + '.' : ''}${el.name.text}`);
          break;
        case 'oneof':
          for (const f of el.body) {
            if (f.kind === 'field') {
              resolveType(f.type, scope, 'type', true);
              resolveOptions(f.options, scope, 'field');
            } else if (f.kind === 'group') {
              resolveOptions(f.options, scope, 'field');
              if (f.name) visitMessageBody(f.body, `${scope ? scope + '.' : ''}${f.name.text}`);
            } else if (f.kind === 'option') {
              resolveOptions([f], scope, 'oneof');
            }
          }
          break;
        case 'option':
          resolveOptions([el], scope, 'message');
          break;
        case 'extensions':
          resolveOptions(el.options, scope, 'extensionRange');
          break;
        case 'message':
          if (el.name) visitMessageBody(el.body, `${scope ? scope + '.' : ''}${el.name.text}`);
          break;
        case 'enum':
          visitEnumBody(el.body, scope);
          break;
        case 'extend':
          resolveType(el.extendee, scope, 'extendee', false);
          for (const f of el.body) {
            if (f.kind === 'field') {
              resolveType(f.type, scope, 'type', true);
              resolveOptions(f.options, scope, 'field');
            } else if (f.kind === 'group') {
              resolveOptions(f.options, scope, 'field');
              if (f.name) visitMessageBody(f.body, `${scope ? scope + '.' : ''}${f.name.text}`);
            }
          }
          break;
        default:
          break;
      }
    }
  };

  const visitEnumBody = (body: readonly EnumElement[], scope: string) => {
    for (const el of body) {
      if (el.kind === 'option') resolveOptions([el], scope, 'enum');
      else if (el.kind === 'enumValue') resolveOptions(el.options, scope, 'enumValue');
    }
  };

  const pkg = symbols.packageName;
  for (const decl of ast.body) {
    switch (decl.kind) {
      case 'option':
        resolveOptions([decl], pkg, 'file');
        break;
      case 'message':
        if (decl.name) visitMessageBody(decl.body, pkg ? `${pkg}.${decl.name.text}` : decl.name.text);
        break;
      case 'enum':
        visitEnumBody(decl.body, pkg);
        break;
      case 'extend':
        visitMessageBody([decl], pkg);
        break;
      case 'service': {
        const scope = decl.name ? (pkg ? `${pkg}.${decl.name.text}` : decl.name.text) : pkg;
        for (const el of decl.body) {
          if (el.kind === 'option') resolveOptions([el], scope, 'service');
          else if (el.kind === 'rpc') visitRpc(el, scope);
        }
        break;
      }
      default:
        break;
    }
  }

  function visitRpc(rpc: RpcDecl, scope: string) {
    resolveType(rpc.input, scope, 'input', false);
    resolveType(rpc.output, scope, 'output', false);
    resolveOptions(rpc.options, scope, 'method');
  }

  // Kind mismatches: an rpc or extend naming an enum.
  for (const ref of refs) {
    if ((ref.role === 'input' || ref.role === 'output' || ref.role === 'extendee') && ref.target.kind !== 'message') {
      diagnostics.push(
        diagnostic('resolve/wrong-kind', 'error', `\`${ref.text}\` is an ${ref.target.kind}, but a message is required here`, ref.span),
      );
    }
  }

  // An import is used when a reference lands in it or in a file it re-exports; `import public`
  // exists to re-export, so it is never unused.
  const usedFiles = new Set(refs.map((r) => r.target.uri));
  for (const imp of imports) {
    if (!imp.uri || imp.decl.modifier?.value === 'public' || !imp.decl.pathSpan || imp.uri === uri) continue;
    const target = imp.uri;
    const used = usedFiles.has(target) || [...usedFiles].some((u) => isPubliclyReachable(target, u, env));
    if (!used) {
      diagnostics.push(
        diagnostic('resolve/unused-import', 'warning', `import "${imp.decl.path}" is not used: remove it`, imp.decl.pathSpan, {
          fixes: [{ title: 'Remove unused import', edits: [{ span: wholeLineSpan(text, imp.decl.span), newText: '' }], preferred: true }],
          tags: ['unnecessary'],
        }),
      );
    }
  }

  return { imports, visible, refs, typeOf, diagnostics };
}

function describeTarget(target: OptionTarget): string {
  const names: Record<OptionTarget, string> = {
    file: 'a file',
    message: 'a message',
    field: 'a field',
    oneof: 'a oneof',
    enum: 'an enum',
    enumValue: 'an enum value',
    service: 'a service',
    method: 'an rpc',
    extensionRange: 'an extension range',
  };
  return names[target];
}

/** Whether `target` is re-exported by `from` through a chain of `import public`. */
function isPubliclyReachable(from: string, target: string, env: LinkEnv): boolean {
  const seen = new Set([from]);
  const queue = [from];
  while (queue.length) {
    const file = env.file(queue.pop()!);
    if (!file) continue;
    for (const imp of file.imports) {
      if (imp.modifier?.value !== 'public' || imp.path === undefined) continue;
      const next = env.resolveImport(imp.path);
      if (!next || seen.has(next)) continue;
      if (next === target) return true;
      seen.add(next);
      queue.push(next);
    }
  }
  return false;
}
