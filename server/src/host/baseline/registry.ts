/**
 * Old versions of one subject from a Confluent-compatible schema registry, through the documented
 * REST API: /subjects/{s}/versions, /subjects/{s}/versions/{v}, /schemas/ids/{id} and
 * /config/{s} (falling back to /config). Node's own fetch, each request under a timeout.
 *
 * Credentials come from the caller (the editor's SecretStorage, the CLI's environment) or from
 * the URL's user info. They are sent as an Authorization header and nowhere else: every address
 * in a message is redacted, and any message text is scrubbed of the secrets before it is thrown.
 */
import { relative, sep } from 'node:path';
import { printable, redactUrl } from './spec';
import {
  BaselineError,
  isCompatibilityLevel,
  isTransitive,
  type Baseline,
  type BaselineFile,
  type BaselineRequest,
  type BaselineVersion,
  type CompatibilityLevel,
  type Credentials,
  type SchemaType,
} from './types';

export interface RegistryOptions {
  readonly credentials?: Credentials;
  /** Each request is abandoned after this long; default 10 s. */
  readonly timeoutMs?: number;
  /**
   * Every version (the transitive modes) or only the latest. When undefined, the subject's
   * compatibility level decides: its _TRANSITIVE levels need every version.
   */
  readonly allVersions?: boolean;
}

interface SchemaEntry {
  readonly schema: string;
  readonly schemaType: SchemaType;
  readonly references: readonly Reference[];
  readonly version?: number;
}

interface Reference {
  readonly name: string;
  readonly subject: string;
  readonly version: number;
}

const ACCEPT = 'application/vnd.schemaregistry.v1+json, application/vnd.schemaregistry+json, application/json';
/** Reference chains deeper than this are a cycle or a mistake, not a schema. */
const MAX_REFERENCE_DEPTH = 32;

export async function loadRegistryBaseline(
  address: string,
  subject: string,
  request: BaselineRequest,
  options: RegistryOptions = {},
): Promise<Baseline> {
  const client = new RegistryClient(address, options);
  const current = request.singleFile ?? singleTargetFile(request);
  if (!current) {
    throw new BaselineError('usage', `a registry subject holds one schema, so PATH must be one schema file: name the file that ${printable(subject)} stores`);
  }
  const path = relative(request.base, current).split(sep).join('/');

  const numbers = await client.versions(subject);
  if (numbers.length === 0) {
    throw new BaselineError('not-found', `subject ${printable(subject)} has no versions in the registry at ${client.shown}: register a first version, or use another baseline`);
  }
  const compatibility = await client.compatibility(subject);
  const all = options.allVersions ?? (compatibility !== undefined && isTransitive(compatibility));
  const wanted = all ? numbers : [numbers[numbers.length - 1]!];

  const references = new Map<string, BaselineFile[]>();
  const versions: BaselineVersion[] = [];
  for (const v of wanted) {
    const entry = await client.version(subject, v);
    const files: BaselineFile[] = [
      { path, text: entry.schema, origin: client.versionAddress(subject, v), schemaType: entry.schemaType },
    ];
    files.push(...(await client.referencedFiles(entry.references, references, 0)));
    versions.push({ label: `${subject} version ${v}`, files });
  }
  return {
    description: `registry:${client.shown}#${subject}`,
    versions,
    ...(compatibility ? { compatibility } : {}),
  };
}

function singleTargetFile(request: BaselineRequest): string | undefined {
  const [only, ...more] = request.targets;
  return only && !only.isFolder && more.length === 0 ? only.path : undefined;
}

class RegistryClient {
  /** The address as messages show it: no user info. */
  readonly shown: string;
  private readonly root: string;
  private readonly authorization: string | undefined;
  private readonly secrets: string[];
  private readonly timeoutMs: number;

