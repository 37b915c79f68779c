/** PACKAGE_ENUM_NO_DELETE: an enum may not disappear from its package (moving it to another file of the package is fine). */
import { allEnums } from '../pairs';
import { was, type BreakingRule } from '../rule';
import { byPackage, packageDeletedPlace } from './packageDeletion';

export const packageEnumNoDelete: BreakingRule = {
  id: 'PACKAGE_ENUM_NO_DELETE',
  categories: ['PACKAGE'],
  check(pairs, report) {
    const index = (files: typeof pairs.currentFiles) =>
      byPackage(files.flatMap((f) => allEnums(f)), (e) => e.file.package, (e) => e.nestedName);
    const now = index(pairs.currentFiles);
    for (const [pkg, enums] of index(pairs.previousFiles)) {
      const current = now.get(pkg);
      if (!current) continue;
      for (const [name, e] of enums) {
        if (current.has(name)) continue;
        report({
          message: `previously present enum "${name}" was deleted from package "${pkg}"`,
          at: packageDeletedPlace(pairs, e.file, name),
          was: was(e.file, e.nameSpan),
        });
      }
    }
  },
};
