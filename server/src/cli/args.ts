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

export const COMMANDS = ['check', 'breaking', 'generate', 'handlers'] as const;
export type Command = (typeof COMMANDS)[number];

/** Commands DESIGN.md promises that this build does not ship yet. */
export const PLANNED_COMMANDS: readonly string[] = [];

export type Format = 'text' | 'json';

export const RULE_SETS = ['FILE', 'PACKAGE', 'WIRE_JSON', 'WIRE', 'CONFLUENT'] as const;
export type RuleSet = (typeof RULE_SETS)[number];

export const MODES = ['BACKWARD', 'BACKWARD_TRANSITIVE', 'FORWARD', 'FORWARD_TRANSITIVE', 'FULL', 'FULL_TRANSITIVE', 'NONE'] as const;
export type Mode = (typeof MODES)[number];

export type BreakingFormat = Format | 'github' | 'sarif';

export interface BreakingArgs {
  readonly paths: readonly string[];
  readonly importPaths: readonly string[];
  readonly against: string;
  /** Absent: the buf.yaml `breaking:` config when there is one, else FILE. */
  readonly rules?: RuleSet;
  /** Absent: the registry subject's level for a registry baseline; else none for Protobuf, BACKWARD for Avro. */
  readonly mode?: Mode;
  readonly format: BreakingFormat;
  readonly help: boolean;
}

export interface HandlersArgs {
  /** A tsconfig.json, or a folder holding one; absent: the nearest tsconfig.json at or above the current folder. */
  readonly project?: string;
  readonly format: Format;
  readonly help: boolean;
}

export interface GenerateArgs {
  readonly paths: readonly string[];
  readonly importPaths: readonly string[];
  /** The output folder, as given. */
  readonly out: string;
  readonly help: boolean;
}

export interface CheckArgs {
  readonly paths: readonly string[];
  readonly importPaths: readonly string[];
  readonly format: Format;
  readonly help: boolean;
}

export const GENERAL_USAGE = `event-schemas: checks Protobuf and Avro event schemas

Usage:
  event-schemas check [PATH...] [-I DIR]... [--format text|json]
  event-schemas breaking [PATH...] [-I DIR]... --against BASELINE [--rules RULES] [--mode MODE]
                         [--format text|json|github|sarif]
  event-schemas generate [PATH...] [-I DIR]... --out DIR
  event-schemas handlers [--project tsconfig.json] [--format text|json]
  event-schemas help [COMMAND]
  event-schemas --version

Commands:
  check     report syntax and semantic errors in .proto, .avsc and .avdl files
  breaking  report changes that break consumers, against a baseline (a folder, git:REV, a registry)
  generate  write TypeScript event types, exhaustive handlers and decoders for the schemas
  handlers  report missing event handlers and dropped Results in a TypeScript project

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

export const BREAKING_USAGE = `Usage: event-schemas breaking [PATH...] [-I DIR]... --against BASELINE
                              [--rules FILE|PACKAGE|WIRE_JSON|WIRE|CONFLUENT]
                              [--mode BACKWARD|BACKWARD_TRANSITIVE|FORWARD|FORWARD_TRANSITIVE|FULL|FULL_TRANSITIVE|NONE]
                              [--format text|json|github|sarif]

Reports changes to .proto and .avsc files that break their consumers, compared with a baseline,
and the syntax and semantic errors of the current files as \`check\` does.

Arguments:
  PATH                a file, or a folder searched recursively; default: .

Options:
  --against BASELINE  the old version, one of:
                        DIR or FILE          laid out like PATH (a folder stands in for each PATH)
                        git:REV              the same paths at a git revision: HEAD (git:), a branch,
                                             a tag, a commit, or merge-base:BRANCH
                        PATTERN              a glob such as schemas/orders/v*.avsc: earlier versions
                                             of the one PATH file, oldest first in natural order
                        registry:URL#SUBJECT a Confluent-compatible schema registry subject; set
                                             EVENT_SCHEMAS_REGISTRY_USER and _PASSWORD, or _TOKEN
  -I, --proto_path DIR
                      an import root for .proto files when there is no buf.yaml; repeatable
  --rules RULES       buf's breaking rule category for Protobuf: FILE (default), PACKAGE,
                      WIRE_JSON, WIRE, or CONFLUENT (Schema Registry's Protobuf rules). Without it,
                      the \`breaking:\` section of buf.yaml applies when there is one
  --mode MODE         Confluent compatibility: Avro schema resolution, and CONFLUENT rules for
                      Protobuf. BACKWARD: the new schema reads old data; FORWARD: old readers read
                      new data; FULL: both; _TRANSITIVE: against every earlier version; NONE: no
                      checks. Default: the registry subject's level, else BACKWARD for Avro
  --format FORMAT     text (default), json (as \`check\`), github (workflow annotations), or sarif
                      (SARIF 2.1.0)
  -h, --help          show this help

Environment:
  EVENT_SCHEMAS_REGISTRY_TIMEOUT_MS  how long to wait for each registry request (default 10000)

Exit codes: 0 clean (warnings allowed), 1 breaking changes or errors found, 2 usage, I/O or
unreadable input (a baseline that cannot be read, a registry that cannot be reached)
`;

