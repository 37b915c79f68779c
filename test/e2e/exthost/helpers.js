// What the extension-host suites share: polling with a bounded wait, opening fixtures, finding
// positions by text (scenario.json), and reading diagnostics, hovers and locations back.
'use strict';
const assert = require('node:assert/strict');
const path = require('node:path');
const vscode = require('vscode');

const EXTENSION_ID = 'event-schemas.event-schemas';
const SOURCE = 'event-schemas';

/**
 * Polls fn, which returns `{ done: true, value }` or `{ done: false, seen }`, until done. The
 * first wait of a suite also covers the language server's start and first index; later ones are
 * shorter, so a server that never answers still fails well inside the run's global timeout.
 */
async function waitFor(what, fn, timeout = 20_000) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    last = await fn();
    if (last.done) return last.value;
    if (Date.now() > end) {
      throw new Error(`timed out after ${timeout / 1000}s waiting for ${what}${last.seen ? `; last seen: ${last.seen}` : ''}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function openFixture(rel) {
  const [uri] = await vscode.workspace.findFiles(rel, null, 1);
  assert.ok(uri, `fixture ${rel} is in the workspace (folders: ${(vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.toString()).join(', ') || 'none'})`);
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc);
  return doc;
}

/** Position of `inner` within the first occurrence of `needle`. */
function positionOf(doc, needle, inner = needle) {
  const at = doc.getText().indexOf(needle);
  assert.ok(at >= 0, `${path.basename(doc.uri.path)} contains '${needle}'`);
  return doc.positionAt(at + needle.indexOf(inner));
}

const codeOf = (d) => String(typeof d.code === 'object' && d.code !== null ? d.code.value : d.code ?? '');
const describe = (ds) =>
  JSON.stringify(ds.map((d) => `${d.source}:${codeOf(d)}@${d.range.start.line}:${d.range.start.character} ${d.message}`)).slice(0, 500);

/** Waits for a diagnostic of ours with `code` on `uri`. */
function diagnosticWithCode(uri, code, timeout) {
  return waitFor(`${code} on ${path.basename(uri.path)}`, () => {
    const all = vscode.languages.getDiagnostics(uri);
    const hit = all.find((d) => d.source === SOURCE && codeOf(d) === code);
    return hit ? { done: true, value: hit } : { done: false, seen: describe(all) };
  }, timeout);
}

function hoverText(hovers) {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value ?? ''))
    .join('\n');
}

/** Definition results as `{ uri, range }`, whether the provider answered Locations or LocationLinks. */
function locations(defs) {
  return (defs ?? []).map((d) => ('targetUri' in d ? { uri: d.targetUri, range: d.targetSelectionRange ?? d.targetRange } : d));
}

module.exports = { EXTENSION_ID, SOURCE, waitFor, openFixture, positionOf, codeOf, describe, diagnosticWithCode, hoverText, locations };
