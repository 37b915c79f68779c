/** PACKAGE_SERVICE_NO_DELETE: a service may not disappear from its package (moving it to another file of the package is fine). */
import { was, type BreakingRule } from '../rule';
import { byPackage, packageFilePlace } from './packageDeletion';

export const packageServiceNoDelete: BreakingRule = {
  id: 'PACKAGE_SERVICE_NO_DELETE',
  categories: ['PACKAGE'],
  check(pairs, report) {
    const index = (files: typeof pairs.currentFiles) =>
      byPackage(files.flatMap((f) => f.services), (s) => s.file.package, (s) => s.name);
    const now = index(pairs.currentFiles);
    // A package counts as present when any file declares it, services or not (unlike the
    // enum, message and extension rules, which only see packages that declare one).
    for (const f of pairs.currentFiles) if (!now.has(f.package)) now.set(f.package, new Map());
    for (const [pkg, services] of index(pairs.previousFiles)) {
      const current = now.get(pkg);
      if (!current) continue;
      for (const [name, s] of services) {
        if (current.has(name)) continue;
        report({
          message: `previously present service "${name}" was deleted from package "${pkg}"`,
          at: packageFilePlace(pairs, s.file),
          was: was(s.file, s.nameSpan),
        });
      }
    }
  },
};
