/** PACKAGE_NO_DELETE: a package may not disappear (every file of it deleted or moved to other packages). */
import { was, type BreakingRule } from '../rule';

export const packageNoDelete: BreakingRule = {
  id: 'PACKAGE_NO_DELETE',
  categories: ['PACKAGE'],
  check(pairs, report) {
    const now = new Set(pairs.currentFiles.map((f) => f.package));
    const before = new Map<string, typeof pairs.previousFiles[number]>();
    for (const f of pairs.previousFiles) {
      const first = before.get(f.package);
      // The alphabetically first file stands for the package, as in buf.
      if (!first || f.path < first.path) before.set(f.package, f);
    }
    for (const [pkg, file] of before) {
      if (now.has(pkg)) continue;
      report({ message: `previously present package "${pkg}" was deleted`, was: was(file) });
    }
  },
};
