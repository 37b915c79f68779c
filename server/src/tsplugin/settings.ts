/**
 * The plugin's settings from whatever arrives: a `configurePlugin` payload from the client, or a
 * `tsconfig.json` plugins entry. Unknown or malformed fields keep their defaults; nothing here
 * throws, since a bad setting must never break TypeScript's own features.
 */
import { readResultLibraries, type HandlerRuleOptions } from '../core/handlers';
import type { HandlerPluginSettings } from '../protocol';

export const defaultPluginSettings: HandlerPluginSettings = { enable: true, resultLibraries: [] };

/** Fields present and valid in `raw` override those of `base`. */
export function readSettings(raw: unknown, base: HandlerPluginSettings = defaultPluginSettings): HandlerPluginSettings {
  if (typeof raw !== 'object' || raw === null) return base;
  const r = raw as Record<string, unknown>;
  const enable = typeof r.enable === 'boolean' ? r.enable : base.enable;
  const resultLibraries = readResultLibraries(r.resultLibraries) ?? base.resultLibraries;
  return { enable, resultLibraries };
}

export function ruleOptions(settings: HandlerPluginSettings): HandlerRuleOptions {
  return { resultLibraries: settings.resultLibraries };
}
