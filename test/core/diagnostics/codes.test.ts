// The registry of diagnostic codes, the sources and docs/diagnostics.md stay in step: every code
// the sources can emit is registered, every registered code is still emitted somewhere, every
// entry is complete and named by the rule, and the documentation is the registry's rendering.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { AVRO_CODES } from '../../../server/src/core/avro/codes';
import { AVRO_INCOMPATIBILITY_TYPES } from '../../../server/src/core/compat/avro/types';
import { ALL_RULES } from '../../../server/src/core/compat/proto/rules/index';
import { CODES, STAGES, codeInfo, codesOfStage, isKnownCode } from '../../../server/src/core/diagnostics/codes';
import { REGENERATE_COMMAND, renderCodesMarkdown } from '../../../server/src/core/diagnostics/codesMarkdown';
import { HANDLER_CODES } from '../../../server/src/core/handlers/codes';
import { KEBAB_CODE, UPPER_CODE, codeConstants, propertyValues, scanSource, variableStrings, type FileScan } from './codeScan';

const root = join(__dirname, '..', '..', '..');

/** Files that describe codes rather than emit them; counting them would hide stale entries. */
const DESCRIBERS = ['server/src/core/diagnostics/', 'server/src/core/avro/codes.ts', 'server/src/core/codegen/runtimeSources.ts'];
/** Literals shaped like a kebab code that are something else. */
const NOT_CODES: ReadonlyMap<string, string> = new Map([
  ['refs/heads', 'a git ref namespace'],
  ['refs/remotes', 'a git ref namespace'],
]);
/** Where Confluent's difference types are produced, and the set of those that never become findings. */
const CONFLUENT_DIR = 'server/src/core/compat/proto/confluent/';
const UPPER_STAGES = new Set(['breaking-proto', 'confluent-proto', 'avro-compat']);
const SEVERITIES = new Set(['error', 'warning', 'info', 'hint']);

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') && !p.endsWith('.d.ts') ? [p] : [];
  });
}

interface Emitted {
  /** Every code the sources emit, with where. */
  readonly codes: Map<string, string[]>;
  /** Template-built codes (`${stage}/name`) whose stage no registered code matches. */
  readonly unmatchedTemplates: string[];
  /** Severities written next to each code. */
  readonly severities: Map<string, Set<string>>;
}

let cached: Emitted | undefined;

function emitted(): Emitted {
  if (cached) return cached;
  const files = sources(join(root, 'server', 'src'))
    .map((abs) => ({ abs, rel: relative(root, abs).split(sep).join('/') }))
    .filter((f) => !DESCRIBERS.some((d) => f.rel.startsWith(d)));
  const texts = new Map(files.map((f) => [f.rel, readFileSync(f.abs, 'utf8')]));
  const constants = new Map<string, string>();
  for (const [rel, text] of texts) for (const [k, v] of codeConstants(rel, text)) constants.set(k, v);

  const codes = new Map<string, string[]>();
  const note = (code: string, where: string) => {
    const list = codes.get(code) ?? [];
    list.push(where);
    codes.set(code, list);
  };
  const severities = new Map<string, Set<string>>();
  const unmatchedTemplates: string[] = [];
  const confluentProduced = new Set<string>();
  const confluentCompatible = new Set<string>();

  for (const [rel, text] of texts) {
    const scan: FileScan = scanSource(rel, text, constants);
    for (const [code, places] of scan.kebab) if (!NOT_CODES.has(code)) for (const p of places) note(code, `${p.file}:${p.line}`);
    for (const [code, places] of scan.upper) for (const p of places) note(code, `${p.file}:${p.line}`);
    for (const [tail, places] of scan.templates) {
      // `${code}/overlap` in a file that also holds 'reserved' and 'extensions' emits both codes.
      const matches = Object.keys(CODES).filter((c) => c.endsWith(tail) && scan.strings.has(c.slice(0, -tail.length)));
      for (const p of places) {
        if (matches.length === 0) unmatchedTemplates.push(`\`\${...}${tail}\` at ${p.file}:${p.line}`);
        for (const c of matches) note(c, `${p.file}:${p.line} (template)`);
      }
    }
    for (const [code, sevs] of scan.severities) {
      const set = severities.get(code) ?? new Set<string>();
      for (const s of sevs) set.add(s);
      severities.set(code, set);
    }
    if (rel.startsWith(CONFLUENT_DIR)) {
      for (const t of propertyValues(rel, text, 'type')) confluentProduced.add(t);
      for (const t of variableStrings(rel, text, 'COMPATIBLE_CHANGES')) confluentCompatible.add(t);
    }
  }
  for (const rule of ALL_RULES) note(rule.id, 'core/compat/proto/rules (ALL_RULES)');
  for (const t of AVRO_INCOMPATIBILITY_TYPES) note(t, 'core/compat/avro/types.ts (AVRO_INCOMPATIBILITY_TYPES)');
  for (const t of confluentProduced) if (!confluentCompatible.has(t)) note(t, `${CONFLUENT_DIR} (a difference type outside COMPATIBLE_CHANGES)`);
  cached = { codes, unmatchedTemplates, severities };
  return cached;
}

