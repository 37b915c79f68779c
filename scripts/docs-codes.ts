// Writes docs/diagnostics.md from the registry of diagnostic codes (server/src/core/diagnostics/codes.ts).
// Run: node --import tsx scripts/docs-codes.ts   (test/core/diagnostics/codes.test.ts fails when the file is out of date)
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderCodesMarkdown } from '../server/src/core/diagnostics/codesMarkdown';

const target = join(__dirname, '..', 'docs', 'diagnostics.md');
writeFileSync(target, renderCodesMarkdown());
console.log(`wrote ${target}`);
