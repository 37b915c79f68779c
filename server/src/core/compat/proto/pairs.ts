/**
 * How buf matches the two sides, computed once and shared by every rule: files by path relative
 * to their import root, messages, enums and services by full name (wherever they live, so a type
 * may move between files), fields by number within a matched message, extensions by extendee and
 * number, enum values by number, rpcs by name within a matched service. Only the module's own
 * files take part; imports are there for resolution.
 */
import type { ImageEnum, ImageField, ImageFile, ImageMessage, ImageMethod, ImageService, ProtoImage } from './image';

export type Pair<T> = readonly [previous: T, current: T];

function byKey<K, T>(items: Iterable<T>, key: (t: T) => K): Map<K, T> {
  const out = new Map<K, T>();
  for (const t of items) {
    const k = key(t);
    // buf refuses duplicate names; the first one wins here so a broken file cannot crash a check.
    if (!out.has(k)) out.set(k, t);
  }
  return out;
}

function match<K, T>(previous: Map<K, T>, current: Map<K, T>): Pair<T>[] {
  const out: Pair<T>[] = [];
  for (const [k, p] of previous) {
    const c = current.get(k);
    if (c !== undefined) out.push([p, c]);
  }
  return out;
}

// Arrays rather than generators: the rules walk every file's messages several times, and a
// recursive generator passes each nested message up through one generator per level.

/** Every message of a file or message, depth first, nested ones right after their parent. */
export function allMessages(container: { readonly messages: readonly ImageMessage[] }): ImageMessage[] {
  const out: ImageMessage[] = [];
  pushMessages(container, out);
  return out;
}

function pushMessages(container: { readonly messages: readonly ImageMessage[] }, out: ImageMessage[]): void {
  for (const m of container.messages) {
    out.push(m);
    if (m.messages.length) pushMessages(m, out);
  }
}

export function allEnums(file: ImageFile): ImageEnum[] {
  const out = [...file.enums];
  for (const m of allMessages(file)) for (const e of m.enums) out.push(e);
  return out;
}

export function allExtensions(file: ImageFile): ImageField[] {
  const out = [...file.extensions];
  for (const m of allMessages(file)) for (const x of m.extensions) out.push(x);
  return out;
}

export class Pairs {
  readonly previousFiles: readonly ImageFile[];
  readonly currentFiles: readonly ImageFile[];
  private cache = new Map<string, unknown>();

  constructor(
    readonly previous: ProtoImage,
    readonly current: ProtoImage,
  ) {
    this.previousFiles = previous.files.filter((f) => !f.isImport);
    this.currentFiles = current.files.filter((f) => !f.isImport);
  }

  private memo<T>(key: string, make: () => T): T {
    let value = this.cache.get(key) as T | undefined;
    if (value === undefined) this.cache.set(key, (value = make()));
    return value;
  }

  get currentFileByPath(): Map<string, ImageFile> {
    return this.memo('currentFileByPath', () => byKey(this.currentFiles, (f) => f.path));
  }

  get previousFileByPath(): Map<string, ImageFile> {
    return this.memo('previousFileByPath', () => byKey(this.previousFiles, (f) => f.path));
  }

  get files(): Pair<ImageFile>[] {
    return this.memo('files', () => match(this.previousFileByPath, this.currentFileByPath));
  }

  get currentMessages(): Map<string, ImageMessage> {
    return this.memo('currentMessages', () => byKey(this.currentFiles.flatMap((f) => allMessages(f)), (m) => m.fullName));
  }

  get previousMessages(): Map<string, ImageMessage> {
    return this.memo('previousMessages', () => byKey(this.previousFiles.flatMap((f) => allMessages(f)), (m) => m.fullName));
  }

  get messages(): Pair<ImageMessage>[] {
    return this.memo('messages', () => match(this.previousMessages, this.currentMessages));
  }

  get currentEnums(): Map<string, ImageEnum> {
    return this.memo('currentEnums', () => byKey(this.currentFiles.flatMap((f) => allEnums(f)), (e) => e.fullName));
  }