  constructor(address: string, options: RegistryOptions) {
    let url: URL;
    try {
      url = new URL(address);
    } catch {
      throw new BaselineError('usage', `the registry address \`${printable(redactUrl(address))}\` is not a URL`);
    }
    let credentials = options.credentials;
    if (!credentials && (url.username || url.password)) {
      credentials = { kind: 'basic', username: decodeURIComponent(url.username), password: decodeURIComponent(url.password) };
    }
    this.secrets = [url.username, url.password].filter((s) => s !== '');
    url.username = '';
    url.password = '';
    url.hash = '';
    this.root = url.href.endsWith('/') ? url.href : url.href + '/';
    this.shown = url.href.replace(/\/$/, '');
    if (credentials?.kind === 'basic') {
      this.authorization = 'Basic ' + Buffer.from(`${credentials.username}:${credentials.password}`, 'utf8').toString('base64');
      this.secrets.push(credentials.password, credentials.username);
    } else if (credentials?.kind === 'bearer') {
      this.authorization = `Bearer ${credentials.token}`;
      this.secrets.push(credentials.token);
    }
    if (this.authorization) this.secrets.push(this.authorization.slice(this.authorization.indexOf(' ') + 1));
    this.timeoutMs = options.timeoutMs ?? 10_000;
  }

  versionAddress(subject: string, version: number): string {
    return `${this.shown}/subjects/${encodeURIComponent(subject)}/versions/${version}`;
  }

  async versions(subject: string): Promise<number[]> {
    const body = await this.get(`subjects/${encodeURIComponent(subject)}/versions`, subject);
    if (!Array.isArray(body) || !body.every((v) => Number.isInteger(v))) {
      throw this.badShape(`subjects/${subject}/versions`, 'a list of version numbers');
    }
    return (body as number[]).slice().sort((a, b) => a - b);
  }

  /** The subject's level, else the registry's; undefined when the registry has neither. */
  async compatibility(subject: string): Promise<CompatibilityLevel | undefined> {
    const own = await this.get(`config/${encodeURIComponent(subject)}`, subject, { optional: true });
    const level = levelOf(own);
    if (level) return level;
    return levelOf(await this.get('config', subject, { optional: true }));
  }

  async version(subject: string, version: number): Promise<SchemaEntry> {
    const where = `subjects/${encodeURIComponent(subject)}/versions/${version}`;
    const body = await this.get(where, subject);
    if (!body || typeof body !== 'object') throw this.badShape(where, 'a schema version object');
    const o = body as Record<string, unknown>;
    // Some registries answer without the text and point at it by id.
    if (typeof o.schema !== 'string' && Number.isInteger(o.id)) {
      const byId = await this.get(`schemas/ids/${o.id as number}`, subject);
      if (!byId || typeof byId !== 'object') throw this.badShape(`schemas/ids/${o.id as number}`, 'a schema object');
      return this.entry({ ...(byId as Record<string, unknown>), version }, `schemas/ids/${o.id as number}`);
    }
    return this.entry(o, where);
  }

  private entry(o: Record<string, unknown>, where: string): SchemaEntry {
    if (typeof o.schema !== 'string') throw this.badShape(where, 'an object with a `schema` string');
    const type = o.schemaType ?? 'AVRO';
    if (type !== 'AVRO' && type !== 'PROTOBUF' && type !== 'JSON') {
      throw new BaselineError('bad-response', this.scrub(`the registry at ${this.shown} says the schema type is ${printable(String(type))}: only AVRO, PROTOBUF and JSON exist`));
    }
    const refs = Array.isArray(o.references) ? o.references : [];
    const references: Reference[] = [];
    for (const r of refs) {
      const ref = r as Record<string, unknown>;
      if (typeof ref?.name !== 'string' || typeof ref.subject !== 'string' || !Number.isInteger(ref.version)) {
        throw this.badShape(where, 'references of the form {name, subject, version}');
      }
      references.push({ name: ref.name, subject: ref.subject, version: ref.version as number });
    }
    return { schema: o.schema, schemaType: type, references, ...(typeof o.version === 'number' ? { version: o.version } : {}) };
  }

  /** The schemas references name, transitively, each fetched once per load. */
  async referencedFiles(refs: readonly Reference[], seen: Map<string, BaselineFile[]>, depth: number): Promise<BaselineFile[]> {
    const out: BaselineFile[] = [];
    for (const ref of refs) {
      const key = `${ref.subject}\0${ref.version}`;
      const known = seen.get(key);
      if (known) {
        out.push(...known);
        continue;
      }
      if (depth >= MAX_REFERENCE_DEPTH) {
        throw new BaselineError('bad-response', `schema references in the registry at ${this.shown} nest deeper than ${MAX_REFERENCE_DEPTH}: check ${printable(ref.subject)} for a cycle`);
      }
      const placeholder: BaselineFile[] = [];
      seen.set(key, placeholder); // a cycle stops here instead of looping
      const entry = await this.version(ref.subject, ref.version);
      placeholder.push({
        path: ref.name,
        text: entry.schema,
        origin: this.versionAddress(ref.subject, ref.version),
        reference: true,
        schemaType: entry.schemaType,
      });
      placeholder.push(...(await this.referencedFiles(entry.references, seen, depth + 1)));
      out.push(...placeholder);
    }
    return dedupe(out);
  }

