/** The process around a command, passed in so that commands never touch globals directly. */
export interface Io {
  readonly cwd: string;
  /** Whether stdout may carry ANSI colours. */
  readonly color: boolean;
  out(text: string): void;
  /** One problem, written to stderr as `event-schemas: error: ...`. */
  error(message: string): void;
  /** Free text to stderr (usage). */
  errText(text: string): void;
}

export function processIo(): Io {
  const env = process.env;
  return {
    cwd: process.cwd(),
    color: process.stdout.isTTY === true && !env.NO_COLOR,
    out: (text) => void process.stdout.write(text),
    error: (message) => void process.stderr.write(`event-schemas: error: ${message}\n`),
    errText: (text) => void process.stderr.write(text),
  };
}
