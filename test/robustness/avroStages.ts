/**
 * One Avro text (.avsc, .avpr or .avdl) through every stage, the way the CLI and the language
 * server call them: parse (into the workspace's files), check (the core's checks with the file's
 * scope, and unresolved IDL imports), codegen (model, generated modules, code lens sites, the
 * stale warning), breaking changes against the original file (Avro schema resolution in FULL
 * mode, with the quick fixes), and every editor feature of the Avro service: document and
 * workspace symbols, formatting (.avsc), code actions over the file and at positions, hover,
 * definition, references, prepare-rename, rename and completion at positions chosen from the
 * file's strings and words, a random offset, and out-of-range positions.
 */
import { basename } from 'node:path';
import type { AvroFile } from '../../server/src/core/avro/ast';
import { checkAvro } from '../../server/src/core/avro/check';
import { expectedModules, generate } from '../../server/src/core/codegen/index';
import { checkAvroMode } from '../../server/src/core/compat/avro/index';
import { lowerAvro } from '../../server/src/core/model/index';
import { LineIndex } from '../../server/src/core/text/lineIndex';
import type { AvroFiles } from '../../server/src/host/avroFiles';
import { codeActions } from '../../server/src/service/avro/codeActions';
import { completion } from '../../server/src/service/avro/completion';
import { definition } from '../../server/src/service/avro/definition';
import { avroDiagnostics } from '../../server/src/service/avro/diagnostics';
import { formatAvsc } from '../../server/src/service/avro/formatting';
import { hover } from '../../server/src/service/avro/hover';
import { resolverFor } from '../../server/src/service/avro/project';
import { references } from '../../server/src/service/avro/references';
import { isRenameError, prepareRename, rename } from '../../server/src/service/avro/rename';
import { documentSymbols, workspaceSymbols } from '../../server/src/service/avro/symbols';
import { avroFixes } from '../../server/src/service/breaking/avroFixes';
import { staleDiagnostics, unionSites } from '../../server/src/service/codegen/sites';
import type { AvroSyntax } from '../../server/src/core/avro/ast';
import { pathOf } from '../../server/src/host/protoFiles';
import { shown } from './corpus';
import type { Problems } from './invariants';
import { positionsIn, type Extras } from './protoStages';
import type { Tally } from './tally';

const everywhere = () => true;

export interface AvroUnit {
  readonly avro: AvroFiles;
  readonly path: string;
  readonly syntax: AvroSyntax;
  readonly text: string;
  /** Positions to ask at: this many words or strings, and `extras` (see positionsIn). */
  readonly positions: number;
  readonly extras?: Extras;
  readonly random: () => number;
  /** The original file, for the breaking stage of a variant. */
  readonly baseline?: AvroFile;
}

