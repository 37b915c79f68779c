/**
 * The TypeScript server plugin: decorates tsserver's LanguageService so that the handler rules'
 * findings appear among TypeScript's own diagnostics, with their quick fixes. It uses tsserver's
 * program and `typescript` module (never a second one). Every decorated method falls back to
 * TypeScript's own result if anything of ours throws: a bug here must not cost users IntelliSense.
 */
import type * as ts from 'typescript';
import type { Diagnostic } from '../core/diagnostics/diagnostic';
import { checkHandlers, HANDLER_CODE_NUMBERS, isCheckedFile, type TypeScript } from '../core/handlers';
import type { HandlerPluginSettings } from '../protocol';
import { codeNumber, toCodeFixAction, toTsDiagnostic } from './convert';
import { defaultPluginSettings, readSettings, ruleOptions } from './settings';

const OUR_CODES = Object.values(HANDLER_CODE_NUMBERS);
const CHECKED_EXTENSIONS = /\.(ts|tsx|mts|cts)$/i;

export function createPlugin(modules: { typescript: TypeScript }): ts.server.PluginModule {
  const tsModule = modules.typescript;
  advertiseCodes(tsModule);
  let settings: HandlerPluginSettings = defaultPluginSettings;
  /** Findings per program and file; a new program (any edit) or new settings start afresh. */
  let cache = new WeakMap<ts.Program, Map<ts.SourceFile, readonly Diagnostic[]>>();
  let log: (message: string) => void = () => {};
  /** Whether tsserver writes a log at all; timing lines are only worth measuring then. */
  let logging = (): boolean => false;
  /** The projects decorated so far: new settings must reach the diagnostics their open files show. */
  const projects = new Set<ts.server.Project>();

  function findings(ls: ts.LanguageService, fileName: string): { file: ts.SourceFile; diagnostics: readonly Diagnostic[] } | undefined {
    if (!settings.enable || !CHECKED_EXTENSIONS.test(fileName)) return undefined;
    const program = ls.getProgram();
    const file = program?.getSourceFile(fileName);
    if (!program || !file || !isCheckedFile(program, file)) return undefined;
    let perFile = cache.get(program);
    if (!perFile) cache.set(program, (perFile = new Map()));
    let diagnostics = perFile.get(file);
    if (!diagnostics) {
      const timed = logging();
      const before = timed ? process.cpuUsage() : undefined;
      perFile.set(file, (diagnostics = checkHandlers(tsModule, program, file, ruleOptions(settings))));
      if (before) {
        const used = process.cpuUsage(before);
        log(`checked ${fileName}: ${diagnostics.length} findings, ${((used.user + used.system) / 1000).toFixed(1)} ms CPU`);
      }
    }
    return { file, diagnostics };
  }

  return {
    create(info) {
      settings = readSettings(info.config, settings);
      projects.add(info.project);
      const ls = info.languageService;
      const logger = info.project.projectService.logger;
      log = (message: string) => logger.info(`[event-schemas] ${message}`);
      logging = () => logger.loggingEnabled();
      const guarded = <T>(what: string, original: () => T, extend: (prior: T) => T): T => {
        const prior = original();
        try {
          return extend(prior);
        } catch (e) {
          log(`${what} failed, TypeScript's own result kept: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
          return prior;
        }
      };

      const proxy = Object.create(null) as ts.LanguageService;
      for (const key of Object.keys(ls) as (keyof ts.LanguageService)[]) {
        const member = ls[key];
        (proxy as unknown as Record<string, unknown>)[key] = typeof member === 'function' ? (member as Function).bind(ls) : member;
      }

      proxy.getSemanticDiagnostics = (fileName) =>
        guarded('getSemanticDiagnostics', () => ls.getSemanticDiagnostics(fileName), (prior) => {
          const ours = findings(ls, fileName);
          if (!ours) return prior;
          const extra = ours.diagnostics.filter((d) => d.severity !== 'hint').map((d) => toTsDiagnostic(tsModule, ours.file, d));
          return extra.length ? [...prior, ...extra] : prior;
        });

      proxy.getSuggestionDiagnostics = (fileName) =>
        guarded('getSuggestionDiagnostics', () => ls.getSuggestionDiagnostics(fileName), (prior) => {
          const ours = findings(ls, fileName);
          if (!ours) return prior;
          const extra = ours.diagnostics
            .filter((d) => d.severity === 'hint')
            .map((d) => toTsDiagnostic(tsModule, ours.file, d) as ts.DiagnosticWithLocation);
          return extra.length ? [...prior, ...extra] : prior;
        });

      proxy.getCodeFixesAtPosition = (fileName, start, end, errorCodes, formatOptions, preferences) =>
        guarded(
          'getCodeFixesAtPosition',
          () => ls.getCodeFixesAtPosition(fileName, start, end, errorCodes, formatOptions, preferences),
          (prior) => {
            if (!errorCodes.some((c) => OUR_CODES.includes(c))) return prior;
            const ours = findings(ls, fileName);
            if (!ours) return prior;
            const actions: ts.CodeFixAction[] = [];
            for (const d of ours.diagnostics) {
              if (!errorCodes.includes(codeNumber(d.code)) || d.span.end < start || d.span.start > end) continue;
              for (const fix of d.fixes ?? []) actions.push(toCodeFixAction(fileName, d, fix));
            }
            return actions.length ? [...prior, ...actions] : prior;
          },
        );

      proxy.getSupportedCodeFixes = (fileName) =>
        guarded('getSupportedCodeFixes', () => ls.getSupportedCodeFixes(fileName), (prior) => [
          ...prior,
          ...OUR_CODES.map(String).filter((c) => !prior.includes(c)),
        ]);

      log(`plugin enabled for ${info.project.getProjectName()}`);
      return proxy;
    },

    onConfigurationChanged(config: unknown) {
      try {
        settings = readSettings(config, settings);
        cache = new WeakMap();
        log(`settings changed: ${JSON.stringify(settings)}`);
        // Without this the editor keeps showing findings computed under the old settings until the next edit.
        for (const project of projects) {
          if (project.isClosed()) projects.delete(project);
          else project.refreshDiagnostics?.();
        }
      } catch {
        // Keep the previous settings.
      }
    },
  };
}

const advertised = new WeakSet<object>();

/**
 * VS Code asks tsserver once which error codes have quick fixes, and without naming a file; tsserver
 * then answers from TypeScript's own registry of code fixes, not from any plugin. Registering
 * our codes there (with no actions: the decorated getCodeFixesAtPosition supplies them) makes
 * VS Code ask us for fixes. The registry is internal API, so its absence is tolerated.
 */
function advertiseCodes(tsModule: TypeScript): void {
  try {
    if (advertised.has(tsModule)) return;
    const codefix = (tsModule as unknown as { codefix?: { registerCodeFix?: (fix: unknown) => void } }).codefix;
    if (typeof codefix?.registerCodeFix !== 'function') return;
    const known = new Set(tsModule.getSupportedCodeFixes());
    const missing = OUR_CODES.filter((c) => !known.has(String(c)));
    if (missing.length) codefix.registerCodeFix({ errorCodes: missing, getCodeActions: () => [] });
    advertised.add(tsModule);
  } catch {
    // Quick fixes then still work for clients that ask per file.
  }
}
