// Commands, help, version and usage errors of the bundled CLI: exit 2 with a message and the
// usage on stderr, nothing on stdout.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../server/src/cli/main';
import { cli, ensureBuilt, removeWorkspaces, repoRoot, workspace } from './run';

before(ensureBuilt);
after(removeWorkspaces);

const usageErrors: { args: string[]; message: RegExp; usage: RegExp }[] = [
  { args: [], message: /no command given/, usage: /Commands:/ },
  { args: ['check', '--bogus'], message: /unknown option `--bogus`/, usage: /Usage: event-schemas check/ },
  { args: ['check', '-x'], message: /unknown option `-x`/, usage: /Usage: event-schemas check/ },
  { args: ['check', '--format', 'xml'], message: /unknown format `xml`: use --format text or --format json/, usage: /Usage: event-schemas check/ },
  { args: ['check', '--format'], message: /option `--format` needs a value/, usage: /Usage: event-schemas check/ },
  { args: ['check', '-I'], message: /option `--proto_path` needs a value/, usage: /Usage: event-schemas check/ },
  { args: ['check', '--help=yes'], message: /option `--help` takes no value/, usage: /Usage: event-schemas check/ },
  { args: ['lint'], message: /unknown command `lint`: available commands: check/, usage: /Commands:/ },
  { args: ['generate'], message: /no output folder given: add --out DIR/, usage: /Usage: event-schemas generate/ },
  { args: ['breaking'], message: /no baseline given: add --against BASELINE/, usage: /Usage: event-schemas breaking/ },
  { args: ['--format', 'json'], message: /unknown option `--format`: give a command first/, usage: /Commands:/ },
  { args: ['help', 'nope'], message: /unknown command `nope`/, usage: /Commands:/ },
];

for (const { args, message, usage } of usageErrors) {
  test(`usage error: ${JSON.stringify(args)}`, () => {
    const ws = workspace({});
    const res = cli(args, ws);
    assert.equal(res.code, 2);
    assert.equal(res.stdout, '');
    assert.match(res.stderr, /^event-schemas: error: /);
    assert.match(res.stderr, message);
    assert.match(res.stderr, usage);
  });
}

test('--help and help print the general usage on stdout', () => {
  const ws = workspace({});
  for (const args of [['--help'], ['-h'], ['help']]) {
    const res = cli(args, ws);
    assert.equal(res.code, 0);
    assert.match(res.stdout, /^event-schemas: checks Protobuf and Avro event schemas\n/);
    assert.match(res.stdout, /event-schemas check \[PATH\.\.\.\] \[-I DIR\]\.\.\. \[--format text\|json\]/);
    assert.equal(res.stderr, '');
  }
});

test('help check and check --help print the command usage', () => {
  const ws = workspace({ 'broken.proto': 'message {' });
  for (const args of [['help', 'check'], ['check', '--help'], ['check', '.', '-h']]) {
    const res = cli(args, ws);
    assert.equal(res.code, 0, JSON.stringify(args));
    assert.match(res.stdout, /^Usage: event-schemas check \[PATH\.\.\.\] \[-I DIR\]\.\.\. \[--format text\|json\]\n/);
    assert.match(res.stdout, /Exit codes: 0 clean/);
  }
});

test('--version prints the manifest version', () => {
  const { version } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string };
  const res = cli(['--version'], workspace({}));
  assert.equal(res.code, 0);
  assert.equal(res.stdout, `${version}\n`);
});

test('the bundle starts with a shebang so it runs as a bin', () => {
  const head = readFileSync(join(repoRoot, 'dist', 'cli.js'), 'utf8').split('\n', 1)[0];
  assert.equal(head, '#!/usr/bin/env node');
});

test('an unexpected exception becomes a message on stderr and exit 2', () => {
  const errors: string[] = [];
  const code = main(['--version'], {
    cwd: repoRoot,
    color: false,
    out: () => {
      throw new Error('stdout is gone');
    },
    error: (m) => errors.push(m),
    note: (m) => errors.push(m),
    errText: (t) => errors.push(t),
  });
  assert.equal(code, 2);
  assert.match(errors.join('\n'), /^unexpected failure: Error: stdout is gone/);
});
