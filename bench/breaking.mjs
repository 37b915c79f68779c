// Breaking changes on the real-world pair googleapis head vs a year earlier, FILE rules: our CLI
// beside `buf breaking`, measured in the same run (issue: schema evolution).
import { join } from 'node:path';
import { corpus, repo, timed } from './lib.mjs';

export function benchBreaking({ withBuf = true } = {}) {
  const head = join(corpus, 'googleapis', 'head');
  const yearago = join(corpus, 'googleapis', 'yearago');
  const ours = timed(process.execPath, [join(repo, 'dist', 'cli.js'), 'breaking', head, '--against', yearago, '--format', 'json']);
  const found = JSON.parse(ours.stdout || '{"diagnostics":[]}').diagnostics.filter((d) => /^[A-Z_]+$/.test(d.code)).length;
  const rows = [[`event-schemas breaking (FILE rules; ${found} findings)`, ours.cpu, ours.peakMiB]];
  if (withBuf) {
    const buf = timed(join(repo, 'node_modules', '.bin', 'buf'), ['breaking', head, '--against', yearago, '--error-format', 'json']);
    const bufFound = buf.stdout.split('\n').filter((l) => l.trim()).length;
    rows.unshift([`buf 1.75 breaking (FILE rules; ${bufFound} findings)`, buf.cpu, buf.peakMiB]);
  }
  return rows;
}
