/**
 * Finds the buf.yaml that governs a group of .proto files and reads its `breaking:` section with
 * the rule engine's own parser. For a v2 buf.yaml the group's module path is passed along, so a
 * module's own section wins and its paths become relative to the module root, which is how
 * findings name files. Shared by `event-schemas breaking` and the editor's checks.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { parseBufYamlBreaking, type BreakingConfig } from '../../core/compat/proto/config';
import type { ImportRoots } from '../roots';

/** The group's config; without a buf.yaml, buf's default (v1, FILE). Problems are added to `problems`. */
export function readBreakingConfig(roots: ImportRoots, problems: Set<string>): BreakingConfig {
  const file = bufYamlOf(roots);
  if (!file) return { version: 'v1' };
  let doc: unknown;
  try {
    doc = parseYaml(readFileSync(file, 'utf8'));
  } catch (e) {
    problems.add(`${file}: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
    return { version: 'v1' };
  }
  const root = roots.roots[0];
  const modulePath = root === undefined ? undefined : relative(dirname(file), root).split(sep).join('/') || '.';
  const parsed = parseBufYamlBreaking(doc, modulePath === undefined ? {} : { modulePath });
  for (const p of parsed.problems) problems.add(`${file}: ${p}`);
  return parsed.config;
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