  get previousEnums(): Map<string, ImageEnum> {
    return this.memo('previousEnums', () => byKey(this.previousFiles.flatMap((f) => allEnums(f)), (e) => e.fullName));
  }

  /** Enums of every file, imports included, for looking up the enum a field names. */
  enumAnywhere(side: 'previous' | 'current', fullName: string): ImageEnum | undefined {
    const index = this.memo(side === 'previous' ? 'allEnums:previous' : 'allEnums:current', () => byKey(this[side].files.flatMap((f) => allEnums(f)), (e) => e.fullName));
    return index.get(fullName);
  }

  get enums(): Pair<ImageEnum>[] {
    return this.memo('enums', () => match(this.previousEnums, this.currentEnums));
  }

  get services(): Pair<ImageService>[] {
    return this.memo('services', () =>
      match(
        byKey(this.previousFiles.flatMap((f) => f.services), (s) => s.fullName),
        byKey(this.currentFiles.flatMap((f) => f.services), (s) => s.fullName),
      ),
    );
  }

  get methods(): Pair<ImageMethod>[] {
    return this.memo('methods', () =>
      this.services.flatMap(([p, c]) => match(byKey(p.methods, (m) => m.name), byKey(c.methods, (m) => m.name))),
    );
  }

  /** Fields of matched messages by number, then extensions by extendee and number. */
  get fields(): Pair<ImageField>[] {
    return this.memo('fields', () => {
      const out: Pair<ImageField>[] = [];
      for (const [p, c] of this.messages) matchFields(p.fields, c.fields, out);
      const extensionKey = (f: ImageField) => `${f.extendee ?? ''}\u0000${f.number}`;
      out.push(
        ...match(
          byKey(this.previousFiles.flatMap((f) => allExtensions(f)), extensionKey),
          byKey(this.currentFiles.flatMap((f) => allExtensions(f)), extensionKey),
        ),
      );
      return out;
    });
  }
}

export function byNumber(fields: readonly ImageField[]): Map<number, ImageField> {
  return byKey(fields, (f) => f.number);
}

/**
 * Most messages have a handful of fields: scanning them is cheaper than building two maps per
 * matched message, as `byNumber` would. Longer lists go through the maps.
 */
const SCAN_UP_TO = 16;

/** Fields matched by number, the first field with a number winning on each side, in the previous side's order. */
function matchFields(previous: readonly ImageField[], current: readonly ImageField[], out: Pair<ImageField>[]): void {
  if (previous.length > SCAN_UP_TO || current.length > SCAN_UP_TO) {
    for (const pair of match(byNumber(previous), byNumber(current))) out.push(pair);
    return;
  }
  for (let i = 0; i < previous.length; i++) {
    const p = previous[i]!;
    if (firstWithNumber(previous, p.number) !== i) continue;
    const j = firstWithNumber(current, p.number);
    if (j >= 0) out.push([p, current[j]!]);
  }
}

/** The first field of `fields` with the number (and a later one with the same number is a duplicate), else -1. */
function firstWithNumber(fields: readonly ImageField[], number: number): number {
  for (let i = 0; i < fields.length; i++) if (fields[i]!.number === number) return i;
  return -1;
}

/** The previous message's fields (the first per number) whose number the current message no longer has. */
export function deletedFields(previous: readonly ImageField[], current: readonly ImageField[]): ImageField[] {
  const out: ImageField[] = [];
  if (previous.length > SCAN_UP_TO || current.length > SCAN_UP_TO) {
    const now = byNumber(current);
    for (const f of byNumber(previous).values()) if (!now.has(f.number)) out.push(f);
    return out;
  }
  for (let i = 0; i < previous.length; i++) {
    const f = previous[i]!;
    if (firstWithNumber(previous, f.number) === i && firstWithNumber(current, f.number) < 0) out.push(f);
  }
  return out;
}
