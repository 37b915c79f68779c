// Probes that let the end-to-end runs prove what the extension did NOT do in an untrusted
// workspace, and that it does it in a trusted one (so an empty log cannot be an accident):
// - loggingGit: a `git` to put first on code-server's PATH. It appends its arguments and its
//   parent's command line to a log, then runs the real git.
// - startFakeRegistry: a loopback HTTP server standing in for a Confluent schema registry. It
//   counts requests and answers each with the registry's "subject not found"; GET /__e2e/requests
//   (not counted) tells the extension-host suites what it has seen.
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { delimiter, join } from 'node:path';
import { spawnSync } from 'node:child_process';

/** Creates `dir/bin/git`; returns the bin folder to prepend to PATH and the log it writes. */
export function loggingGit(dir) {
  const real = spawnSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).stdout.trim();
  if (!real) throw new Error('git is not installed: the e2e workspaces are git repositories');
  const bin = join(dir, 'bin');
  mkdirSync(bin, { recursive: true });
  const log = join(dir, 'git-calls.log');
  // The parent's command line says who ran git: our language server, or something else in VS Code.
  writeFileSync(join(bin, 'git'), `#!/bin/sh\nparent=$(tr '\\0' ' ' < /proc/$PPID/cmdline 2>/dev/null)\necho "git $* <- $parent" >> '${log}'\nexec '${real}' "$@"\n`);
  chmodSync(join(bin, 'git'), 0o755);
  return { bin, log, path: (pathVar) => `${bin}${delimiter}${pathVar ?? ''}` };
}

/** Starts the fake registry on a free loopback port. */
export function startFakeRegistry() {
  const seen = [];
  const server = createServer((req, res) => {
    if (req.url === '/__e2e/requests') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ count: seen.length, requests: seen }));
      return;
    }
    seen.push(`${req.method} ${req.url}`);
    res.writeHead(404, { 'content-type': 'application/vnd.schemaregistry.v1+json' });
    res.end(JSON.stringify({ error_code: 40401, message: 'Subject not found.' }));
  });
  return new Promise((resolve, reject) => {
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const url = `http://127.0.0.1:${server.address().port}`;
      resolve({
        url,
        requests: () => [...seen],
        reset: () => void seen.splice(0),
        close: () => new Promise((r) => {
          server.close(() => r());
          server.closeAllConnections();
        }),
      });
    });
  });
}