  private async get(path: string, subject: string, opts: { optional?: boolean } = {}): Promise<unknown> {
    const url = this.root + path;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.timeoutMs);
    let status: number;
    let text: string;
    try {
      const headers: Record<string, string> = { accept: ACCEPT };
      if (this.authorization) headers.authorization = this.authorization;
      const res = await fetch(url, { headers, signal: controller.signal });
      status = res.status;
      text = await res.text();
    } catch (e) {
      throw this.networkError(e, controller.signal.aborted);
    } finally {
      clearTimeout(timer);
    }
    const shownPath = '/' + path.split('?')[0];
    if (status === 401 || status === 403) {
      const sent = this.authorization ? 'refused the credentials' : 'needs credentials and none were given';
      throw new BaselineError('auth', this.scrub(`the registry at ${this.shown} ${sent} (${status} on ${shownPath}): check the registry user and password or token`));
    }
    let body: unknown;
    let parsed = true;
    try {
      body = text === '' ? undefined : JSON.parse(text);
    } catch {
      parsed = false;
    }
    const errorCode = parsed && body && typeof body === 'object' ? (body as { error_code?: unknown }).error_code : undefined;
    if (status === 404) {
      if (opts.optional) return undefined;
      if (errorCode === 40401) {
        throw new BaselineError('not-found', this.scrub(`subject ${printable(subject)} does not exist in the registry at ${this.shown}: check the subject name, e.g. orders-value`));
      }
      if (errorCode === 40402) throw new BaselineError('not-found', this.scrub(`the registry at ${this.shown} has no ${shownPath}: the version does not exist`));
      if (errorCode === 40403) throw new BaselineError('not-found', this.scrub(`the registry at ${this.shown} has no ${shownPath}: the schema does not exist`));
      throw new BaselineError('not-found', this.scrub(`the registry at ${this.shown} answered 404 for ${shownPath}: check that the address points at a schema registry`));
    }
    if (status < 200 || status >= 300) {
      const said = parsed && body && typeof body === 'object' && typeof (body as { message?: unknown }).message === 'string' ? `: ${(body as { message: string }).message}` : '';
      throw new BaselineError('bad-response', this.scrub(`the registry at ${this.shown} answered ${status} for ${shownPath}${printable(said.slice(0, 300))}`));
    }
    if (!parsed) {
      throw new BaselineError('bad-response', this.scrub(`the registry at ${this.shown} answered ${shownPath} with something that is not JSON: check that the address points at a schema registry`));
    }
    return body;
  }

  private networkError(e: unknown, aborted: boolean): BaselineError {
    if (aborted) {
      return new BaselineError('timeout', `the registry at ${this.shown} did not answer within ${this.timeoutMs} ms: check the address and the network`);
    }
    const cause = (e as { cause?: { code?: unknown; message?: unknown } }).cause;
    const code = typeof cause?.code === 'string' ? cause.code : undefined;
    const why = code ?? (typeof cause?.message === 'string' ? cause.message : e instanceof Error ? e.message : String(e));
    return new BaselineError('unreachable', this.scrub(`cannot reach the registry at ${this.shown} (${printable(why)}): check the address and that the registry is running`));
  }

  private badShape(path: string, expected: string): BaselineError {
    return new BaselineError('bad-response', this.scrub(`the registry at ${this.shown} answered /${path} with something other than ${expected}: check that the address points at a schema registry`));
  }

  /** Belt and braces: whatever the registry echoed back, a secret never leaves in a message. */
  private scrub(message: string): string {
    let out = message;
    for (const s of this.secrets) if (s.length >= 3) out = out.split(s).join('***');
    return out;
  }
}

function levelOf(body: unknown): CompatibilityLevel | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const o = body as Record<string, unknown>;
  const level = o.compatibilityLevel ?? o.compatibility;
  return isCompatibilityLevel(level) ? level : undefined;
}

function dedupe(files: BaselineFile[]): BaselineFile[] {
  const seen = new Set<string>();
  return files.filter((f) => (seen.has(f.path) ? false : (seen.add(f.path), true)));
}
