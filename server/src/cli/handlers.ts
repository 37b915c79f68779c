/**
 * `event-schemas handlers`: the rules the TypeScript plugin runs in the editor, over a whole
 * project, for CI. The project's own `typescript` package does the work (resolved from the
 * tsconfig's folder, else the one beside this CLI), so results match what its `tsc` sees; the
 * tsconfig is read as `tsc -p` reads it. Output and exit codes are those of `check`.
 */
import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import type * as ts from 'typescript';
import type { Diagnostic } from '../core/diagnostics/diagnostic';
import { checkHandlers, isCheckedFile, readResultLibraries, type HandlerRuleOptions, type TypeScript } from '../core/handlers';
import { tsPluginName } from '../protocol';
import type { HandlersArgs } from './args';
import type { CheckedFile } from './checkers/checker';
import { EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE } from './check';
import type { Io } from './io';
import { renderJson } from './render/json';
import { renderText } from './render/text';
import { buildReport, displayPath, hasErrors } from './report';

export function runHandlers(args: HandlersArgs, io: Io): number {
  const configPath = findConfig(args.project, io.cwd);
  if (typeof configPath !== 'string') {
    io.error(configPath.problem);
    return EXIT_USAGE;
  }
  const loaded = loadTypeScript(dirname(configPath));
  if (!loaded) {
    io.error(`no \`typescript\` package found for ${displayPath(configPath, io.cwd)}: install it in the project (npm install --save-dev typescript)`);
    return EXIT_USAGE;
  }
  const tsModule = loaded;

  const configProblems: ts.Diagnostic[] = [];
  const parsed = tsModule.getParsedCommandLineOfConfigFile(
    configPath,
    {},
    { ...tsModule.sys, onUnRecoverableConfigFileDiagnostic: (d) => void configProblems.push(d) },
  );
  const describe = (d: ts.Diagnostic) => tsModule.flattenDiagnosticMessageText(d.messageText, ' ');
  if (!parsed) {
    io.error(`cannot read ${displayPath(configPath, io.cwd)}: ${configProblems.map(describe).join('; ') || 'unknown error'}`);
    return EXIT_USAGE;
  }
  if (parsed.fileNames.length === 0) {
    io.error(`${displayPath(configPath, io.cwd)} includes no files: ${parsed.errors.map(describe).join('; ') || 'check its include and files'}`);
    return EXIT_USAGE;
  }
  for (const d of parsed.errors) io.note(`${displayPath(configPath, io.cwd)}: ${describe(d)}`);

  const program = tsModule.createProgram({
    rootNames: parsed.fileNames,
    options: parsed.options,
    ...(parsed.projectReferences ? { projectReferences: parsed.projectReferences } : {}),
  });
  const options = ruleOptionsOf(parsed.options);
  const files: CheckedFile[] = [];
  const problems: string[] = [];
  for (const file of program.getSourceFiles()) {
    if (!isCheckedFile(program, file)) continue;
    let diagnostics: Diagnostic[];
    try {
      diagnostics = checkHandlers(tsModule, program, file, options);
    } catch (e) {
      problems.push(`internal error while checking ${displayPath(file.fileName, io.cwd)}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      continue;
    }
    files.push({ path: resolve(file.fileName), text: file.text, diagnostics });
  }

  const report = buildReport(files, () => undefined, io.cwd);
  io.out(args.format === 'json' ? renderJson(report) : renderText(report, { color: io.color }));
  for (const p of problems) io.error(p);
  if (problems.length) return EXIT_USAGE;
  return hasErrors(report) ? EXIT_FINDINGS : EXIT_CLEAN;
}

/** The tsconfig.json to use: the one named (a file or a folder), else the nearest at or above `cwd`. */
function findConfig(project: string | undefined, cwd: string): string | { problem: string } {
  if (project !== undefined) {
    const abs = resolve(cwd, project);
    const path = isFolder(abs) ? join(abs, 'tsconfig.json') : abs;
    return existsSync(path) ? path : { problem: `${project} is not a tsconfig.json or a folder holding one` };
  }
  for (let dir = cwd; ; dir = dirname(dir)) {
    const path = join(dir, 'tsconfig.json');
    if (existsSync(path)) return path;
    if (dirname(dir) === dir) return { problem: 'no tsconfig.json at or above the current folder: name one with --project' };
  }
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * The project's `typescript`, else the one next to this CLI. Found at run time (never bundled):
 * the compiler is large, and the project's own version is the one whose answers matter.
 */
function loadTypeScript(projectDir: string): TypeScript | undefined {
  for (const base of [join(projectDir, 'package.json'), __filename]) {
    try {
      const candidate = createRequire(base)('typescript') as TypeScript;
      if (typeof candidate.createProgram === 'function') return candidate;
    } catch {
      // Try the next place.
    }
  }
  return undefined;
}

/** Settings come from the tsconfig's entry for the editor plugin, so the editor and CI agree. */
function ruleOptionsOf(options: ts.CompilerOptions): HandlerRuleOptions {
  const plugins = (options.plugins as readonly ts.PluginImport[] | undefined) ?? [];
  const entry = plugins.find((p) => p.name === tsPluginName) as Record<string, unknown> | undefined;
  return { resultLibraries: readResultLibraries(entry?.resultLibraries) ?? [] };
}
