/**
 * The `breaking:` section of the buf.yaml that governs a group of .proto files: `use`, `except`,
 * `ignore`, `ignore_only` and `ignore_unstable_packages`, as buf v1 and v2 write them. Ignored
 * paths are turned into paths relative to the import roots, which is how findings name files:
 * buf v1 writes them relative to the module (the buf.yaml's folder, or each v1beta1 root), v2
 * relative to the buf.yaml's folder, with a module's own `breaking:` replacing the top one.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { ImportRoots } from '../../host/roots';

export interface BufBreakingConfig {
  /** Rule IDs and categories; buf's default is FILE. */
  readonly use: readonly string[];
  readonly except: readonly string[];
  /** Files or folders, relative to the import roots, that no rule reports on. */
  readonly ignore: readonly string[];
  /** Rule ID or category -> files or folders it does not report on. */
  readonly ignoreOnly: Readonly<Record<string, readonly string[]>>;
  readonly ignoreUnstablePackages: boolean;
  /** The buf.yaml it came from. */
  readonly file: string;
}

/** The config for a group, or undefined when its buf.yaml has no `breaking:` section (or there is none). */
export function readBreakingConfig(roots: ImportRoots, problems: Set<string>): BufBreakingConfig | undefined {
  const file = bufYamlOf(roots);
  if (!file) return undefined;
  let doc: unknown;
  try {
    doc = parseYaml(readFileSync(file, 'utf8'));
  } catch (e) {
    problems.add(`${file}: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
    return undefined;
  }
  if (!doc || typeof doc !== 'object') return undefined;
  const top = doc as Record<string, unknown>;
  const dir = dirname(file);
  let section = top.breaking;
  let base = [dir];
  if (top.version === 'v2') {
    const own = moduleSection(top, dir, roots);
    if (own) section = own;
  } else if (top.version === 'v1beta1') {
    const buildRoots = strings((top.build as Record<string, unknown> | undefined)?.roots);
    if (buildRoots.length) base = buildRoots.map((r) => resolve(dir, r));
  }
  if (!section || typeof section !== 'object') return undefined;
  const s = section as Record<string, unknown>;
  const toRoots = (paths: string[]) => paths.flatMap((p) => base.flatMap((b) => rootRelative(roots, resolve(b, p))));
  const ignoreOnly: Record<string, string[]> = {};
  if (s.ignore_only && typeof s.ignore_only === 'object') {
    for (const [rule, paths] of Object.entries(s.ignore_only as Record<string, unknown>)) ignoreOnly[rule] = toRoots(strings(paths));
  }
  return {
    use: strings(s.use),
    except: strings(s.except),
    ignore: toRoots(strings(s.ignore)),
    ignoreOnly,
    ignoreUnstablePackages: s.ignore_unstable_packages === true,
    file,
  };
}

function bufYamlOf(roots: ImportRoots): string | undefined {
  if (roots.source === 'buf.yaml') return roots.configFile;
  if (roots.source !== 'buf.work.yaml') return undefined;
  // A workspace's modules each carry their own buf.yaml (v1).
  for (const root of roots.roots) {
    for (const name of ['buf.yaml', 'buf.yml']) {
      const candidate = join(root, name);
      if (existsSync(candidate)) return candidate;
    }
  }
  return undefined;
}

/** A v2 module's own `breaking:`, for the module whose path is one of the group's roots. */
function moduleSection(top: Record<string, unknown>, dir: string, roots: ImportRoots): unknown {
  if (!Array.isArray(top.modules)) return undefined;
  for (const m of top.modules) {
    if (!m || typeof m !== 'object') continue;
    const mod = m as Record<string, unknown>;
    if (typeof mod.path !== 'string' || !mod.breaking) continue;
    if (roots.roots.includes(resolve(dir, mod.path))) return mod.breaking;
  }
  return undefined;
}

function rootRelative(roots: ImportRoots, abs: string): string[] {
  const out: string[] = [];
  for (const root of roots.roots) {
    const rel = relative(root, abs);
    if (rel === '') out.push('.');
    else if (!rel.startsWith('..') && !isAbsolute(rel)) out.push(rel.split(sep).join('/'));
  }
  return out;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
