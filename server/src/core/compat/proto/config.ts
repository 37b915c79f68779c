/**
 * Which rules run and which findings are ignored, as buf decides it from a buf.yaml `breaking:`
 * section: `use` (rule IDs and categories; FILE when empty) minus `except`; deprecated IDs stand
 * for their replacements; `ignore` drops findings under a path, `ignore_only` does so per rule or
 * category; `ignore_unstable_packages` drops findings in alpha, beta and test packages. The
 * configuration version matters: v1 and v1beta1 know a few other rules and put some rules in other
 * categories than v2 does.
 *
 * Pure: takes the already parsed YAML document.
 */
import type { BreakingRule, Category } from './rule';
import { CATEGORIES } from './rule';
import { ALL_RULES } from './rules';

export type ConfigVersion = 'v1beta1' | 'v1' | 'v2';

export interface BreakingConfig {
  /** buf's configuration version; buf reads a folder without a buf.yaml as v1. */
  readonly version?: ConfigVersion;
  readonly use?: readonly string[];
  readonly except?: readonly string[];
  /** Paths (files or folders, relative to the import root) whose findings are dropped. */
  readonly ignore?: readonly string[];
  /** Rule ID or category -> paths whose findings of those rules are dropped. */
  readonly ignoreOnly?: Readonly<Record<string, readonly string[]>>;
  readonly ignoreUnstablePackages?: boolean;
}

/** IDs that buf keeps for old configurations: each stands for its replacements (none: it checks nothing). */
const DEPRECATED: Readonly<Record<string, { readonly versions: readonly ConfigVersion[]; readonly replacements: readonly string[] }>> = {
  FIELD_SAME_CTYPE: { versions: ['v1beta1', 'v1'], replacements: ['FIELD_SAME_CPP_STRING_TYPE'] },
  FIELD_SAME_LABEL: {
    versions: ['v1beta1', 'v1'],
    replacements: ['FIELD_SAME_CARDINALITY', 'FIELD_WIRE_COMPATIBLE_CARDINALITY', 'FIELD_WIRE_JSON_COMPATIBLE_CARDINALITY'],
  },
  FILE_SAME_JAVA_STRING_CHECK_UTF8: { versions: ['v1beta1', 'v1'], replacements: ['FIELD_SAME_JAVA_UTF8_VALIDATION'] },
  FILE_SAME_PHP_GENERIC_SERVICES: { versions: ['v1beta1', 'v1'], replacements: [] },
  MESSAGE_SAME_MESSAGE_SET_WIRE_FORMAT: { versions: ['v1beta1', 'v1', 'v2'], replacements: [] },
};

/** Rules that only v2 configurations know. */
const V2_ONLY = new Set(['EXTENSION_NO_DELETE', 'FIELD_SAME_DEFAULT', 'PACKAGE_EXTENSION_NO_DELETE']);
/** Rules that v1beta1 configurations do not know either. */
const NOT_V1BETA1 = new Set(['FIELD_WIRE_COMPATIBLE_TYPE', 'FIELD_WIRE_JSON_COMPATIBLE_TYPE']);
/** v1beta1's own category lists where they differ from v2's (CSR aside). */
const V1BETA1_CATEGORIES: Readonly<Record<string, readonly Category[]>> = {
  FIELD_SAME_CARDINALITY: ['FILE', 'PACKAGE', 'WIRE_JSON', 'WIRE'],
  FIELD_SAME_TYPE: ['FILE', 'PACKAGE', 'WIRE_JSON', 'WIRE'],
  FILE_SAME_PACKAGE: ['FILE'],
};

/** The rules a configuration version knows, each with its categories in that version. */
export function rulesOf(version: ConfigVersion): { rule: BreakingRule; categories: readonly Category[] }[] {
  const out: { rule: BreakingRule; categories: readonly Category[] }[] = [];
  for (const rule of ALL_RULES) {
    if (version !== 'v2' && V2_ONLY.has(rule.id)) continue;
    if (version === 'v1beta1' && NOT_V1BETA1.has(rule.id)) continue;
    let categories = rule.categories;
    if (version !== 'v2') categories = categories.filter((c) => c !== 'CSR');
    if (version === 'v1beta1' && V1BETA1_CATEGORIES[rule.id]) categories = V1BETA1_CATEGORIES[rule.id]!;
    out.push({ rule, categories });
  }
  return out;
}

export interface ResolvedRules {
  readonly rules: readonly BreakingRule[];
  /** Rule ID -> paths whose findings of that rule are dropped. */
  readonly ignoreOnly: ReadonlyMap<string, readonly string[]>;
  readonly ignore: readonly string[];
  readonly ignoreUnstablePackages: boolean;
  /** Unknown IDs and similar mistakes, one sentence each. */
  readonly problems: readonly string[];
}

