// Client options: defaults, environment variables, and the checks that refuse bad values up front.
import { PortkeyError } from './errors';

export const DEFAULT_BASE_URL = 'https://api.portkey.ai/v1';
export const DEFAULT_TIMEOUT_MS = 60_000;
export const DEFAULT_MAX_RETRIES = 2;

/** Headers as fetch takes them: a record (a `null` value removes a header), a `Headers`, or `[name, value]` pairs. */
export type HeadersLike =
  Record<string, string | null | undefined> | Headers | readonly (readonly [name: string, value: string])[];

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface ClientOptions {
  /** Portkey API key. Default: env `PORTKEY_API_KEY`. */
  apiKey?: string | undefined;
  /** Control-plane URL (self-hosted: your deployment's). Default: env `PORTKEY_BASE_URL`, then https://api.portkey.ai/v1. */
  baseUrl?: string | URL | undefined;
  /** Gateway (data-plane) URL. Default: env `PORTKEY_GATEWAY_URL`, then `baseUrl`. */
  gatewayUrl?: string | URL | undefined;
  /** Milliseconds allowed for each attempt. Default 60 000. */
  timeout?: number | undefined;
  /** Retries after the first attempt. Default 2. */
  maxRetries?: number | undefined;
  /** A fetch implementation, called unbound. Default: `globalThis.fetch`. */
  fetch?: FetchLike | undefined;
  /** Headers sent with every request. */
  headers?: HeadersLike | undefined;
}

export interface ResolvedConfig {
  apiKey: string;
  baseUrl: string;
  gatewayUrl: string;
  timeout: number;
  maxRetries: number;
  fetch: FetchLike;
  headers: HeadersLike | undefined;
}

/** An environment variable, trimmed, where the runtime has an environment; empty counts as unset. */
export function readEnv(name: string): string | undefined {
  const g = globalThis as any;
  let value: unknown;
  try {
    value = g.process?.env?.[name] ?? g.Deno?.env?.get(name);
  } catch {
    // Deno without --allow-env throws on a read, through its `process.env` as well as `Deno.env`:
    // behave as if unset, so a caller who passes every option never needs the permission.
  }
  return given(value);
}

/**
 * A string, trimmed; blank counts as not given. An `option`'s value is refused unless it is `undefined` or a
 * non-blank string, so that only `undefined` falls back to the environment: in a multi-tenant tool, a tenant whose
 * key is blank or null must not act with the operator's key. The refusal names the kind, never the value: it may be
 * a key.
 */
function given(value: unknown, option?: string, expected?: string): string | undefined {
  const text = (typeof value === 'string' && value.trim()) || undefined;
  if (option && !text && value !== undefined) {
    const kind = typeof value === 'string' ? 'a blank string' : value === null ? 'null' : typeof value;
    throw new PortkeyError(`${option} must be a non-blank ${expected}, got ${kind}.`);
  }
  return text;
}

/** A URL option, else its environment variable (named in the error if it is bad), else `fallback`. */
function urlSetting(value: unknown, option: string, env: string, fallback: string): string {
  const fromOption = given(value instanceof URL ? value.href : value, option, 'string or URL');
  if (fromOption) return normaliseBaseUrl(fromOption, option);
  const fromEnv = readEnv(env);
  return fromEnv ? normaliseBaseUrl(fromEnv, `${option} (from ${env})`) : fallback;
}

// Portkey's spec names its servers SELF_HOSTED_CONTROL_PLANE_URL and SELF_HOSTED_GATEWAY_URL: any such name is a
// placeholder copied from it, never a host.
const PLACEHOLDER = /SELF_HOSTED_/i;

/**
 * Validate a base URL and normalise it: no trailing slash, path prefix kept. The value is never echoed: it may hold
 * credentials, a pasted placeholder too.
 */
