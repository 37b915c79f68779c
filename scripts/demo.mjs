// `npm run demo`: runs the bundled CLI on the example event-schema repo (examples/v1 and v2) and
// shows what it finds. Findings are the point of the demo, so exit codes 0 and 1 both pass; only
// exit 2 (usage, I/O or unreadable input) or a crash fails the script.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist', 'cli.js');

/** One demo step per CLI command. */
const steps = [
  {
    title: 'Syntax, imports and types of every schema in examples/',
    args: ['check', 'examples'],
  },
  {
    title: "Breaking changes from examples/v1 to examples/v2 (buf's FILE rules for Protobuf)",
    args: ['breaking', 'examples/v2', '--against', 'examples/v1'],
  },
  {
    title: 'The same change as a Confluent Schema Registry would judge it (BACKWARD: new readers, old data)',
    args: ['breaking', 'examples/v2', '--against', 'examples/v1', '--mode', 'BACKWARD'],
  },
];

const meaning = { 0: 'clean', 1: 'findings at error severity', 2: 'usage, I/O or unreadable input' };

if (!existsSync(cli)) {
  console.error('dist/cli.js is missing: run `npm run build` first (`npm run demo` does)');
  process.exit(2);
}
if (!existsSync(join(root, 'examples'))) {
  console.error('examples/ is missing: the demo runs on the example schema repo');
  process.exit(2);
}

let failed = false;
for (const step of steps) {
  const command = `event-schemas ${step.args.join(' ')}`;
  const rule = '─'.repeat(Math.max(0, 72 - command.length - 5));
  console.log(`\n── ${command} ${rule}\n${step.title}\n`);
  const res = spawnSync(process.execPath, [cli, ...step.args], { cwd: root, stdio: 'inherit' });
  const code = res.status ?? 2;
  console.log(`\n(exit ${code}: ${meaning[code] ?? 'unexpected'})`);
  if (code !== 0 && code !== 1) failed = true;
}
process.exit(failed ? 2 : 0);