/** Runs every stage on the text; returns the parsed file (the original's is its variants' baseline). */
export function exerciseAvro(unit: AvroUnit, p: Problems, tally: Tally): AvroFile | undefined {
  const { avro, text } = unit;
  const uri = tally.time('parse', () => p.run('parse', () => avro.addFile(unit.path, text, unit.syntax)));
  if (!uri) return void p.add('the file could not be added');
  tally.time('parse', () => p.run('load imports', () => avro.loadImports([uri])));
  const file = avro.registry.file(uri);
  if (!file) return void p.add('the registry lost the file');
  const textOf = (u: string) => avro.registry.file(u)?.text;

  // check: what `event-schemas check` runs, and what the editor publishes
  const diags = tally.time('check', () => p.run('check', () => [...checkAvro(file, avro.scope(uri), { uri }), ...avro.importDiagnostics(uri)])) ?? [];
  p.diagnostics('diagnostic', diags, text, uri);
  const served = p.run('avroDiagnostics', () => avroDiagnostics(avro, uri)) ?? [];
  p.diagnostics('service diagnostic', served, text, uri);
  const lspDiags = p.published(diags, text, uri, textOf);
  tally.count('check');

  // codegen as the editor and the CLI run it: the model (code lenses, the stale check) always,
  // generated modules only from a schema without errors (both refuse to generate from one)
  const clean = !diags.some((d) => d.severity === 'error');
  tally.time('codegen', () =>
    p.run('codegen', () => {
      // Modules mirror paths below one root, as the editor and the CLI lay them out.
      const model = lowerAvro(avro.registry, [{ uri, path: shown(unit.path) }], { pathOf: (u) => shown(pathOf(u) ?? u) });
      expectedModules(model);
      const modelFile = model.files.find((f) => f.uri === uri);
      if (modelFile) {
        for (const site of unionSites(model, modelFile, file)) p.span('code lens', site.span, text.length);
        p.diagnostics('stale warning', staleDiagnostics(model, modelFile, file, 'x_avro.ts'), text, uri);
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

  if (unit.baseline) {
    const old = unit.baseline;
    tally.time('breaking', () =>
      p.run('breaking', () => {
        const findings = checkAvroMode({ file, uri, path: basename(unit.path), registry: avro.scope(uri), label: 'current' }, [{ file: old, uri: 'baseline:///' + basename(unit.path), label: 'original' }], 'FULL');
        const resolve = resolverFor(avro, uri);
        for (const f of findings) {
          p.span(`breaking ${f.code}`, f.span, f.anchor === 'baseline' ? old.text.length : text.length);
          if (f.baseline) p.span(`breaking ${f.code} baseline`, f.baseline.span, old.text.length);
          if (f.message === '' || f.message.endsWith('.')) p.add(`breaking ${f.code}: bad message ${JSON.stringify(f.message)}`);
          if (f.direction !== 'backward') continue;
          for (const fix of avroFixes(f, file, resolve, old)) {
            for (const e of fix.edits) p.span(`breaking ${f.code} fix "${fix.title}"`, e.span, e.uri === undefined || e.uri === uri ? text.length : old.text.length);
          }
        }
      }),
    );
    tally.count('breaking');
  }

  const w = <T>(feature: string, fn: () => T): T => tally.time(feature, fn);
  p.documentSymbols('documentSymbol', uri, w('documentSymbol', () => p.run('documentSymbols', () => documentSymbols(avro, uri))) ?? []);
  const query = avro.registry.definitionsIn(uri)[0]?.fullName.split('.').pop()?.slice(0, 3) ?? '';
  p.workspaceSymbols('workspaceSymbol', w('workspaceSymbol', () => p.run('workspaceSymbols', () => workspaceSymbols(avro, query))) ?? []);
  if (unit.syntax === 'avsc') {
    const options = unit.random() < 0.5 ? { tabSize: 2, insertSpaces: true } : { tabSize: 4, insertSpaces: false };
    p.formatting('formatting', uri, text, w('formatting', () => p.run('formatting', () => formatAvsc(text, options))) ?? []);
  }
  const index = new LineIndex(text);
  const whole = { start: { line: 0, character: 0 }, end: index.positionAt(text.length) };
  const imports = avro.importDiagnostics(uri);
  p.codeActions('codeAction (file)', w('codeAction', () => p.run('codeActions', () => codeActions(avro, uri, whole, { diagnostics: lspDiags }, imports))) ?? []);
  tally.count('documentSymbol', 'workspaceSymbol', 'codeAction', ...(unit.syntax === 'avsc' ? ['formatting'] : []));

  const positions = positionsIn(text, wordsOf(text), unit.positions, unit.random, unit.extras);
  for (const pos of positions) {
    const at = `${pos.line}:${pos.character}`;
    p.hover(`hover ${at}`, uri, w('hover', () => p.run(`hover ${at}`, () => hover(avro, uri, pos))) ?? null);
    p.links(`definition ${at}`, uri, w('definition', () => p.run(`definition ${at}`, () => definition(avro, uri, pos))) ?? []);
    p.locations(`references ${at}`, w('references', () => p.run(`references ${at}`, () => references(avro, uri, pos, true))) ?? []);
    const prepared = w('prepareRename', () => p.run(`prepareRename ${at}`, () => prepareRename(avro, uri, pos, everywhere)));
    if (prepared && !isRenameError(prepared)) p.range(`prepareRename ${at}`, uri, prepared.range);
    const options = { keepAlias: unit.random() < 0.5 ? ('always' as const) : ('ask' as const), annotations: unit.random() < 0.5 };
    const renamed = w('rename', () => p.run(`rename ${at}`, () => rename(avro, uri, pos, 'Renamed_1', everywhere, options)));
    if (renamed && !isRenameError(renamed)) p.workspaceEdit(`rename ${at}`, renamed);
    p.completion(`completion ${at}`, uri, w('completion', () => p.run(`completion ${at}`, () => completion(avro, uri, pos))) ?? null);
    const range = { start: pos, end: pos };
    p.codeActions(`codeAction ${at}`, w('codeAction', () => p.run(`codeActions ${at}`, () => codeActions(avro, uri, range, { diagnostics: lspDiags }, imports))) ?? []);
  }
  tally.count('hover', 'definition', 'references', 'prepareRename', 'rename', 'completion', 'codeAction', positions.length);
  return file;
}

/** Spans of the words and quoted strings of a text: where names, types and keys are. */
function wordsOf(text: string): { span: { start: number; end: number } }[] {
  const out: { span: { start: number; end: number } }[] = [];
  for (const m of text.matchAll(/"(?:[^"\\\n]|\\.)*"|[A-Za-z_][\w.]*/g)) out.push({ span: { start: m.index, end: m.index + m[0].length } });
  return out;
}
