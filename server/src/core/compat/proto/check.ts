/**
 * `checkBreaking`: compares two images with the configured buf rules and returns findings on the
 * current files, each with its baseline location. A finding is dropped when the configuration
 * ignores the path (or the package's stability) of either side's file, as buf drops it.
 */
import { compareFindings, type Finding } from '../finding';
import { isUnstablePackage, pathIgnored, resolveBreakingRules, type BreakingConfig } from './config';
import type { ImageFile, ProtoImage } from './image';
import { Pairs } from './pairs';
import type { RuleReport } from './rule';

export function checkBreaking(before: ProtoImage, after: ProtoImage, config: BreakingConfig = {}): Finding[] {
  const resolved = resolveBreakingRules(config);
  const pairs = new Pairs(before, after);
  const out: Finding[] = [];
  const ignored = (ruleId: string, file: ImageFile | undefined): boolean => {
    if (!file) return false;
    if (pathIgnored(resolved.ignore, file.path)) return true;
    const only = resolved.ignoreOnly.get(ruleId);
    if (only && pathIgnored(only, file.path)) return true;
    return resolved.ignoreUnstablePackages && isUnstablePackage(file.package);
  };
  for (const rule of resolved.rules) {
    rule.check(pairs, (r) => {
      if (ignored(rule.id, r.at?.file) || ignored(rule.id, r.was?.file)) return;
      const finding = toFinding(rule.id, r);
      if (finding) out.push(finding);
    });
  }
  return out.sort(compareFindings);
}

function toFinding(code: string, r: RuleReport): Finding | undefined {
  const baseline = r.was ? { uri: r.was.file.uri, span: r.was.span ?? r.was.file.anchor } : undefined;
  if (r.at) {
    return {
      code,
      severity: 'error',
      message: r.message,
      uri: r.at.file.uri,
      path: r.at.file.path,
      span: r.at.span,
      anchor: r.at.anchor,
      baseline,
      related: baseline ? [{ ...baseline, message: 'as it was in the baseline' }] : undefined,
      fixes: r.fixes,
    };
  }
  if (!r.was || !baseline) return undefined;
  return { code, severity: 'error', message: r.message, uri: baseline.uri, path: r.was.file.path, span: baseline.span, anchor: 'baseline', baseline };
}
