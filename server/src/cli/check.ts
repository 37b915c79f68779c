/**
 * `event-schemas check`: find the files, read them, let each format's checker diagnose them, and
 * print one report. Exit code 2 (I/O or unreadable input) wins over 1 (errors found), and the
 * report is printed either way so that CI logs show every finding.
 */
import { readFileSync, statSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import type { CheckArgs } from './args';
import type { CheckedFile, InputFile, SchemaChecker, SourceLookup } from './checkers/checker';
import { checkerFor } from './checkers';
import { discoverFiles } from './discover';
import type { Io } from './io';
import { renderJson } from './render/json';
import { renderText } from './render/text';
import { buildReport, displayPath, hasErrors } from './report';

export const EXIT_CLEAN = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

export function runCheck(args: CheckArgs, io: Io): number {
  const importPaths = args.importPaths.map((p) => resolve(io.cwd, p));
  // Every folder's buf configuration is looked for once in the run.
  const configFiles = new Map<string, string | null>();
  const badRoots = args.importPaths.filter((_, i) => !isFolder(importPaths[i]!));
  const found = discoverFiles(args.paths.length ? args.paths : ['.'], io.cwd);
  const fatal = [...found.errors, ...badRoots.map((p) => `import root ${p} is not a folder`)];
  if (fatal.length) {
    for (const message of fatal) io.error(message);
    return EXIT_USAGE;
  }

  const problems: string[] = found.unreadable.map((dir) => `cannot read folder ${displayPath(dir, io.cwd)}`);
  const byChecker = new Map<SchemaChecker, InputFile[]>();
  const unsupported = new Map<string, number>();
  for (const file of found.files) {
    const checker = checkerFor(file.path);
    if (!checker) {
      const ext = extname(file.path).toLowerCase();
      unsupported.set(ext, (unsupported.get(ext) ?? 0) + 1);
      continue;
    }
    let text: string;
    try {
      text = readFileSync(file.path, 'utf8');
    } catch (e) {
      problems.push(`cannot read ${displayPath(file.path, io.cwd)}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
      continue;
    }
    const list = byChecker.get(checker);
    if (list) list.push({ ...file, text });
    else byChecker.set(checker, [{ ...file, text }]);
  }

  const checked: CheckedFile[] = [];
  const sources: SourceLookup[] = [];
  for (const [checker, files] of byChecker) {
    let result;
    try {
      result = checker.check(files, { importPaths, configFiles });
    } catch (e) {
      // A bug in one format's checks should not hide the other formats' findings.
      problems.push(`internal error while checking ${checker.name} files: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      continue;
    }
    checked.push(...result.files);
    problems.push(...result.problems);
    sources.push(result.source);
  }
  const source: SourceLookup = (uri) => {
    for (const s of sources) {
      const hit = s(uri);
      if (hit) return hit;
    }
    return undefined;
  };

  for (const [ext, n] of unsupported) io.note(`skipped ${n} ${ext} file${n === 1 ? '' : 's'}: this version does not check ${ext} yet`);

  const report = buildReport(checked, source, io.cwd);
  io.out(args.format === 'json' ? renderJson(report) : renderText(report, { color: io.color }));
  for (const p of problems) io.error(p);
  if (problems.length) return EXIT_USAGE;
  return hasErrors(report) ? EXIT_FINDINGS : EXIT_CLEAN;
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
