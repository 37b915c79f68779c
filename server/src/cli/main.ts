#!/usr/bin/env node
/**
 * The `event-schemas` command. Dispatches to a subcommand and turns every failure into an exit
 * code: nothing escapes as an uncaught exception, and usage errors print the usage to stderr.
 */
import { setFlagsFromString } from 'node:v8';
import { version } from '../../../package.json';
import { isCommand, parseBreakingArgs, parseCheckArgs, parseGenerateArgs, parseHandlersArgs, unknownCommand, usageOf, UsageError } from './args';
import { runBreaking } from './breaking';
import { EXIT_CLEAN, EXIT_USAGE, runCheck } from './check';
import { runGenerate } from './generate';
import { runHandlers } from './handlers';
import { processIo, type Io } from './io';

/** A number, or a promise of one for commands that wait on git or the network (`breaking`). */
export function main(argv: readonly string[], io: Io): number | Promise<number> {
  try {
    const code = dispatch(argv, io);
    return typeof code === 'number' ? code : code.catch((e: unknown) => failure(e, io));
  } catch (e) {
    return failure(e, io);
  }
}

function failure(e: unknown, io: Io): number {
  if (e instanceof UsageError) {
    io.error(e.message);
    io.errText('\n' + usageOf(e.command));
    return EXIT_USAGE;
  }
  io.error(`unexpected failure: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  return EXIT_USAGE;
}

function dispatch(argv: readonly string[], io: Io): number | Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) throw new UsageError('no command given');
  if (first === '--help' || first === '-h') return help(undefined, io);
  if (first === '--version' || first === '-v') {
    io.out(`${version}\n`);
    return EXIT_CLEAN;
  }
  if (first === 'help') {
    const topic = rest[0];
    if (rest.length > 1) throw new UsageError('`help` takes at most one command');
    if (topic !== undefined && !isCommand(topic)) throw unknownCommand(topic);
    return help(topic, io);
  }
  if (first.startsWith('-')) throw new UsageError(`unknown option \`${first}\`: give a command first`);
  if (!isCommand(first)) throw unknownCommand(first);
  if (first === 'breaking') {
    const args = parseBreakingArgs(rest);
    if (args.help) return help('breaking', io);
    return runBreaking(args, io, process.env);
  }
  if (first === 'generate') {
    const args = parseGenerateArgs(rest);
    if (args.help) return help('generate', io);
    return runGenerate(args, io);
  }
  if (first === 'handlers') {
    const args = parseHandlersArgs(rest);
    if (args.help) return help('handlers', io);
    return runHandlers(args, io);
  }
  const args = parseCheckArgs(rest);
  if (args.help) return help('check', io);
  return runCheck(args, io);
}

function help(command: string | undefined, io: Io): number {
  io.out(usageOf(command));
  return EXIT_CLEAN;
}

if (require.main === module) {
  // The commands build one file's syntax tree after another, each dropped soon after. Once a
  // single large file (googleapis' compute.proto is 4 MB) keeps its nodes alive across several
  // young-generation collections, V8 decides those allocation sites make long-lived objects and
  // allocates every later tree straight into the old generation, where it piles up as garbage
  // until a full collection: `breaking` on googleapis peaked ~300 MB higher and spent more
  // time collecting. The flag is read at each allocation-site decision, so setting it here works.
  setFlagsFromString('--no-allocation-site-pretenuring');
  // Young-generation collections run on one thread: on googleapis `breaking` (2 cores) the helper
  // threads added ~1.5 CPU s and saved no time. Read at each collection.
  setFlagsFromString('--no-parallel-scavenge');
  // Half V8's budget for inlining into one optimized function. A run compiles some 350 functions
  // once and is over in seconds: on googleapis `breaking` (2 cores) the compiler threads spent
  // ~2.4 CPU s, ~0.5 s less with half the budget, while the main thread took no longer. Read at
  // each compilation.
  setFlagsFromString('--max-inlined-bytecode-size-cumulative=460');
  // A closed pipe (`event-schemas check | head`) is the reader's choice, not a failure to report.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  const code = main(process.argv.slice(2), processIo());
  if (typeof code === 'number') process.exitCode = code;
  else void code.then((c) => (process.exitCode = c));
}
