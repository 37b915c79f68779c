/** Avro names: the spec's validity rule and the full-name algorithm ("Names" in the spec). */

/**
 * `strict` is the spec's ASCII rule (what Confluent's registry enforces); `unicode` is Avro Java's
 * default validator and IDL's identifier rule, which also allow letters and digits beyond ASCII.
 */
export type NameRule = 'strict' | 'unicode';

const STRICT_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const UNICODE_NAME = /^[\p{L}_][\p{L}\p{Nd}_]*$/u;

/** Why `name` is not a valid simple name, or undefined when it is. */
export function nameProblem(name: string, rule: NameRule = 'strict'): string | undefined {
  if (name === '') return 'is empty';
  const re = rule === 'strict' ? STRICT_NAME : UNICODE_NAME;
  if (re.test(name)) return undefined;
  const first = rule === 'strict' ? /^[A-Za-z_]/ : /^[\p{L}_]/u;
  if (!first.test(name)) return 'must start with a letter or underscore';
  return rule === 'strict'
    ? 'may only contain ASCII letters, digits and underscores'
    : 'may only contain letters, digits and underscores';
}

/** Why a dotted name (namespace or full name) is invalid: the first bad part, or undefined. */
export function dottedNameProblem(dotted: string, rule: NameRule = 'strict'): string | undefined {
  const parts = dotted.split('.');
  for (const part of parts) {
    if (part === '') return 'has an empty part (two dots, or a dot at an end)';
    const p = nameProblem(part, rule);
    if (p) return `part "${part}" ${p}`;
  }
  return undefined;
}

/** Splits a full name at its last dot. */
export function splitFullName(fullName: string): { namespace: string; name: string } {
  const dot = fullName.lastIndexOf('.');
  return dot < 0 ? { namespace: '', name: fullName } : { namespace: fullName.slice(0, dot), name: fullName.slice(dot + 1) };
}

/** `name` qualified by `namespace` unless it already has a dot. */
export function qualify(name: string, namespace: string): string {
  return name.includes('.') || namespace === '' ? name : `${namespace}.${name}`;
}

/**
 * The full name and namespace of a definition: a dotted name wins and the namespace attribute is
 * ignored; else the attribute ('' meaning the null namespace); else the enclosing namespace.
 */
export function resolveDefinitionName(
  name: string,
  namespaceAttr: string | undefined,
  enclosing: string,
): { fullName: string; namespace: string } {
  if (name.includes('.')) return { fullName: name, namespace: splitFullName(name).namespace };
  const namespace = namespaceAttr ?? enclosing;
  return { fullName: qualify(name, namespace), namespace };
}

/**
 * The full names a reference may denote, in order: qualified by the enclosing namespace, then
 * (for a simple name inside a namespace) the null-namespace name, as Avro Java 1.12's JSON parser
 * falls back. IDL references are `exact`: Avro Java qualifies them before the lookup.
 */
export function referenceCandidates(ref: { readonly fullName: string; readonly name: { readonly text: string }; readonly exact?: boolean }): string[] {
  const written = ref.name.text;
  return !ref.exact && !written.includes('.') && ref.fullName !== written ? [ref.fullName, written] : [ref.fullName];
}

/** Levenshtein distance, small inputs only (type names). */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(up + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length]!;
}

/** The closest candidate within a typo's distance (case differences count as near), or undefined. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestScore = Infinity;
  const lower = word.toLowerCase();
  for (const c of candidates) {
    if (c === word) continue;
    const score = c.toLowerCase() === lower ? 0.5 : editDistance(lower, c.toLowerCase());
    const limit = Math.max(1, Math.min(2, Math.floor(word.length / 3)));
    if (score <= limit && score < bestScore) {
      best = c;
      bestScore = score;
    }
  }
  return best;
}
