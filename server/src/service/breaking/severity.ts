/**
 * Severities of breaking-change findings as the user configured them per rule id: another level,
 * or `off` to drop the rule's findings. Rules not named keep the engine's severity (error).
 */
import type { Diagnostic, Severity } from '../../core/diagnostics/diagnostic';

export type SeveritySetting = Severity | 'off';

const LEVELS: ReadonlySet<string> = new Set(['error', 'warning', 'info', 'hint', 'off']);

/** The configured level of a rule; values that are not a level are ignored. */
export function severityOf(code: string, settings: Readonly<Record<string, string>>, fallback: Severity): SeveritySetting {
  const value = Object.prototype.hasOwnProperty.call(settings, code) ? settings[code] : undefined;
  return value !== undefined && LEVELS.has(value) ? (value as SeveritySetting) : fallback;
}

export function applySeverities<D extends Diagnostic>(diagnostics: readonly D[], settings: Readonly<Record<string, string>>): D[] {
  const out: D[] = [];
  for (const d of diagnostics) {
    const level = severityOf(d.code, settings, d.severity);
    if (level === 'off') continue;
    out.push(level === d.severity ? d : { ...d, severity: level });
  }
  return out;
}
