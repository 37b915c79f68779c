/**
 * Semantic checks at protoc's level, run on one linked file. Each check lives in its own file and
 * returns diagnostics; none of them throws or looks at another file's text.
 */
import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic';
import type { CheckContext } from './context';
import { rememberClosedEnums } from './closedEnums';
import { checkDefaults } from './defaults';
import { checkDuplicateNames } from './duplicateNames';
import { checkDuplicateOptions } from './duplicateOptions';
import { checkEditionsRules } from './editionsRules';
import { checkEnums } from './enums';
import { checkExtensions } from './extensions';
import { checkFeatureValues } from './featureValues';
import { checkFieldNumbers } from './fieldNumbers';
import { checkFileStatements } from './fileStatements';
import { checkJsonNames } from './jsonNames';
import { checkMaps } from './maps';
import { checkNamingStyle } from './namingStyle';
import { checkOneofs } from './oneofs';
import { checkPackedLazy } from './packedLazy';
import { checkProto2Rules } from './proto2Rules';
import { checkProto3Rules } from './proto3Rules';
import { checkReservedNameStyle } from './reservedNameStyle';
import { checkReservedRanges } from './reservedRanges';

export type { CheckContext } from './context';

export type Check = (ctx: CheckContext) => Diagnostic[];

const checks: readonly Check[] = [
  checkFileStatements,
  checkDuplicateNames,
  checkFieldNumbers,
  checkReservedRanges,
  checkReservedNameStyle,
  checkExtensions,
  checkEnums,
  checkProto2Rules,
  checkProto3Rules,
  checkEditionsRules,
  checkFeatureValues,
  checkNamingStyle,
  checkMaps,
  checkOneofs,
  checkPackedLazy,
  checkJsonNames,
  checkDefaults,
  checkDuplicateOptions,
];

export function runChecks(ctx: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const check of checks) {
    try {
      out.push(...check(ctx));
    } catch (e) {
      // A bug in one check must not cost the user the other checks' findings, nor the editor.
      const what = e instanceof Error ? e.message : String(e);
      out.push(diagnostic('internal/check-failed', 'error', `internal error in check ${check.name}: ${what}: please report it`, { start: 0, end: 0 }));
    }
  }
  try {
    rememberClosedEnums(ctx);
  } catch {
    // Only a shortcut for later files: they work it out themselves.
  }
  return out;
}
