/**
 * One .proto text through every stage, the way the CLI and the language server call them: parse
 * (into the project), check (links and every semantic check `event-schemas check` runs), codegen
 * (model, generated modules, code lens sites, the stale warning), breaking changes against the
 * original file (buf's four categories and Schema Registry's rules, with the reserve fixes), and
 * every editor feature of the service layer: document and workspace symbols, semantic tokens,
 * folding, formatting, code actions over the file and at positions, hover, definition,
 * references, prepare-rename, rename and completion at positions chosen from the file's tokens,
 * a random offset, and out-of-range positions.
 */
import type { Position } from 'vscode-languageserver-types';
import { expectedModules, generate } from '../../server/src/core/codegen/index';
import { buildProtoImage } from '../../server/src/core/compat/proto/build';
import { checkBreaking } from '../../server/src/core/compat/proto/check';
import { checkConfluentProto } from '../../server/src/core/compat/proto/confluent/check';
import type { Finding } from '../../server/src/core/compat/finding';
import type { ProtoImage } from '../../server/src/core/compat/proto/image';
import { allEnums, allMessages } from '../../server/src/core/compat/proto/pairs';
import { lowerProto } from '../../server/src/core/model/index';
import type { ProtoProject } from '../../server/src/core/proto/project';
import { LineIndex } from '../../server/src/core/text/lineIndex';
import type { ProtoFiles } from '../../server/src/host/protoFiles';
import { RESERVE_RULES, isAcknowledged, reserveFix, type DeletedElement } from '../../server/src/service/breaking/protoFixes';
import { staleDiagnostics, unionSites } from '../../server/src/service/codegen/sites';
import { codeActions } from '../../server/src/service/proto/codeActions';
import { completion } from '../../server/src/service/proto/completion';
import { definition } from '../../server/src/service/proto/definition';
import { foldingRanges } from '../../server/src/service/proto/folding';
import { formatDocument } from '../../server/src/service/proto/formatting';
import { hover } from '../../server/src/service/proto/hover';
import { references } from '../../server/src/service/proto/references';
import { prepareRename, rename, isRenameError } from '../../server/src/service/proto/rename';
import { semanticTokens, semanticTokensLegend } from '../../server/src/service/proto/semanticTokens';
import { documentSymbols, workspaceSymbols } from '../../server/src/service/proto/symbols';
import type { Problems } from './invariants';
import type { Tally } from './tally';

const ALL_CATEGORIES = { version: 'v2' as const, use: ['FILE', 'PACKAGE', 'WIRE_JSON', 'WIRE'] };
const everywhere = () => true;

export interface ProtoUnit {
  readonly project: ProtoProject;
  readonly loader: ProtoFiles;
  readonly path: string;
  readonly text: string;
  /** Positions to ask at: this many tokens, and `extras` (see positionsIn). */
  readonly positions: number;
  readonly extras?: Extras;
  /**
   * Also the features whose input is the workspace rather than the document: workspace symbols,
   * and the stale check's schema hashes over the file and everything it imports. Once per file.
   */
  readonly workspace?: boolean;
  readonly random: () => number;
  /** The original's image, for the breaking stage of a variant; the original returns its own. */
  readonly baseline?: { readonly image: ProtoImage; readonly text: string };
}

