/** PACKAGE_EXTENSION_NO_DELETE: an extension may not disappear from its package (moving it to another file of the package is fine). */
import { extensionNestedName } from '../describe';
import { allExtensions } from '../pairs';
import { was, type BreakingRule } from '../rule';
import { byPackage, packageDeletedPlace } from './packageDeletion';

export const packageExtensionNoDelete: BreakingRule = {
  id: 'PACKAGE_EXTENSION_NO_DELETE',
  categories: ['PACKAGE'],
  check(pairs, report) {
    const index = (files: typeof pairs.currentFiles) =>
      byPackage(files.flatMap((f) => allExtensions(f)), (x) => x.file.package, extensionNestedName);
    const now = index(pairs.currentFiles);
    for (const [pkg, extensions] of index(pairs.previousFiles)) {
      const current = now.get(pkg);
      if (!current) continue;
      for (const [name, x] of extensions) {
        if (current.has(name)) continue;
        report({
          message: `previously present extension "${name}" was deleted from package "${pkg}"`,
          at: packageDeletedPlace(pairs, x.file, name),
          was: was(x.file, x.nameSpan),
        });
      }
    }
  },
};
