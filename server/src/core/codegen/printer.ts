/**
 * A small TypeScript printer: lines with indentation and doc comments (CodeWriter), identifiers
 * that never clash with keywords, with globals the generated code uses, or with each other
 * (NameScope), and imports requested by symbol, deduplicated, aliased on a clash and printed in
 * a stable order (Imports).
 */

/** Reserved words, strict-mode reserved words and the names no type may take. */
const KEYWORDS = new Set([
  'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete', 'do', 'else', 'enum',
  'export', 'extends', 'false', 'finally', 'for', 'function', 'if', 'import', 'in', 'instanceof', 'new', 'null',
  'return', 'super', 'switch', 'this', 'throw', 'true', 'try', 'typeof', 'var', 'void', 'while', 'with',
  'implements', 'interface', 'let', 'package', 'private', 'protected', 'public', 'static', 'yield', 'await',
  'arguments', 'eval',
  // Type names TypeScript reserves, and contextual keywords that confuse readers as type names.
  'any', 'unknown', 'never', 'number', 'bigint', 'boolean', 'string', 'symbol', 'object', 'undefined', 'type',
  'as', 'async', 'declare', 'get', 'set', 'is', 'keyof', 'module', 'namespace', 'readonly', 'require', 'infer',
  'satisfies', 'asserts', 'abstract', 'constructor', 'from', 'global', 'of', 'out', 'override', 'accessor', 'unique',
]);

/** Globals generated code refers to; a schema type of the same name would shadow them. */
const GLOBALS = new Set([
  'Array', 'ReadonlyArray', 'BigInt', 'Boolean', 'Date', 'Error', 'Extract', 'Exclude', 'JSON', 'Map', 'ReadonlyMap',
  'Number', 'Object', 'Partial', 'Promise', 'PromiseLike', 'Readonly', 'Record', 'String', 'Symbol', 'TypeError',
  'Uint8Array', 'globalThis', 'NaN', 'Infinity',
]);

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

export function isIdentifier(name: string): boolean {
  return IDENTIFIER.test(name);
}

/** A property key as written in a type or object literal: bare when it can be, quoted otherwise. */
export function propertyKey(name: string): string {
  return isIdentifier(name) && name !== '__proto__' ? name : JSON.stringify(name);
}

/** A string literal, with the double quotes the rest of the generated code uses. */
export function str(value: string): string {
  return JSON.stringify(value);
}

/** The identifiers of one module. Claims are first come, first served, so claim in a fixed order. */
export class NameScope {
  private readonly taken = new Set<string>();

  constructor(reserved: Iterable<string> = []) {
    for (const r of reserved) this.taken.add(r);
  }

  /**
   * A free identifier close to `preferred`: invalid characters become `_`, a keyword or global
   * gets a trailing `_`, and a name already taken gets `$1`, `$2`, ...
   */
  claim(preferred: string): string {
    let base = preferred.replace(/[^A-Za-z0-9_$]/g, '_');
    if (base === '' || /^[0-9]/.test(base)) base = `_${base}`;
    while (KEYWORDS.has(base) || GLOBALS.has(base)) base = `${base}_`;
    let name = base;
    for (let i = 1; this.taken.has(name); i++) name = `${base}$${i}`;
    this.taken.add(name);
    return name;
  }

  has(name: string): boolean {
    return this.taken.has(name) || KEYWORDS.has(name) || GLOBALS.has(name);
  }
}

interface ImportedName {
  readonly local: string;
  typeOnly: boolean;
}

/** Imports of one module. Asking twice for the same symbol gives the same local name. */
export class Imports {
  private readonly modules = new Map<string, Map<string, ImportedName>>();

  constructor(private readonly scope: NameScope) {}

  /** A value (function, constant) exported by `from`. */
  value(from: string, name: string): string {
    return this.add(from, name, false);
  }

  /** A type exported by `from`; printed as a type-only import unless the value is wanted too. */
  type(from: string, name: string): string {
    return this.add(from, name, true);
  }

  private add(from: string, name: string, typeOnly: boolean): string {
    let names = this.modules.get(from);
    if (!names) this.modules.set(from, (names = new Map()));
    const existing = names.get(name);
    if (existing) {
      if (!typeOnly) existing.typeOnly = false;
      return existing.local;
    }
    const local = this.scope.claim(name);
    names.set(name, { local, typeOnly });
    return local;
  }

  /** Packages first, then relative modules, each sorted; names sorted within a statement. */
  lines(): string[] {
    const specifiers = [...this.modules.keys()].sort((a, b) => {
      const ra = a.startsWith('.') ? 1 : 0;
      const rb = b.startsWith('.') ? 1 : 0;
      return ra - rb || compare(a, b);
    });
    const out: string[] = [];
    for (const from of specifiers) {
      const names = [...this.modules.get(from)!.entries()].sort((a, b) => compare(a[0], b[0]));
      const allTypes = names.every(([, n]) => n.typeOnly);
      const parts = names.map(([exported, n]) => {
        const alias = n.local === exported ? exported : `${exported} as ${n.local}`;
        return !allTypes && n.typeOnly ? `type ${alias}` : alias;
      });
      out.push(`import ${allTypes ? 'type ' : ''}{ ${parts.join(', ')} } from ${str(from)};`);
    }
    return out;
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Lines of code with two-space indentation. */
export class CodeWriter {
  private readonly out: string[] = [];
  private depth = 0;

  line(text = ''): this {
    this.out.push(text === '' ? '' : '  '.repeat(this.depth) + text);
    return this;
  }

  /** `head {`, the body one level deeper, then `tail`. */
  block(head: string, body: () => void, tail = '}'): this {
    this.line(`${head} {`);
    this.depth++;
    body();
    this.depth--;
    return this.line(tail);
  }

  indented(body: () => void): this {
    this.depth++;
    body();
    this.depth--;
    return this;
  }

  /** A JSDoc comment; `*\/` in the text cannot end it early. */
  doc(text: string | undefined): this {
    const lines = (text ?? '')
      .replace(/\*\//g, '*\\/')
      .split(/\r?\n/)
      .map((l) => l.trimEnd());
    while (lines.length && lines[0] === '') lines.shift();
    while (lines.length && lines[lines.length - 1] === '') lines.pop();
    if (lines.length === 0) return this;
    if (lines.length === 1) return this.line(`/** ${lines[0]} */`);
    this.line('/**');
    for (const l of lines) this.line(l === '' ? ' *' : ` * ${l}`);
    return this.line(' */');
  }

  toString(): string {
    return this.out.join('\n') + '\n';
  }
}