export const HANDLERS_USAGE = `Usage: event-schemas handlers [--project tsconfig.json] [--format text|json]

Reports, in the TypeScript files of a project, what the editor plugin reports: switches and
if-chains over generated event unions that miss variants, handler objects that escape the
completeness check (as, Partial, any, spreads), defaults that swallow known variants, and
Results that are dropped. Uses the project's own \`typescript\` package.

Options:
  -p, --project PATH  a tsconfig.json, or a folder holding one; default: the nearest
                      tsconfig.json at or above the current folder. Library Result types are
                      opted into there: compilerOptions.plugins [{"name": "event-schemas-tsplugin",
                      "resultLibraries": ["neverthrow", "effect"]}]
  --format text|json  text (default) is for people; json prints one object, as \`check\`
  -h, --help          show this help

Exit codes: 0 clean (hints allowed), 1 findings, 2 usage, no tsconfig.json, no typescript package,
or an unreadable project
`;

export const GENERATE_USAGE = `Usage: event-schemas generate [PATH...] [-I DIR]... --out DIR

Writes TypeScript for the .proto, .avsc and .avdl files: a type for every message, record and
enum, and for every event union U (a oneof of messages; an Avro union of records) the union type,
UHandlers<R> with one required handler per variant, dispatchU, decodeU (never throws), encodeU
and runUConsumer for KafkaJS-style consumers. Each schema file gets a module at its own path
below DIR (order_events.proto -> order_events_pb.ts, orders.avsc -> orders_avro.ts), next to
the runtime modules they import. The generated code needs the protobufjs (Protobuf) or avsc
(Avro) package at run time.

Arguments:
  PATH                a file, or a folder searched recursively; default: .

Options:
  --out DIR           the folder to write to; created when missing. Files in it that were not
                      generated by event-schemas are never replaced
  -I, --proto_path DIR
                      an import root for .proto files when there is no buf.yaml; repeatable
  -h, --help          show this help

Nothing is written when a schema has errors (they are printed as \`check\` prints them), or when
a file in the way was not generated by event-schemas.

Exit codes: 0 generated (files already up to date are left alone), 1 schema errors, 2 usage,
I/O, unreadable input, or a file in the way
`;

export function usageOf(command: string | undefined): string {
  if (command === 'check') return CHECK_USAGE;
  if (command === 'generate') return GENERATE_USAGE;
  if (command === 'breaking') return BREAKING_USAGE;
  if (command === 'handlers') return HANDLERS_USAGE;
  return GENERAL_USAGE;
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

export function parseGenerateArgs(argv: readonly string[]): GenerateArgs {
  const { values, positionals } = strictParse(
    argv,
    {
      proto_path: { type: 'string', short: 'I', multiple: true },
      out: { type: 'string', short: 'o' },
      help: { type: 'boolean', short: 'h' },
    },
    'generate',
  );
  const help = values.help === true;
  const out = values.out as string | undefined;
  if ((out === undefined || out === '') && !help) throw new UsageError('no output folder given: add --out DIR, e.g. --out src/generated', 'generate');
  return { paths: positionals, importPaths: (values.proto_path as string[] | undefined) ?? [], out: out ?? '', help };
}

export function parseBreakingArgs(argv: readonly string[]): BreakingArgs {
  const { values, positionals } = strictParse(
    argv,
    {
      proto_path: { type: 'string', short: 'I', multiple: true },
      against: { type: 'string' },
      rules: { type: 'string' },
      mode: { type: 'string' },
      format: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    'breaking',
  );
  const help = values.help === true;
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json' && format !== 'github' && format !== 'sarif') {
    throw new UsageError(`unknown format \`${String(format)}\`: use --format text, json, github or sarif`, 'breaking');
  }
  const against = values.against as string | undefined;
  if (against === undefined && !help) throw new UsageError('no baseline given: add --against BASELINE, e.g. --against git:main', 'breaking');
  const rules = oneOf(values.rules as string | undefined, RULE_SETS, 'rules');
  const mode = oneOf(values.mode as string | undefined, MODES, 'mode');
  return {
    paths: positionals,
    importPaths: (values.proto_path as string[] | undefined) ?? [],
    against: against ?? '',
    ...(rules ? { rules } : {}),
    ...(mode ? { mode } : {}),
    format,
    help,
  };
}

export function parseHandlersArgs(argv: readonly string[]): HandlersArgs {
  const { values, positionals } = strictParse(
    argv,
    {
      project: { type: 'string', short: 'p' },
      format: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    'handlers',
  );
  if (positionals.length > 0) {
    throw new UsageError(`unexpected argument \`${positionals[0]}\`: name the project with --project`, 'handlers');
  }
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') {
    throw new UsageError(`unknown format \`${String(format)}\`: use --format text or --format json`, 'handlers');
  }
  const project = values.project as string | undefined;
  return { ...(project !== undefined ? { project } : {}), format, help: values.help === true };
}

/** Rule sets and modes are spelled in capitals in buf's and Confluent's docs; any case is accepted. */
function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], option: string): T | undefined {
  if (value === undefined) return undefined;
  const upper = value.toUpperCase();
  const hit = allowed.find((a) => a === upper);
  if (!hit) throw new UsageError(`unknown ${option} \`${value}\`: use one of ${allowed.join(', ')}`, 'breaking');
  return hit;
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
