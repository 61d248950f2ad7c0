// Per-attempt cancellation: the caller's signal and the attempt's timeout, combined into one signal for
// fetch, and a retry wait that the caller's signal can cut short.
import { APIUserAbortError } from './errors';

/**
 * Timers hold a signed 32-bit millisecond count; a longer delay (timeout: 3e9, say) would fire at once in
 * Node and browsers alike, so cap it: about 24.8 days, which is "never" for one HTTP attempt.
 */
const MAX_TIMER_MS = 2 ** 31 - 1;
/** Attempts per shared signal: fetch (undici) keeps a listener on it per request until that is collected. */
const MAX_SHARERS = 32;
/**
 * Cloudflare Workers tie a timer to the request that set it: a window opened while serving one request could
 * lose its timer when that request ends, and another request's attempt with it. No sharing there.
 */
const SHARING = (globalThis as any).navigator?.userAgent !== 'Cloudflare-Workers';

/**
 * The signal of one or more attempts, aborted `timeout` ms after they start, or when the caller aborts.
 *
 * Attempts without a caller signal share a window: making a signal per attempt was most of the facade's own
 * cost per request (Node builds each one transferable: microseconds and garbage every time). A shared window
 * opens with an attempt and admits those with the same timeout that start within 1/16 of it (at most 1 s)
 * after it, up to MAX_SHARERS; its controller is aborted at the window's end + `timeout`. So every attempt
 * gets at least `timeout` ms and at most 1/16 more. Aborting a signal whose requests have completed does
 * nothing to them, which makes sharing safe. The timer runs only while an attempt is in flight: an idle
 * client holds none, and a pending attempt's timer keeps the process alive as it should.
 *
 * An attempt with a caller signal gets a window of its own, which that signal also aborts.
 */
export class TimeoutWindow {
  readonly #controller = new AbortController();
  readonly #timeoutMs: number;
  /** performance.now() before which attempts may join; the controller is aborted `timeoutMs` after it. */
  readonly #joinUntil: number;
  /** Removes the listener on the caller's signal, for a window that has one. */
  readonly #detach: (() => void) | undefined;
  #sharers = 0;
  #inFlight = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(timeoutMs: number, now: number, callerSignal: AbortSignal | undefined) {
    const slack = callerSignal || !SHARING ? 0 : Math.min(timeoutMs / 16, 1000);
    this.#timeoutMs = timeoutMs;
    this.#joinUntil = now + slack;
    if (callerSignal) {
      const onAbort = () => this.#controller.abort(callerSignal.reason);
      callerSignal.addEventListener('abort', onAbort, { once: true });
      this.#detach = () => callerSignal.removeEventListener('abort', onAbort);
    }
  }

  /**
   * Aborted by the timer, or by the caller's signal (a private window). So once the caller's own signal is
   * ruled out, an aborted signal means the attempt timed out.
   */
  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  /** Whether an attempt with this timeout, starting `now`, may share this window. */
  admits(timeoutMs: number, now: number): boolean {
    return timeoutMs === this.#timeoutMs && now < this.#joinUntil && this.#sharers < MAX_SHARERS;
  }

  /** An attempt starts on this window. */
  join(now: number): this {
    this.#sharers++;
    if (this.#inFlight++ === 0) {
      // Rounded up, and 1 ms more: timers count whole milliseconds, and some runtimes truncate.
      const delay = Math.min(Math.ceil(this.#joinUntil + this.#timeoutMs - now) + 1, MAX_TIMER_MS);
      this.#timer = setTimeout(() => this.#controller.abort(), delay);
    }
    return this;
  }

  /** An attempt is over (its body read, or failed): once per join. */
  leave(): void {
    this.#detach?.();
    if (--this.#inFlight === 0) clearTimeout(this.#timer);
  }
}

/**
 * The window for an attempt starting now: `open` (a transport's last shared window) when it admits it,
 * else a new one. The caller keeps the result as its next `open` unless a caller signal made it private.
 */
export function startAttempt(
  open: TimeoutWindow | undefined,
  callerSignal: AbortSignal | undefined,
  timeoutMs: number,
): TimeoutWindow {
  const now = performance.now();
  const window = !callerSignal && open?.admits(timeoutMs, now) ? open : new TimeoutWindow(timeoutMs, now, callerSignal);
  return window.join(now);
}

/** Wait before a retry; rejects with APIUserAbortError as soon as the caller aborts. */
export function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(new APIUserAbortError());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    if (signal?.aborted) onAbort();
    else signal?.addEventListener('abort', onAbort, { once: true });
  });
}
