// Extension-host tests of the editor features, with the real `vscode` API in the fixture
// workspace (scenario.json names the facts): diagnostics with exact spans, hover and go to
// definition across .proto and across .avsc files, Avro rename with an alias; then "Generate
// handlers", the TypeScript plugin on the generated code, and schema <-> code. The tests of a
// suite run in order and build on each other, as a user's session would.
'use strict';
const assert = require('node:assert/strict');
const fs = require('node:fs');
const vscode = require('vscode');
const scenario = require('../scenario.json');
const { EXTENSION_ID, SOURCE, waitFor, openFixture, positionOf, codeOf, describe, hoverText, locations } = require('./helpers');

suite('schemas in the editor', () => {
  test('extension-activates', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is loaded`);
    await ext.activate();
    assert.equal(ext.isActive, true);
  });

  test('bad-proto-syntax-diagnostic', async () => {
    const doc = await openFixture(scenario.bad.file);
    assert.equal(doc.languageId, 'proto');
    const line = positionOf(doc, scenario.bad.line).line;
    const diag = await waitFor(`a syntax diagnostic from ${SOURCE} in ${scenario.bad.file}`, () => {
      const all = vscode.languages.getDiagnostics(doc.uri);
      const hit = all.find((d) => d.source === SOURCE && codeOf(d).startsWith('syntax/'));
      return hit ? { done: true, value: hit } : { done: false, seen: describe(all) };
    }, 45_000);
    assert.equal(diag.range.start.line, line, `the syntax error is on line ${line + 1}: ${describe([diag])}`);
    assert.equal(diag.severity, vscode.DiagnosticSeverity.Error);
  });

  test('bad-proto-unknown-type', async () => {
    const doc = await openFixture(scenario.bad.file);
    const start = positionOf(doc, scenario.bad.line, scenario.bad.unknownType);
    const diag = await waitFor(`resolve/unknown-type for '${scenario.bad.unknownType}'`, () => {
      const all = vscode.languages.getDiagnostics(doc.uri);
      const hit = all.find((d) => d.source === SOURCE && codeOf(d) === 'resolve/unknown-type');
      return hit ? { done: true, value: hit } : { done: false, seen: describe(all) };
    });
    // Exact spans: the type name itself, not the field or the message.
    assert.deepEqual(
      [diag.range.start.line, diag.range.start.character, diag.range.end.line, diag.range.end.character],
      [start.line, start.character, start.line, start.character + scenario.bad.unknownType.length],
      `span of ${describe([diag])}`,
    );
  });

  /** The hover at `needle`/`inner` in `file`, once it names `fullName`. */
  async function hoverAt(file, needle, inner, fullName) {
    const doc = await openFixture(file);
    const pos = positionOf(doc, needle, inner);
    return waitFor(`a hover naming ${fullName} in ${file}`, async () => {
      const t = hoverText((await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, pos)) ?? []);
      return t.includes(fullName) ? { done: true, value: t } : { done: false, seen: JSON.stringify(t.slice(0, 300)) };
    });
  }

  /** Go to definition at `needle`/`inner` in `file`: asserts it lands in `target` on the line of `declaration`. */
  async function definitionAt(file, needle, inner, target, declaration) {
    const doc = await openFixture(file);
    const pos = positionOf(doc, needle, inner);
    const hit = await waitFor(`a definition in ${target}`, async () => {
      const locs = locations(await vscode.commands.executeCommand('vscode.executeDefinitionProvider', doc.uri, pos));
      const found = locs.find((l) => l.uri.path.endsWith(`/${target}`));
      return found ? { done: true, value: found } : { done: false, seen: JSON.stringify(locs.map((l) => `${l.uri.path}:${l.range.start.line}`)) };
    });
    const targetDoc = await vscode.workspace.openTextDocument(hit.uri);
    const decl = positionOf(targetDoc, declaration);
    assert.equal(hit.range.start.line, decl.line, `definition lands on '${declaration}', not on line ${hit.range.start.line + 1}`);
  }

  test('hover-money', async () => {
    const text = await hoverAt(scenario.orders.file, scenario.orders.reference, scenario.orders.referenceName, scenario.money.fullName);
    assert.match(text, new RegExp(scenario.money.fullName.replace(/\./g, '\\.')));
  });

  test('definition-money', async () => {
    await definitionAt(scenario.orders.file, scenario.orders.reference, scenario.orders.referenceName, scenario.money.file, scenario.money.declaration);
  });

  // A record defined in one .avsc and used by its full name in another.
  test('avro-hover-type', async () => {
    const c = scenario.customer;
    const text = await hoverAt(scenario.avro.file, scenario.avro.reference, scenario.avro.referenceName, c.fullName);
    // kind, full name and the defining file, then the type's doc
    assert.match(text, new RegExp(`record \`${c.fullName.replace(/\./g, '\\.')}\``), text);
    assert.ok(text.includes(c.file.split('/').pop()), `the hover names ${c.file}: ${text}`);
    assert.ok(text.includes(c.doc), `the hover shows the doc '${c.doc}': ${text}`);
  });

  test('avro-definition-type', async () => {
    await definitionAt(scenario.avro.file, scenario.avro.reference, scenario.avro.referenceName, scenario.customer.file, scenario.customer.declaration);
  });

  test('avro-bad-default', async () => {
    const doc = await openFixture(scenario.avro.file);
    assert.equal(doc.languageId, 'avroavsc');
    const start = positionOf(doc, scenario.avro.line, scenario.avro.badDefault);
    const diag = await waitFor(`${scenario.avro.code} in ${scenario.avro.file}`, () => {
      const all = vscode.languages.getDiagnostics(doc.uri);
      const hit = all.find((d) => d.source === SOURCE && codeOf(d) === scenario.avro.code);
      return hit ? { done: true, value: hit } : { done: false, seen: describe(all) };
    });
    // On the default value itself, quotes included: not the field, not the record.
    assert.deepEqual(
      [diag.range.start.line, diag.range.start.character, diag.range.end.line, diag.range.end.character],
      [start.line, start.character, start.line, start.character + scenario.avro.badDefault.length],
      `span of ${describe([diag])}`,
    );
    assert.equal(diag.severity, vscode.DiagnosticSeverity.Error);
  });

  test('avro-rename-offers-alias', async () => {
    const doc = await openFixture(scenario.avro.file);
    const pos = positionOf(doc, '"OrderPlaced"', 'OrderPlaced');
    const edit = await waitFor('a rename edit for OrderPlaced', async () => {
      const e = await vscode.commands.executeCommand('vscode.executeDocumentRenameProvider', doc.uri, pos, 'OrderCreated');
      return e && e.size > 0 ? { done: true, value: e } : { done: false, seen: String(e) };
    });
    const texts = edit.entries().flatMap(([, edits]) => edits.map((x) => x.newText));
    // The language client declares change annotations, so the alias comes as an edit to confirm.
    assert.ok(texts.includes('"OrderCreated"'), JSON.stringify(texts));
    assert.ok(texts.includes(', "aliases": ["OrderPlaced"]'), JSON.stringify(texts));
  });
});

