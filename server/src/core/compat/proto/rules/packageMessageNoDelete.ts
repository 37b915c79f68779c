/** PACKAGE_MESSAGE_NO_DELETE: a message may not disappear from its package (moving it to another file of the package is fine). */
import { deletedPlace } from '../describe';
import { allMessages } from '../pairs';
import { atFile, was, type BreakingRule } from '../rule';
import { byPackage } from './packageDeletion';

export const packageMessageNoDelete: BreakingRule = {
  id: 'PACKAGE_MESSAGE_NO_DELETE',
  categories: ['PACKAGE'],
  check(pairs, report) {
    const index = (files: typeof pairs.currentFiles) =>
      byPackage(files.flatMap((f) => allMessages(f)), (m) => m.file.package, (m) => m.nestedName);
    const now = index(pairs.currentFiles);
    for (const [pkg, messages] of index(pairs.previousFiles)) {
      const current = now.get(pkg);
      if (!current) continue;
      for (const [name, m] of messages) {
        if (current.has(name)) continue;
        // The enclosing message is looked up in the whole package, so it may sit in another file.
        const file = pairs.currentFileByPath.get(m.file.path);
        const place = file ? deletedPlace(file, name, current) : undefined;
        report({
          message: `previously present message "${name}" was deleted from package "${pkg}"`,
          at: place ?? (file ? atFile(file) : undefined),
          was: was(m.file, m.nameSpan),
        });
      }
    }
  },
};
