// When to try again, and how long to wait first.

const RETRYABLE_STATUS = new Set([408, 429]);
/** Methods whose first attempt may have changed state on the server, so a blind repeat could do it twice. */
const UNSAFE_TO_REPEAT = new Set(['POST', 'PATCH']);
const MAX_RETRY_AFTER_MS = 60_000;
const BASE_DELAY_MS = 500;
const MAX_DELAY_MS = 8_000;

/**
 * Retry 408, 429 and ≥ 500, and 409 when the server names a delay. POST and PATCH are repeated only when the
 * status proves the first attempt was not processed: 429, or 503 naming a delay (`Retry-After`, `retry-after-ms`).
 */
export function shouldRetryStatus(method: string, status: number, headers: Headers): boolean {
  // Portkey's 409 is a state conflict (AB07: the workspace still has dependents) that waiting does not mend;
  // only a server asking for a wait says it is a passing one (a lock, say).
  if (status === 409) return !UNSAFE_TO_REPEAT.has(method) && namesDelay(headers);
  if (!RETRYABLE_STATUS.has(status) && status < 500) return false;
  if (!UNSAFE_TO_REPEAT.has(method)) return true;
  return status === 429 || (status === 503 && namesDelay(headers));
}

/** Whether the server asks for a wait it can be read as (`retry-after-ms`, or `Retry-After` in seconds or a date). */
function namesDelay(headers: Headers): boolean {
  return !Number.isNaN(serverDelayMs(headers));
}

/**
 * A failure without a response (including a timed-out attempt): only a refused connection proves a
 * POST/PATCH never arrived.
 */
export function shouldRetryFailure(method: string, error: unknown, timedOut: boolean): boolean {
  const causes = causesOf(error);
  if (causes.some(isFinal)) return false;
  return !UNSAFE_TO_REPEAT.has(method) || (!timedOut && causes.some((e) => e.code === 'ECONNREFUSED'));
}

/**
 * A failure no repeat can mend, as Node's fetch reports it: a URL or port it will not request, a header it
 * will not send. Anything else without a response may be the network's, and is worth another try.
 */
function isFinal(e: any): boolean {
  return /^(?:ERR_INVALID_URL|UND_ERR_INVALID_ARG|UND_ERR_NOT_SUPPORTED)$/.test(e.code) || e.message === 'bad port';
}

/** The error and its causes, outermost first (fetch wraps the socket's error in a TypeError). */
export function causesOf(error: unknown): any[] {
  const chain = [];
  for (let e: any = error; e && chain.length < 4; e = e.cause) chain.push(e);
  return chain;
}

/**
 * Milliseconds before retry number `retry` (0-based): the server's `retry-after-ms`, then `Retry-After`
 * (seconds or an HTTP date) when it asks for at most 60 s; otherwise 0.5 s × 2ⁿ capped at 8 s, with up
 * to 25 % jitter taken off so that many clients do not return in lockstep.
 */
export function retryDelayMs(retry: number, headers: Headers | undefined): number {
  const asked = headers ? serverDelayMs(headers) : NaN;
  // NaN (nothing readable) fails both comparisons.
  if (asked >= 0 && asked <= MAX_RETRY_AFTER_MS) return asked;
  const backoff = Math.min(BASE_DELAY_MS * 2 ** retry, MAX_DELAY_MS);
  return backoff * (1 - Math.random() * 0.25);
}

/** The wait the server asks for, in ms (a past date is 0); NaN when it asks for none it can be read as. */
function serverDelayMs(headers: Headers): number {
  const ms = numberIn(headers.get('retry-after-ms'));
  if (!Number.isNaN(ms)) return ms;
  const after = headers.get('retry-after');
  const seconds = numberIn(after);
  return Number.isNaN(seconds) ? Math.max(0, Date.parse(after ?? '') - Date.now()) : seconds * 1000;
}

/** A header's finite numeric value, else NaN; blank is not 0, as Number('') would say. */
function numberIn(value: string | null): number {
  const n = value?.trim() ? Number(value) : NaN;
  return Number.isFinite(n) ? n : NaN;
}
