/**
 * Command-line parsing, with node:util's parseArgs in strict mode. Parsing never prints: it
 * returns values or throws a UsageError, which main turns into a message, the usage and exit 2.
 */
import { parseArgs } from 'node:util';

export class UsageError extends Error {
  constructor(
    message: string,
    /** The command whose usage should follow the message; the general usage when absent. */
    readonly command?: string,
  ) {
    super(message);
  }
}

export const COMMANDS = ['check'] as const;
export type Command = (typeof COMMANDS)[number];

/** Commands DESIGN.md promises that this build does not ship yet. */
export const PLANNED_COMMANDS = ['breaking', 'generate', 'handlers'] as const;

export type Format = 'text' | 'json';

export interface CheckArgs {
  readonly paths: readonly string[];
  readonly importPaths: readonly string[];
  readonly format: Format;
  readonly help: boolean;
}

export const GENERAL_USAGE = `event-schemas: checks Protobuf and Avro event schemas

Usage:
  event-schemas check [PATH...] [-I DIR]... [--format text|json]
  event-schemas help [COMMAND]
  event-schemas --version

Commands:
  check    report syntax and semantic errors in .proto, .avsc and .avdl files

Exit codes: 0 clean (warnings allowed), 1 errors found, 2 usage, I/O or unreadable input
`;

export const CHECK_USAGE = `Usage: event-schemas check [PATH...] [-I DIR]... [--format text|json]

Reports syntax and semantic errors in .proto, .avsc and .avdl files.

Arguments:
  PATH                a file, or a folder searched recursively (skips node_modules, .git, dist);
                      default: .

Options:
  -I, --proto_path DIR
                      an import root for .proto files, used when no buf.yaml or buf.work.yaml
                      is found at or above the files; repeatable. Without either, each PATH
                      folder is the root. google/protobuf/*.proto always resolve
  --format text|json  text (default) is for people; json prints one object:
                      {"diagnostics":[{"file","range","severity","code","message","source"}]}
  -h, --help          show this help

Exit codes: 0 clean (warnings allowed), 1 errors found, 2 usage, I/O or unreadable input
`;

export function usageOf(command: string | undefined): string {
  return command === 'check' ? CHECK_USAGE : GENERAL_USAGE;
}

export function isCommand(name: string): name is Command {
  return (COMMANDS as readonly string[]).includes(name);
}

export function unknownCommand(name: string): UsageError {
  const available = `available commands: ${COMMANDS.join(', ')}`;
  if ((PLANNED_COMMANDS as readonly string[]).includes(name)) {
    return new UsageError(`command \`${name}\` is not available in this version: ${available}`);
  }
  return new UsageError(`unknown command \`${name}\`: ${available}`);
}

export function parseCheckArgs(argv: readonly string[]): CheckArgs {
  const { values, positionals } = strictParse(
    argv,
    {
      proto_path: { type: 'string', short: 'I', multiple: true },
      format: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    'check',
  );
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') {
    throw new UsageError(`unknown format \`${String(format)}\`: use --format text or --format json`, 'check');
  }
  return {
    paths: positionals,
    importPaths: (values.proto_path as string[] | undefined) ?? [],
    format,
    help: values.help === true,
  };
}

type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }>;

function strictParse(argv: readonly string[], options: OptionSpec, command: string) {
  try {
    return parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError(describeParseError(e), command);
  }
}

/** Node's messages are sentences with advice that does not fit here; say the same thing in house style. */
function describeParseError(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  const code = (e as { code?: unknown }).code;
  const quoted = /'([^']+)'/.exec(message)?.[1];
  const option = quoted?.split(' ').filter((part) => part.startsWith('-')).pop()?.replace(/,$/, '');
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) return `unknown option \`${option}\``;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option) {
    return /does not take/.test(message) ? `option \`${option}\` takes no value` : `option \`${option}\` needs a value`;
  }
  return message.charAt(0).toLowerCase() + message.slice(1).replace(/\.$/, '');
}