test('every code the sources emit is registered', () => {
  const missing = [...emitted().codes].filter(([code]) => !isKnownCode(code)).map(([code, where]) => `${code} (${where.join(', ')})`);
  assert.deepEqual(missing.sort(), [], 'add these codes to server/src/core/diagnostics/*Codes.ts');
});

test('every code built from a template matches registered codes', () => {
  assert.deepEqual(emitted().unmatchedTemplates, []);
});

test('every registered code is still emitted somewhere', () => {
  const used = emitted().codes;
  const stale = Object.keys(CODES).filter((c) => !used.has(c));
  assert.deepEqual(stale.sort(), [], 'registered but emitted nowhere: remove them only if no release ever emitted them');
});

test('codes follow the naming rule of their stage', () => {
  for (const [code, info] of Object.entries(CODES)) {
    if (UPPER_STAGES.has(info.stage)) {
      assert.match(code, UPPER_CODE, `${code}: breaking-change codes are the upstream UPPER_SNAKE IDs`);
    } else {
      assert.match(code, KEBAB_CODE, `${code}: codes are kebab-case stage/name`);
      assert.equal(code.slice(0, code.indexOf('/')), info.stage, `${code}: the prefix is the stage`);
    }
  }
});

test('every entry has a valid severity, a meaning and a fix, in the house style', () => {
  const stages = new Set(STAGES.map((s) => s.id));
  for (const [code, info] of Object.entries(CODES)) {
    assert.ok(stages.has(info.stage), `${code}: unknown stage ${info.stage}`);
    assert.ok(SEVERITIES.has(info.severity), `${code}: severity ${info.severity}`);
    for (const s of info.alsoAs ?? []) {
      assert.ok(SEVERITIES.has(s) && s !== info.severity, `${code}: alsoAs ${s}`);
    }
    for (const [what, text] of [
      ['summary', info.summary],
      ['fix', info.fix],
    ] as const) {
      assert.ok(text.trim().length >= 8, `${code}: ${what} is missing`);
      assert.doesNotMatch(text, /^[A-Z]/, `${code}: ${what} must start lowercase`);
      assert.doesNotMatch(text, /\.$/, `${code}: ${what} must not end with a period`);
      assert.doesNotMatch(text, /\n/, `${code}: ${what} must be one line`);
    }
    if (info.docs !== undefined) assert.match(info.docs, /^https:\/\/\S+$/, `${code}: docs is a link`);
    assert.equal(info.categories !== undefined, info.stage === 'breaking-proto', `${code}: only buf rules have categories`);
  }
});

test('stages are listed once each, and each has codes', () => {
  const ids = STAGES.map((s) => s.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const s of STAGES) assert.ok(codesOfStage(s.id).length > 0, `stage ${s.id} has no codes`);
});

test("buf rules carry buf's categories and link to buf's documentation", () => {
  for (const rule of ALL_RULES) {
    const info = codeInfo(rule.id);
    assert.ok(info, rule.id);
    assert.equal(info.stage, 'breaking-proto', rule.id);
    assert.deepEqual([...(info.categories ?? [])].sort(), [...rule.categories].sort(), `${rule.id}: categories`);
    assert.equal(info.docs, `https://buf.build/docs/breaking/rules/#${rule.id.toLowerCase()}`);
  }
  assert.equal(codesOfStage('breaking-proto').length, ALL_RULES.length);
  for (const t of AVRO_INCOMPATIBILITY_TYPES) assert.equal(codeInfo(t)?.stage, 'avro-compat', t);
});

