/**
 * docs/diagnostics.md, rendered from the registry so the two cannot drift: scripts/docs-codes.ts
 * writes it, and a test fails when the file in the repository differs.
 */
import { CODES, STAGES, codesOfStage } from './codes';
import type { CodeInfo } from './codeTypes';

export const REGENERATE_COMMAND = 'node --import tsx scripts/docs-codes.ts';

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function severityCell(info: CodeInfo): string {
  return info.alsoAs?.length ? `${info.severity} (or ${info.alsoAs.join(', ')})` : info.severity;
}

function codeCell(code: string, info: CodeInfo): string {
  return info.docs ? `[\`${code}\`](${info.docs})` : `\`${code}\``;
}

export function renderCodesMarkdown(): string {
  const stages = STAGES.map((s) => ({ ...s, codes: codesOfStage(s.id) })).filter((s) => s.codes.length > 0);
  const total = stages.reduce((n, s) => n + s.codes.length, 0);
  const out: string[] = [
    '# Diagnostics',
    '',
    `<!-- Generated from server/src/core/diagnostics/codes.ts by \`${REGENERATE_COMMAND}\`. Do not edit by hand. -->`,
    '',
    'Every diagnostic that event-schemas reports, in the editor and on the command line, carries a stable code.',
    'Codes are never renamed or reused, so they are safe to filter on in CI (`--format json` prints them) and to search for here.',
    '',
    '- Our own codes are `stage/name` in kebab-case: the stage that finds the problem, then what it is.',
    "- Breaking-change codes are the upstream tools' own IDs, so they can be looked up there: buf's rule IDs for Protobuf",
    "  (`FIELD_NO_DELETE`), Confluent Schema Registry's difference types for its Protobuf rules, and Avro's incompatibility",
    '  types (`READER_FIELD_MISSING_DEFAULT_VALUE`) for Avro.',
    '- The severity is the default one. Where a code also takes another severity, the meaning says when.',
    '',
    `${total} codes in ${stages.length} stages:`,
    '',
    '| Stage | Codes |',
    '| --- | ---: |',
    ...stages.map((s) => `| [${s.title}](#${slug(s.title)}) | ${s.codes.length} |`),
  ];
  for (const s of stages) {
    const buf = s.id === 'breaking-proto';
    out.push('', `## ${s.title}`, '', s.about, '');
    out.push(buf ? '| Code | Severity | Categories | Meaning | Fix |' : '| Code | Severity | Meaning | Fix |');
    out.push(buf ? '| --- | --- | --- | --- | --- |' : '| --- | --- | --- | --- |');
    for (const code of s.codes) {
      const info = CODES[code]!;
      const categories = buf ? ` ${(info.categories ?? []).join(', ') || '(named only)'} |` : '';
      out.push(`| ${codeCell(code, info)} | ${severityCell(info)} |${categories} ${cell(info.summary)} | ${cell(info.fix)} |`);
    }
  }
  return out.join('\n') + '\n';
}

/** GitHub's heading anchors: lowercase, punctuation dropped, spaces to hyphens. */
function slug(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^a-z0-9 _-]/g, '')
    .replace(/ /g, '-');
}
