/** EXTENSION_NO_DELETE: an extension may not be deleted from a file. */
import { deletedPlace, extensionNestedName } from '../describe';
import { allExtensions } from '../pairs';
import { was, type BreakingRule } from '../rule';

export const extensionNoDelete: BreakingRule = {
  id: 'EXTENSION_NO_DELETE',
  categories: ['FILE'],
  filePair(previous, current, report) {
    const now = new Set(allExtensions(current).map(extensionNestedName));
    for (const x of allExtensions(previous)) {
      const name = extensionNestedName(x);
      if (now.has(name)) continue;
      report({
        message: `previously present extension "${name}" was deleted from file`,
        at: deletedPlace(current, name),
        was: was(previous, x.nameSpan),
      });
    }
  },
};
