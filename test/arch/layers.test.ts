// The layering rules of DESIGN.md, checked by reading every import: the core stays pure,
// only the LSP layer speaks LSP, and only the client imports `vscode`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(__dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of names) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sourceFiles(p));
    else if (/\.(ts|tsx|mts|cts)$/.test(name)) out.push(p);
  }
  return out;
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs: string[] = [];
  const re = /(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s+['"]([^'"]+)['"]/gm;
  for (const m of text.matchAll(re)) specs.push((m[1] ?? m[2] ?? m[3] ?? m[4])!);
  return specs;
}

function violations(dir: string, forbidden: (spec: string) => boolean): string[] {
  return sourceFiles(join(root, dir)).flatMap((f) =>
    importsOf(f)
      .filter(forbidden)
      .map((spec) => `${relative(root, f)} imports ${spec}`),
  );
}

const nodeIo = /^(node:)?(fs|fs\/promises|child_process|net|http|https|http2|dgram|tls|worker_threads|cluster)$/;

test('core imports no IO, no vscode and no LSP package', () => {
  assert.deepEqual(
    violations('server/src/core', (s) => nodeIo.test(s) || /^vscode/.test(s)),
    [],
  );
});

test('core imports nothing outside the standard library pure parts and its allowed libraries', () => {
  const allowed = /^(\.|protobufjs|avsc|jsonc-parser|typescript$|long$)/;
  assert.deepEqual(
    violations('server/src/core', (s) => !allowed.test(s) && !/^node:(path|util|crypto)$/.test(s)),
    [],
  );
});

test('service imports no IO and no LSP server package', () => {
  assert.deepEqual(
    violations('server/src/service', (s) => nodeIo.test(s) || s === 'vscode' || /^vscode-languageserver(\/|$)/.test(s)),
    [],
  );
});

test('only client/ imports vscode', () => {
  for (const dir of ['server/src', 'test']) {
    assert.deepEqual(
      violations(dir, (s) => s === 'vscode').filter((v) => !v.startsWith('test/e2e')),
      [],
    );
  }
});

test('only the LSP layer imports vscode-languageserver', () => {
  const others = ['server/src/core', 'server/src/service', 'server/src/host', 'server/src/cli'];
  for (const dir of others) {
    assert.deepEqual(
      violations(dir, (s) => /^vscode-languageserver(\/node)?$/.test(s)),
      [],
    );
  }
});

test('the client talks to the server only through the protocol', () => {
  assert.deepEqual(
    violations('client/src', (s) => /server\/src\/(core|service|lsp|host)/.test(s)),
    [],
  );
});
