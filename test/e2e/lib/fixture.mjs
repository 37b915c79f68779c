// Finds the scenario's positions in the fixture workspace (1-based, as VS Code's UI shows them).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const scenario = JSON.parse(readFileSync(new URL('../scenario.json', import.meta.url), 'utf8'));

/** 1-based line and column of `inner` inside the first line containing `needle`. */
export function locate(wsDir, file, needle, inner = needle) {
  const lines = readFileSync(join(wsDir, file), 'utf8').split('\n');
  const i = lines.findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`fixture ${file} has no line containing '${needle}'`);
  const col = lines[i].indexOf(needle) + needle.indexOf(inner);
  return { line: i + 1, column: col + 1 };
}