// "Generate handlers", the TypeScript plugin on the generated code, and schema <-> code.
suite('generate handlers', () => {
  const gen = scenario.generate;
  const wsRoot = () => vscode.workspace.workspaceFolders[0].uri;
  const wsUri = (rel) => vscode.Uri.joinPath(wsRoot(), rel);
  const isTsError = (d) => d.severity === vscode.DiagnosticSeverity.Error;
  const handlerFindings = (uri) => vscode.languages.getDiagnostics(uri).filter((d) => String(d.message).includes(`[${gen.missingCode}]`));

  test('generate-code-lens', async () => {
    const doc = await openFixture(gen.schema);
    const lenses = await waitFor('a "Generate handlers" code lens', async () => {
      const all = (await vscode.commands.executeCommand('vscode.executeCodeLensProvider', doc.uri)) ?? [];
      const hit = all.filter((l) => l.command && l.command.title === 'Generate handlers');
      return hit.length ? { done: true, value: hit } : { done: false, seen: JSON.stringify(all.map((l) => l.command && l.command.title)) };
    });
    const name = positionOf(doc, gen.envelope, gen.envelopeName);
    assert.deepEqual(lenses.map((l) => [l.range.start.line, l.range.start.character, l.command.command]), [[name.line, name.character, 'eventSchemas.generateHandlers']]);
  });

  test('generate-handlers-command', async () => {
    const doc = await openFixture(gen.schema);
    const result = await vscode.commands.executeCommand('eventSchemas.generateHandlers', doc.uri);
    assert.ok(result, 'the command returns the server answer');
    assert.deepEqual([result.errors, result.refused, result.failed], [[], [], []]);
    const written = result.written.map((u) => vscode.workspace.asRelativePath(vscode.Uri.parse(u), false)).sort();
    assert.deepEqual(written, [...gen.generated].sort());
    for (const rel of gen.generated) assert.match(fs.readFileSync(wsUri(rel).fsPath, 'utf8'), /^\/\/ Code generated by event-schemas\. DO NOT EDIT\./);
    // The command opens the module generated from the schema.
    await waitFor(`${gen.module} in the active editor`, () => {
      const active = vscode.window.activeTextEditor?.document.uri.path ?? '';
      return active.endsWith(`/${gen.module}`) ? { done: true } : { done: false, seen: active };
    }, 10_000);
  });

  test('handlers-missing-in-typescript', async () => {
    const doc = await openFixture(gen.handlers);
    // The first TypeScript request starts tsserver with our plugin: allow for it.
    const diag = await waitFor(`${gen.missingCode} in ${gen.handlers}`, () => {
      const hit = handlerFindings(doc.uri)[0];
      return hit ? { done: true, value: hit } : { done: false, seen: describe(vscode.languages.getDiagnostics(doc.uri)) };
    }, 120_000);
    assert.match(String(diag.message), new RegExp(gen.missingVariant));
    const cast = positionOf(doc, gen.cast, gen.castType);
    assert.deepEqual([diag.range.start.line, diag.range.start.character], [cast.line, cast.character], describe([diag]));
    // No other problem: the handler file compiles against the generated module.
    assert.deepEqual(vscode.languages.getDiagnostics(doc.uri).filter((d) => d !== diag && isTsError(d)).map((d) => d.message), []);
  });

  test('generated-code-typechecks', async () => {
    for (const rel of gen.generated) {
      const doc = await vscode.workspace.openTextDocument(wsUri(rel));
      await vscode.window.showTextDocument(doc, { preview: false });
      // A TypeScript hover on the first exported name proves tsserver has the file in its project.
      const exported = /export (?:declare )?(?:interface|type|function|const|class|enum) ([\w$]+)/.exec(doc.getText());
      assert.ok(exported, `${rel} exports something`);
      const at = doc.positionAt(exported.index + exported[0].length - exported[1].length + 1);
      await waitFor(`a TypeScript hover in ${rel}`, async () => {
        const hovers = (await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, at)) ?? [];
        return hovers.length ? { done: true } : { done: false, seen: 'no hover' };
      }, 60_000);
    }
    // Diagnostics follow the open; give them time to arrive, then expect none.
    await new Promise((r) => setTimeout(r, 4000));
    for (const rel of gen.generated) {
      const errors = vscode.languages.getDiagnostics(wsUri(rel)).filter(isTsError);
      assert.deepEqual(errors.map((d) => `${rel}:${d.range.start.line + 1} ${d.message}`), [], rel);
    }
  });

  test('add-missing-handlers-fix', async () => {
    const doc = await openFixture(gen.handlers);
    const diag = await waitFor(`${gen.missingCode} in ${gen.handlers}`, () => {
      const hit = handlerFindings(doc.uri)[0];
      return hit ? { done: true, value: hit } : { done: false, seen: describe(vscode.languages.getDiagnostics(doc.uri)) };
    }, 60_000);
    const actions = (await vscode.commands.executeCommand('vscode.executeCodeActionProvider', doc.uri, diag.range, vscode.CodeActionKind.QuickFix.value)) ?? [];
    const fix = actions.find((a) => a.title === gen.fix);
    assert.ok(fix, `"${gen.fix}" among ${JSON.stringify(actions.map((a) => a.title))}`);
    if (fix.edit) assert.equal(await vscode.workspace.applyEdit(fix.edit), true);
    if (fix.command) await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));
    assert.match(doc.getText(), new RegExp(`${gen.missingVariant}:`), 'the stub is in the file');
    await waitFor(`${gen.missingCode} to go away`, () => {
      const left = handlerFindings(doc.uri);
      return left.length === 0 ? { done: true } : { done: false, seen: describe(left) };
    }, 30_000);
    await doc.save();
    const errors = vscode.languages.getDiagnostics(doc.uri).filter(isTsError);
    assert.deepEqual(errors.map((d) => d.message), [], 'the stubs type-check');
  });

  test('schema-gains-variant-regenerate', async () => {
    const handlers = await openFixture(gen.handlers);
    const schema = await openFixture(gen.schema);
    const line = positionOf(schema, gen.newVariantLine).line;
    const edit = new vscode.WorkspaceEdit();
    edit.insert(schema.uri, new vscode.Position(line + 1, 0), `${gen.newVariant}\n`);
    edit.insert(schema.uri, schema.positionAt(schema.getText().length), `\n${gen.newMessage}`);
    assert.equal(await vscode.workspace.applyEdit(edit), true);
    await schema.save();
    // The schema now says its generated code is stale, on the envelope's name.
    const stale = await waitFor(`${gen.staleCode} on ${gen.schema}`, () => {
      const all = vscode.languages.getDiagnostics(schema.uri);
      const hit = all.find((d) => d.source === SOURCE && codeOf(d) === gen.staleCode);
      return hit ? { done: true, value: hit } : { done: false, seen: describe(all) };
    });
    const name = positionOf(schema, gen.envelope, gen.envelopeName);
    assert.deepEqual([stale.range.start.line, stale.range.start.character], [name.line, name.character]);
    assert.equal(stale.severity, vscode.DiagnosticSeverity.Warning);
    const actions = (await vscode.commands.executeCommand('vscode.executeCodeActionProvider', schema.uri, stale.range, vscode.CodeActionKind.QuickFix.value)) ?? [];
    const regenerate = actions.find((a) => a.title === 'Regenerate');
    assert.ok(regenerate && regenerate.command, `"Regenerate" among ${JSON.stringify(actions.map((a) => a.title))}`);
    const result = await vscode.commands.executeCommand(regenerate.command.command, ...(regenerate.command.arguments ?? []));
    assert.ok(result && result.written.some((u) => u.endsWith(gen.module)), JSON.stringify(result));
    // tsserver sees the regenerated module without a reload: the complete handler object misses the new variant.
    const diag = await waitFor(`${gen.missingCode} naming ${gen.newVariantName} in ${gen.handlers}`, () => {
      const hit = handlerFindings(handlers.uri).find((d) => String(d.message).includes(gen.newVariantName));
      return hit ? { done: true, value: hit } : { done: false, seen: describe(vscode.languages.getDiagnostics(handlers.uri)) };
    }, 60_000);
    assert.ok(diag);
    await waitFor(`${gen.staleCode} to go away`, () => {
      const left = vscode.languages.getDiagnostics(schema.uri).filter((d) => codeOf(d) === gen.staleCode);
      return left.length === 0 ? { done: true } : { done: false, seen: describe(left) };
    });
  });

  test('handler-settings-reach-the-plugin', async () => {
    // configurePlugin carries eventSchemas.handlers.* into tsserver: turning the checks off clears
    // the finding of the open handler file, turning them on brings it back.
    const handlers = await openFixture(gen.handlers);
    const config = vscode.workspace.getConfiguration('eventSchemas.handlers');
    const findings = () => handlerFindings(handlers.uri);
    await waitFor(`${gen.missingCode} in ${gen.handlers}`, () => (findings().length ? { done: true } : { done: false, seen: describe(vscode.languages.getDiagnostics(handlers.uri)) }), 30_000);
    try {
      await config.update('enable', false, vscode.ConfigurationTarget.Workspace);
      await waitFor('the finding to go with eventSchemas.handlers.enable false', () => (findings().length === 0 ? { done: true } : { done: false, seen: describe(findings()) }), 30_000);
    } finally {
      await config.update('enable', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitFor('the finding to come back', () => (findings().length ? { done: true } : { done: false, seen: describe(vscode.languages.getDiagnostics(handlers.uri)) }), 30_000);
  });
});
