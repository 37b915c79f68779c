/** The process around a command, passed in so that commands never touch globals directly. */
export interface Io {
  readonly cwd: string;
  /** Whether stdout may carry ANSI colours. */
  readonly color: boolean;
  out(text: string): void;
  /** One problem, written to stderr as `event-schemas: error: ...`. */
  error(message: string): void;
  /** Something the user should know that is not a failure, to stderr as `event-schemas: note: ...`. */
  note(message: string): void;
  /** Free text to stderr (usage). */
  errText(text: string): void;
}

/** Colours only on a terminal, and never when NO_COLOR is set to anything but the empty string (no-color.org). */
export function colorEnabled(isTTY: boolean | undefined, env: NodeJS.ProcessEnv): boolean {
  return isTTY === true && !env.NO_COLOR;
}

export function processIo(): Io {
  return {
    cwd: process.cwd(),
    color: colorEnabled(process.stdout.isTTY, process.env),
    out: (text) => void process.stdout.write(text),
    error: (message) => void process.stderr.write(`event-schemas: error: ${message}\n`),
    note: (message) => void process.stderr.write(`event-schemas: note: ${message}\n`),
    errText: (text) => void process.stderr.write(text),
  };
}