test('the severities written next to a code are among its registered ones', () => {
  const wrong: string[] = [];
  for (const [code, seen] of emitted().severities) {
    const info = codeInfo(code);
    if (!info) continue; // reported by the first test
    const allowed = new Set([info.severity, ...(info.alsoAs ?? [])]);
    for (const s of seen) if (!allowed.has(s as never)) wrong.push(`${code}: emitted as ${s}, registered as ${[...allowed].join('/')}`);
  }
  assert.deepEqual(wrong.sort(), []);
  // The pairing must see the usual shapes, or this test would pass vacuously.
  const seen = emitted().severities;
  assert.deepEqual([...(seen.get('resolve/unused-import') ?? [])], ['warning']);
  assert.deepEqual([...(seen.get('codegen/stale') ?? [])], ['warning']);
  assert.deepEqual([...(seen.get('handlers/discarded-result') ?? [])].sort(), ['error', 'hint']);
  assert.deepEqual([...(seen.get('fields/json-name-conflict') ?? [])].sort(), ['error', 'warning']);
});

test('isKnownCode answers for registered codes only', () => {
  assert.equal(isKnownCode('resolve/unknown-type'), true);
  assert.equal(isKnownCode('FIELD_NO_DELETE'), true);
  assert.equal(isKnownCode('READER_FIELD_MISSING_DEFAULT_VALUE'), true);
  assert.equal(isKnownCode('resolve/unknown'), false);
  assert.equal(isKnownCode('field_no_delete'), false);
  assert.equal(isKnownCode(''), false);
  for (const inherited of ['toString', 'constructor', '__proto__', 'hasOwnProperty']) {
    assert.equal(isKnownCode(inherited), false, inherited);
    assert.equal(codeInfo(inherited), undefined, inherited);
  }
  assert.equal(codeInfo('file/missing-syntax')?.severity, 'warning');
});

test("the Avro core's and the handler rules' own tables agree with the registry", () => {
  for (const code of Object.keys(AVRO_CODES)) assert.ok(isKnownCode(code), code);
  for (const code of Object.values(HANDLER_CODES)) assert.equal(codeInfo(code)?.stage, 'handlers', code);
});

test('docs/diagnostics.md is the rendering of the registry', () => {
  const path = join(root, 'docs', 'diagnostics.md');
  const expected = renderCodesMarkdown();
  let actual = '';
  try {
    actual = readFileSync(path, 'utf8');
  } catch {
    // Missing: reported as a difference below.
  }
  assert.ok(actual === expected, `docs/diagnostics.md is out of date with the registry: run \`${REGENERATE_COMMAND}\``);
  for (const code of Object.keys(CODES)) assert.ok(expected.includes(`\`${code}\``), `${code} is documented`);
});

test('the scanner finds codes in code, not in comments, and pairs them with severities', () => {
  const text = [
    "// 'comment/only' in a comment",
    "const STALE = 'codegen/x-stale';",
    "const TABLE = { a: 'handlers/a-code' } as const;",
    "diagnostic('stage/first-code', flag ? 'warning' : 'error', 'message with a/slash in it', span);",
    'diagnostic(STALE, \'hint\', "m", span);',
    "report(TABLE.a, 'info', 'm', span);",
    "diagnostic('UPPER_CODE_X', 'error', 'm', span);",
    "const f = { code: 'OTHER_CODE', type: ok ? 'A_ONE' : 'B_TWO' };",
    "const COMPATIBLE_CHANGES = new Set(['A_ONE']);",
    'diagnostic(`${kind}/built-code`, \'error\', "m", span);',
    "const kind = flag ? 'left' : 'right';",
  ].join('\n');
  const constants = codeConstants('x.ts', text);
  assert.deepEqual([...constants].sort(), [
    ['STALE', 'codegen/x-stale'],
    ['TABLE.a', 'handlers/a-code'],
  ]);
  const scan = scanSource('x.ts', text, constants);
  assert.deepEqual([...scan.kebab.keys()].sort(), ['codegen/x-stale', 'handlers/a-code', 'stage/first-code']);
  assert.deepEqual([...scan.upper.keys()].sort(), ['OTHER_CODE', 'UPPER_CODE_X']);
  assert.deepEqual([...scan.templates.keys()], ['/built-code']);
  assert.ok(scan.strings.has('left') && scan.strings.has('right'));
  assert.deepEqual([...(scan.severities.get('stage/first-code') ?? [])].sort(), ['error', 'warning']);
  assert.deepEqual([...(scan.severities.get('codegen/x-stale') ?? [])], ['hint']);
  assert.deepEqual([...(scan.severities.get('handlers/a-code') ?? [])], ['info']);
  assert.deepEqual(scan.kebab.get('stage/first-code'), [{ file: 'x.ts', line: 4 }]);
  assert.deepEqual([...propertyValues('x.ts', text, 'type')].sort(), ['A_ONE', 'B_TWO']);
  assert.deepEqual([...variableStrings('x.ts', text, 'COMPATIBLE_CHANGES')], ['A_ONE']);
});