export function normaliseBaseUrl(value: string, option: string): string {
  if (PLACEHOLDER.test(value)) {
    throw new PortkeyError(`${option} is a placeholder from Portkey's docs: pass your deployment's URL.`);
  }
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    // Not a URL at all: refused below, with the other malformed values.
  }
  if (!url || !/^https?:$/.test(url.protocol) || url.username || url.password || /[?#]/.test(value)) {
    throw new PortkeyError(`${option} must be an absolute http(s) URL, without credentials, query or fragment.`);
  }
  return url.href.replace(/\/+$/, '');
}

/** An integer option or parameter ≥ `min`; `fallback` when not given. Shared by client, call and list checks. */
export function integerAtLeast<T>(name: string, value: unknown, min: number, fallback: T): number | T {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || (value as number) < min) {
    throw new PortkeyError(
      // Numbers are quoted; anything else only by its type (String() throws on some objects).
      `${name} must be an integer ≥ ${min}, got ${typeof value === 'number' ? value : typeof value}.`,
    );
  }
  return value as number;
}

// Any two are at least 5 edits apart, so a name is within 2 edits of one at most: the case-insensitive match, when
// there is one (`baseURL`), is the only one.
const OPTIONS = ['apiKey', 'baseUrl', 'gatewayUrl', 'timeout', 'maxRetries', 'fetch', 'headers'];

/** Whether `a` is within `edits` insertions, deletions or substitutions of `b`. Exponential in `edits`: kept ≤ 3. */
function near(a: string, b: string, edits: number): boolean {
  if (a === b) return true;
  if (!edits) return false;
  // Matching first characters never cost an edit, whatever follows.
  if (a[0] === b[0]) return near(a.slice(1), b.slice(1), edits);
  edits--;
  return near(a.slice(1), b, edits) || near(a, b.slice(1), edits) || near(a.slice(1), b.slice(1), edits);
}

export function resolveConfig(options: ClientOptions = {}): ResolvedConfig {
  if (Object(options) !== options || Array.isArray(options))
    throw new PortkeyError('The client options must be an object.');
  // A misspelt option would otherwise be ignored: `baseURL` (Portkey's SDK spells it so) would send a self-hosted
  // deployment's calls, with its key, to Portkey's cloud.
  for (const name of Object.keys(options)) {
    if (OPTIONS.includes(name)) continue;
    // Case and separators aside (`base_url`, `baseURL`); a longer name may stray further (`maxRetry`).
    const plain = (n: string) => n.toLowerCase().replace(/[-_]/g, '');
    const guess = OPTIONS.find((known) => near(plain(name), plain(known), name.length >= 8 ? 3 : 2));
    throw new PortkeyError(`Unknown option \`${name}\`${guess ? `: did you mean \`${guess}\`?` : '.'}`);
  }
  const apiKey = given(options.apiKey, 'apiKey', 'string') ?? readEnv('PORTKEY_API_KEY');
  if (!apiKey) {
    throw new PortkeyError('Missing API key: pass `apiKey` or set PORTKEY_API_KEY.');
  }
  const baseUrl = urlSetting(options.baseUrl, 'baseUrl', 'PORTKEY_BASE_URL', DEFAULT_BASE_URL);
  const gatewayUrl = urlSetting(options.gatewayUrl, 'gatewayUrl', 'PORTKEY_GATEWAY_URL', baseUrl);
  const fetchImpl = options.fetch ?? (globalThis as any).fetch;
  if (typeof fetchImpl !== 'function') {
    throw new PortkeyError('No fetch function to use: pass `fetch`, a function.');
  }
  return {
    apiKey,
    baseUrl,
    gatewayUrl,
    timeout: integerAtLeast('timeout', options.timeout, 1, DEFAULT_TIMEOUT_MS),
    maxRetries: integerAtLeast('maxRetries', options.maxRetries, 0, DEFAULT_MAX_RETRIES),
    fetch: fetchImpl,
    // Read once, by the transport, when the client is made: later changes to the object change nothing.
    headers: options.headers,
  };
}