export function resolveBreakingRules(config: BreakingConfig = {}): ResolvedRules {
  const version = config.version ?? 'v1';
  const known = rulesOf(version);
  const byId = new Map(known.map((k) => [k.rule.id, k]));
  const problems: string[] = [];

  const expand = (ids: readonly string[], where: string): Set<string> => {
    const out = new Set<string>();
    for (const raw of ids) {
      const id = raw.trim();
      if (!id) continue;
      if ((CATEGORIES as readonly string[]).includes(id) && (id !== 'CSR' || version === 'v2')) {
        for (const k of known) if (k.categories.includes(id as Category)) out.add(k.rule.id);
      } else if (byId.has(id)) out.add(id);
      else if (DEPRECATED[id]?.versions.includes(version)) {
        for (const r of DEPRECATED[id]!.replacements) if (byId.has(r)) out.add(r);
      } else {
        problems.push(`unknown breaking rule or category "${id}" in ${where}: use a buf ${version} rule ID or one of ${CATEGORIES.filter((c) => c !== 'CSR' || version === 'v2').join(', ')}`);
      }
    }
    return out;
  };

  const use = config.use && config.use.some((u) => u.trim()) ? expand(config.use, 'use') : expand(['FILE'], 'use');
  for (const id of expand(config.except ?? [], 'except')) use.delete(id);
  const ignoreOnly = new Map<string, string[]>();
  for (const [key, paths] of Object.entries(config.ignoreOnly ?? {})) {
    for (const id of expand([key], 'ignore_only')) {
      const list = ignoreOnly.get(id) ?? [];
      list.push(...paths.map(normalizePath));
      ignoreOnly.set(id, list);
    }
  }
  return {
    rules: known.filter((k) => use.has(k.rule.id)).map((k) => k.rule),
    ignoreOnly,
    ignore: (config.ignore ?? []).map(normalizePath),
    ignoreUnstablePackages: config.ignoreUnstablePackages ?? false,
    problems,
  };
}

export function normalizePath(p: string): string {
  let s = p.trim().replace(/\\/g, '/');
  while (s.startsWith('./')) s = s.slice(2);
  while (s.endsWith('/') && s.length > 1) s = s.slice(0, -1);
  return s;
}

/** Whether `path` is one of `paths` or lies in a folder among them. */
export function pathIgnored(paths: readonly string[], path: string): boolean {
  for (const p of paths) {
    if (p === '.' || p === '' || path === p || path.startsWith(p + '/')) return true;
  }
  return false;
}

/** buf's package versions: a last component such as `v1alpha1`, `v2beta`, `v1p1beta1`, `v1test` is not stable. */
export function isUnstablePackage(pkg: string): boolean {
  const parts = pkg.split('.');
  if (parts.length < 2) return false;
  const last = parts[parts.length - 1]!;
  if (!last.startsWith('v') || last.length < 2) return false;
  const version = last.slice(1);
  const number = (s: string) => /^\d+$/.test(s) && Number(s) >= 1;
  const test = version.indexOf('test');
  if (test >= 0) return number(version.slice(0, test));
  const alpha = version.includes('alpha');
  const beta = version.includes('beta');
  if (alpha === beta) return false;
  const level = alpha ? 'alpha' : 'beta';
  const at = version.indexOf(level);
  const major = version.slice(0, at);
  const minor = version.slice(at + level.length);
  if (minor !== '' && !number(minor)) return false;
  const p = major.indexOf('p');
  return p >= 0 ? number(major.slice(0, p)) && number(major.slice(p + 1)) : number(major);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function strings(v: unknown, where: string, problems: string[]): string[] | undefined {
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v)) {
    problems.push(`${where} must be a list of strings`);
    return undefined;
  }
  const out: string[] = [];
  for (const x of v) {
    if (typeof x === 'string') out.push(x);
    else problems.push(`${where} must hold strings only, not ${JSON.stringify(x)}`);
  }
  return out;
}

/**
 * Reads the breaking configuration from a parsed buf.yaml (v1beta1, v1 or v2). For v2, where
 * paths are relative to the buf.yaml and a module may carry its own `breaking:`, pass the module's
 * `path` so that its section wins and its paths become relative to the module root.
 */
export function parseBufYamlBreaking(doc: unknown, options: { modulePath?: string } = {}): { config: BreakingConfig; problems: string[] } {
  const problems: string[] = [];
  if (!isObject(doc)) return { config: { version: 'v1' }, problems: doc === undefined || doc === null ? [] : ['buf.yaml must be a mapping'] };
  const v = doc.version;
  const version: ConfigVersion = v === 'v2' || v === 'v1beta1' || v === 'v1' ? v : 'v1';
  if (v !== undefined && v !== version) problems.push(`unknown buf.yaml version ${JSON.stringify(v)}: use v1 or v2`);
  let section: unknown = doc.breaking;
  let prefix = '';
  if (version === 'v2' && options.modulePath !== undefined) {
    const modulePath = normalizePath(options.modulePath);
    prefix = modulePath === '.' || modulePath === '' ? '' : modulePath + '/';
    const modules = Array.isArray(doc.modules) ? doc.modules : [];
    const mod = modules.find((m) => isObject(m) && typeof m.path === 'string' && normalizePath(m.path) === modulePath);
    if (isObject(mod) && mod.breaking !== undefined) section = mod.breaking;
  }
  if (section === undefined || section === null) return { config: { version }, problems };
  if (!isObject(section)) return { config: { version }, problems: [...problems, 'breaking must be a mapping'] };
  const relative = (paths: string[] | undefined) =>
    paths?.map(normalizePath).map((p) => (prefix && p.startsWith(prefix) ? p.slice(prefix.length) : p));
  const ignoreOnly: Record<string, string[]> = {};
  if (section.ignore_only !== undefined && section.ignore_only !== null) {
    if (!isObject(section.ignore_only)) problems.push('breaking.ignore_only must map rule IDs or categories to paths');
    else {
      for (const [k, paths] of Object.entries(section.ignore_only)) {
        const list = relative(strings(paths, `breaking.ignore_only.${k}`, problems));
        if (list) ignoreOnly[k] = list;
      }
    }
  }
  const unstable = section.ignore_unstable_packages;
  if (unstable !== undefined && typeof unstable !== 'boolean') problems.push('breaking.ignore_unstable_packages must be true or false');
  return {
    config: {
      version,
      use: strings(section.use, 'breaking.use', problems),
      except: strings(section.except, 'breaking.except', problems),
      ignore: relative(strings(section.ignore, 'breaking.ignore', problems)),
      ignoreOnly,
      ignoreUnstablePackages: unstable === true,
    },
    problems,
  };
}