/** Runs every stage on the text; returns the file's image when asked to (the original, for its variants). */
export function exerciseProto(unit: ProtoUnit, p: Problems, tally: Tally, wantImage: boolean): ProtoImage | undefined {
  const { project, loader, text } = unit;
  const uri = tally.time('parse', () => p.run('parse', () => loader.addFile(unit.path, text)));
  if (!uri) return void p.add('the file could not be added');
  tally.time('parse', () => p.run('load imports', () => loader.loadImports([uri])));
  const state = project.get(uri);
  if (!state) return void p.add('the project lost the file');

  // check
  const diags = tally.time('check', () => p.run('check', () => project.diagnostics(uri))) ?? [];
  p.diagnostics('diagnostic', diags, text, uri);
  const textOf = (u: string) => project.get(u)?.text;
  const lspDiags = p.published(diags, text, uri, textOf);
  tally.count('check');

  // codegen as the editor and the CLI run it: the model (code lenses, the stale check) always,
  // generated modules only from a schema without errors (both refuse to generate from one)
  const clean = !diags.some((d) => d.severity === 'error');
  tally.time('codegen', () =>
    p.run('codegen', () => {
      const model = lowerProto(project, [uri]);
      if (unit.workspace) expectedModules(model);
      const file = model.files.find((f) => f.uri === uri);
      if (file) {
        for (const site of unionSites(model, file, state.ast)) p.span('code lens', site.span, text.length);
        p.diagnostics('stale warning', staleDiagnostics(model, file, state.ast, 'x_pb.ts'), text, uri);
      }
      if (clean) {
        const files = tally.time('generate', () => generate(model).files);
        p.generated('generate', files);
        // Diagnostics or output: a schema without errors that declares types gets its module.
        if (model.files.some((f) => f.uri === uri && f.types.length > 0) && !files.some((f) => f.sourceUri === uri)) p.add('generate: no module for a schema without errors');
      }
    }),
  );
  tally.count('codegen');
  if (clean) tally.count('generate');

  // breaking changes against the original
  let image: ProtoImage | undefined;
  if (wantImage || unit.baseline) image = tally.time('breaking', () => p.run('image', () => buildProtoImage(project, [uri])));
  if (unit.baseline && image) {
    const baseline = unit.baseline;
    tally.time('breaking', () =>
      p.run('breaking', () => {
        const findings = [...checkBreaking(baseline.image, image, ALL_CATEGORIES), ...checkConfluentProto([baseline.image], image, 'FULL')];
        for (const f of findings) breakingFinding(p, f, text, baseline, state.ast);
      }),
    );
    tally.count('breaking');
  }

  // whole-document features
  const w = <T>(feature: string, fn: () => T): T => tally.time(feature, fn);
  const symbols = w('documentSymbol', () => p.run('documentSymbols', () => documentSymbols(project, uri))) ?? [];
  p.documentSymbols('documentSymbol', uri, symbols);
  if (unit.workspace) {
    const query = symbols[0]?.name.slice(0, 4) ?? '';
    p.workspaceSymbols('workspaceSymbol', w('workspaceSymbol', () => p.run('workspaceSymbols', () => workspaceSymbols(project, query))) ?? []);
    tally.count('workspaceSymbol');
  }
  const tokens = w('semanticTokens', () => p.run('semanticTokens', () => semanticTokens(state.parse, text, project.link(uri)))) ?? [];
  p.semanticTokens('semanticTokens', uri, tokens, semanticTokensLegend.tokenTypes.length);
  p.folding('foldingRange', uri, w('foldingRange', () => p.run('foldingRanges', () => foldingRanges(state.parse, text))) ?? []);
  const options = unit.random() < 0.5 ? { tabSize: 2, insertSpaces: true } : { tabSize: 4, insertSpaces: false };
  p.formatting('formatting', uri, text, w('formatting', () => p.run('formatting', () => formatDocument(text, options))) ?? []);
  const index = new LineIndex(text);
  const whole = { start: { line: 0, character: 0 }, end: index.positionAt(text.length) };
  p.codeActions('codeAction (file)', w('codeAction', () => p.run('codeActions', () => codeActions(project, uri, whole, { diagnostics: lspDiags }))) ?? []);
  tally.count('documentSymbol', 'semanticTokens', 'foldingRange', 'formatting', 'codeAction');

  // features at positions
  const positions = positionsIn(text, state.parse.tokens, unit.positions, unit.random, unit.extras);
  const t = <T>(feature: string, fn: () => T): T => tally.time(feature, fn);
  for (const pos of positions) {
    const at = `${pos.line}:${pos.character}`;
    p.hover(`hover ${at}`, uri, t('hover', () => p.run(`hover ${at}`, () => hover(project, uri, pos))) ?? null);
    p.links(`definition ${at}`, uri, t('definition', () => p.run(`definition ${at}`, () => definition(project, uri, pos))) ?? []);
    p.locations(`references ${at}`, t('references', () => p.run(`references ${at}`, () => references(project, uri, pos, true))) ?? []);
    const prepared = t('prepareRename', () => p.run(`prepareRename ${at}`, () => prepareRename(project, uri, pos, everywhere)));
    if (prepared && !isRenameError(prepared)) p.range(`prepareRename ${at}`, uri, prepared.range);
    const renamed = t('rename', () => p.run(`rename ${at}`, () => rename(project, uri, pos, 'Renamed_1', everywhere)));
    if (renamed && !isRenameError(renamed)) p.workspaceEdit(`rename ${at}`, renamed);
    p.completion(`completion ${at}`, uri, t('completion', () => p.run(`completion ${at}`, () => completion(project, uri, pos))) ?? null);
    const range = { start: pos, end: pos };
    p.codeActions(`codeAction ${at}`, t('codeAction', () => p.run(`codeActions ${at}`, () => codeActions(project, uri, range, { diagnostics: lspDiags }))) ?? []);
  }
  tally.count('hover', 'definition', 'references', 'prepareRename', 'rename', 'completion', 'codeAction', positions.length);
  return image;
}

