/**
 * `checkBreaking`: compares two images with the configured buf rules and returns findings on the
 * current files, each with its baseline location. A finding is dropped when the configuration
 * ignores the path (or the package's stability) of either side's file, as buf drops it.
 */
import { compareFindings, type Finding } from '../finding';
import { isUnstablePackage, pathIgnored, resolveBreakingRules, type BreakingConfig } from './config';
import type { ImageFile, ProtoImage } from './image';
import { Pairs } from './pairs';
import type { BreakingRule, Report, RuleReport } from './rule';

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
  const reporter = (rule: BreakingRule): Report => (r) => {
    if (ignored(rule.id, r.at?.file) || ignored(rule.id, r.was?.file)) return;
    const finding = toFinding(rule.id, r);
    if (finding) out.push(finding);
  };
  const fileRules: [BreakingRule, Report][] = [];
  const fieldRules: [BreakingRule, Report][] = [];
  const messageRules: [BreakingRule, Report][] = [];
  const enumRules: [BreakingRule, Report][] = [];
  for (const rule of resolved.rules) {
    const report = reporter(rule);
    rule.check?.(pairs, report);
    if (rule.filePair) fileRules.push([rule, report]);
    if (rule.fieldPair) fieldRules.push([rule, report]);
    if (rule.messagePair) messageRules.push([rule, report]);
    if (rule.enumPair) enumRules.push([rule, report]);
  }
  // Each kind of pair walked once for all its rules. The order findings are found in does not
  // matter: they are sorted, and one rule still meets its pairs in order.
  if (fileRules.length) for (const [p, c] of pairs.files) for (const [rule, report] of fileRules) rule.filePair!(p, c, report, pairs);
  if (messageRules.length) for (const [p, c] of pairs.messages) for (const [rule, report] of messageRules) rule.messagePair!(p, c, report, pairs);
  if (fieldRules.length) for (const [p, c] of pairs.fields) for (const [rule, report] of fieldRules) rule.fieldPair!(p, c, report, pairs);
  if (enumRules.length) for (const [p, c] of pairs.enums) for (const [rule, report] of enumRules) rule.enumPair!(p, c, report, pairs);
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
