/**
 * `names/duplicate`: two declarations with the same full name, as protoc's symbol table sees them.
 * Fields, oneofs and nested types share their message's scope; enum values are siblings of their
 * enum (C++ scoping); a map field declares a hidden `<Name>Entry` message; a group declares a
 * field (its name lowercased) and a message. Clashes with files this file depends on count too.
 */
import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic';
import type { Span } from '../../text/span';
import type { ProtoSymbol } from '../symbols';
import type { CheckContext } from './context';
import { dependencyClosure, fileLabel } from './deps';
import { fileModel } from './walk';

interface Named {
  readonly fullName: string;
  readonly nameSpan: Span;
  readonly describe: string;
  readonly symbol?: ProtoSymbol;
  /** For a map entry: the map field's name. */
  readonly mapField?: string;
}

const KIND_WORDS: Record<ProtoSymbol['kind'], string> = {
  package: 'package',
  message: 'message',
  enum: 'enum',
  enumValue: 'enum value',
  field: 'field',
  oneof: 'oneof',
  extension: 'extension',
  service: 'service',
  rpc: 'rpc',
};

/** protoc's name for the message holding a map field's entries: `foo_bar` -> `FooBarEntry`. */
export function mapEntryName(fieldName: string): string {
  let out = '';
  let upper = true;
  for (const ch of fieldName) {
    if (ch === '_') upper = true;
    else {
      out += upper && ch >= 'a' && ch <= 'z' ? ch.toUpperCase() : ch;
      upper = false;
    }
  }
  return out + 'Entry';
}

function scopeOf(fullName: string): string {
  const dot = fullName.lastIndexOf('.');
  return dot < 0 ? '' : fullName.slice(0, dot);
}

function simpleName(fullName: string): string {
  return fullName.slice(fullName.lastIndexOf('.') + 1);
}

function showScope(scope: string): string {
  return scope ? `\`${scope}\`` : 'the file';
}

export function checkDuplicateNames(ctx: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const own: Named[] = [];
  for (const s of ctx.symbols.all) {
    if (s.kind !== 'package') own.push({ fullName: s.fullName, nameSpan: s.nameSpan, describe: KIND_WORDS[s.kind], symbol: s });
  }
  for (const m of fileModel(ctx.ast, ctx.symbols.packageName).messages) {
    for (const f of m.fields) {
      if (f.node.kind === 'mapField' && f.node.name) {
        own.push({
          fullName: `${m.fullName}.${mapEntryName(f.node.name.text)}`,
          nameSpan: f.node.name.span,
          describe: 'map entry',
          mapField: f.node.name.text,
        });
      }
    }
  }
  own.sort((a, b) => a.nameSpan.start - b.nameSpan.start);

  const first = new Map<string, Named>();
  for (const n of own) {
    const earlier = first.get(n.fullName);
    if (!earlier) {
      first.set(n.fullName, n);
      continue;
    }
    out.push(sameFile(ctx, n, earlier));
  }

  // Clashes with the files this one depends on: protoc reports them while building this file.
  // The import closure is computed only when some name is defined by another file at all.
  let deps: ReadonlySet<string> | undefined;
  const inDeps = (s: ProtoSymbol) => s.uri !== ctx.uri && (deps ??= dependencyClosure(ctx)).has(s.uri);
  for (const n of own) {
    if (first.get(n.fullName) !== n) continue;
    const others = ctx.project.lookup(n.fullName);
    if (!others || others.length < 2) continue;
    const other = others.find(inDeps);
    if (!other) continue;
    const what = other.kind === 'package' ? 'a package' : `${KIND_WORDS[other.kind]} \`${other.fullName}\``;
    out.push(
      diagnostic(
        'names/duplicate',
        'error',
        `\`${n.fullName}\` is already defined as ${what} in "${fileLabel(ctx, other.uri)}": rename it or remove one of the definitions`,
        n.nameSpan,
        { related: [{ uri: other.uri, span: other.nameSpan, message: `\`${other.fullName}\` is defined here` }] },
      ),
    );
  }
  // This file's package against non-package symbols of its dependencies. Only the full package
  // name is looked at: its prefixes (`google`) are declared by thousands of files.
  const pkg = ctx.symbols.all.find((s) => s.kind === 'package' && s.fullName === ctx.symbols.packageName);
  const other = pkg && ctx.project.lookup(pkg.fullName)?.find((s) => s.kind !== 'package' && inDeps(s));
  if (pkg && other) {
    out.push(
      diagnostic(
        'names/duplicate',
        'error',
        `package \`${pkg.fullName}\` clashes with ${KIND_WORDS[other.kind]} \`${other.fullName}\` in "${fileLabel(ctx, other.uri)}": rename the package or the ${KIND_WORDS[other.kind]}`,
        pkg.nameSpan,
        { related: [{ uri: other.uri, span: other.nameSpan, message: `\`${other.fullName}\` is defined here` }] },
      ),
    );
  }
  return out;
}

function sameFile(ctx: CheckContext, n: Named, earlier: Named): Diagnostic {
  const scope = scopeOf(n.fullName);
  const name = simpleName(n.fullName);
  let message: string;
  if (n.mapField !== undefined) {
    message = `map field \`${n.mapField}\` needs a message named \`${name}\` for its entries, but ${showScope(scope)} already defines \`${name}\`: rename the field or the ${earlier.describe}`;
  } else if (earlier.mapField !== undefined) {
    message = `\`${name}\` is already the entry message of map field \`${earlier.mapField}\` in ${showScope(scope)}: rename the ${n.describe} or the map field`;
  } else if (n.symbol?.kind === 'enumValue' || earlier.symbol?.kind === 'enumValue') {
    message = `\`${name}\` is already defined in ${showScope(scope)}: enum values are siblings of their enum, so their names must be unique in the enclosing scope; rename it, e.g. with the enum's name as a prefix`;
  } else {
    message = `\`${name}\` is already defined in ${showScope(scope)}: rename this ${n.describe}`;
  }
  return diagnostic('names/duplicate', 'error', message, n.nameSpan, {
    related: [{ uri: ctx.uri, span: earlier.nameSpan, message: `the ${earlier.describe} \`${name}\` is defined here` }],
  });
}