/**
 * Positions at `count` random tokens (the first in its middle), then `extras`: a random offset and
 * one outside the text (past the last line, past the end of a line, or one character past the
 * end), or one of the two, or neither.
 */
export function positionsIn(
  text: string,
  tokens: readonly { readonly span: { readonly start: number; readonly end: number } }[],
  count: number,
  random: () => number,
  extras: Extras = 'both',
): Position[] {
  const index = new LineIndex(text);
  const out: Position[] = [];
  for (let i = 0; i < count && tokens.length > 0; i++) {
    const t = tokens[Math.floor(random() * tokens.length)]!;
    out.push(index.positionAt(i === 0 ? (t.span.start + t.span.end) >> 1 : t.span.start));
  }
  // A text without tokens still gets one position.
  if (extras === 'none' && out.length > 0) return out;
  const inside = extras === 'both' || random() < 0.5;
  if (inside) out.push(index.positionAt(Math.floor(random() * (text.length + 1))));
  if (extras === 'both' || !inside) {
    const last = index.lineCount - 1;
    const outside = random();
    if (outside < 1 / 3) out.push({ line: last + 3, character: 0 });
    else if (outside < 2 / 3) out.push({ line: Math.floor(random() * index.lineCount), character: 10_000 });
    else out.push({ line: last, character: index.lineEnd(last) - index.lineStart(last) + 1 });
  }
  return out;
}

export type Extras = 'both' | 'one' | 'none';

function breakingFinding(p: Problems, f: Finding, text: string, baseline: { readonly image: ProtoImage; readonly text: string }, ast: Parameters<typeof isAcknowledged>[0]): void {
  // The baseline and the current file share a uri here: the anchor says which text a span is in.
  p.span(`breaking ${f.code}`, f.span, f.anchor === 'baseline' ? baseline.text.length : text.length);
  if (f.baseline) p.span(`breaking ${f.code} baseline`, f.baseline.span, baseline.text.length);
  for (const r of f.related ?? []) p.span(`breaking ${f.code} related`, r.span, Math.max(baseline.text.length, text.length));
  if (typeof f.message !== 'string' || f.message === '' || f.message.endsWith('.')) p.add(`breaking ${f.code}: bad message ${JSON.stringify(f.message)}`);
  const kind = RESERVE_RULES[f.code];
  if (!kind || f.anchor !== 'parent' || !f.baseline) return;
  const deleted = deletedElement(baseline.image, f.baseline.span, kind);
  if (!deleted) return;
  isAcknowledged(ast, f.span, deleted);
  const fix = reserveFix(ast, text, f.span, deleted);
  for (const e of fix?.edits ?? []) p.span(`breaking ${f.code} reserve fix`, e.span, text.length);
}

/** What the language server reads from the baseline to offer its reserve fix (lsp/breakingProto.ts). */
function deletedElement(image: ProtoImage, span: { start: number; end: number }, kind: 'field' | 'enumValue'): DeletedElement | undefined {
  const same = (s: { start: number; end: number }) => s.start === span.start && s.end === span.end;
  for (const file of image.files) {
    if (kind === 'field') {
      for (const m of allMessages(file)) {
        const hit = m.fields.find((x) => same(x.nameSpan));
        if (hit) return { kind, number: hit.number, names: [hit.name] };
      }
    } else {
      for (const e of allEnums(file)) {
        const v = e.values.find((x) => same(x.nameSpan));
        if (v) return { kind, number: v.number, names: [...new Set(e.values.filter((x) => x.number === v.number).map((x) => x.name))] };
      }
    }
  }
  return undefined;
}
