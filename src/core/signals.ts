// Per-attempt cancellation: the caller's signal and the attempt's timeout, combined into one signal for
// fetch, and a retry wait that the caller's signal can cut short.
import { APIUserAbortError } from './errors';

/**
 * Timers hold a signed 32-bit millisecond count; a longer delay (timeout: 3e9, say) would fire at once in
 * Node and browsers alike, so cap it: about 24.8 days, which is "never" for one HTTP attempt.
 */
const MAX_TIMER_MS = 2 ** 31 - 1;
/**
 * Attempts per window. Fetch (undici) keeps a listener on the signal per request until that is collected, and
 * pays per listener already there: with 16 requests in flight, 8 per signal cost 5 % less client CPU than 32
 * (bench, 40 rounds), sequential calls the same. A new signal every 8 attempts is cheap beside that.
 */
const MAX_SHARERS = 8;
/**
 * Cloudflare Workers tie a timer to the request that set it: a window opened while serving one request could
 * lose its timer when that request ends, and another request's attempt with it. No sharing there.
 */
const SHARING = (globalThis as any).navigator?.userAgent !== 'Cloudflare-Workers';

/**
 * The signal of one or more attempts, aborted `timeout` ms after they start, or when the caller aborts.
 *
 * Attempts share windows: making a signal per attempt was most of the facade's own cost per request (Node
 * builds each one transferable: microseconds and garbage every time). A window opens with an attempt and
 * admits those with the same caller signal (or none) and the same timeout that start within 1/16 of it (at
 * most 1 s) after it, up to MAX_SHARERS; its controller is aborted at the window's end + `timeout`. So every
 * attempt gets at least `timeout` ms and at most 1/16 more. Aborting a signal whose requests have completed
 * does nothing to them, which makes sharing safe. The timer runs, and the window listens to the caller's
 * signal, only while an attempt is in flight: an idle client holds neither, and a pending attempt's timer
 * keeps the process alive as it should. One listener per window, not per attempt: Node warns of a leak
 * past 10 listeners on one signal, and fanning out a few dozen calls under one signal is ordinary.
 */
export class TimeoutWindow {
  readonly #controller = new AbortController();
  readonly #timeoutMs: number;
  /** performance.now() before which attempts may join; the controller is aborted `timeoutMs` after it. */
  readonly #joinUntil: number;
  readonly #callerSignal: AbortSignal | undefined;
  /** Both the timer's callback and the caller signal's listener: the transport tells the two apart. */
  readonly #abort = () => this.#controller.abort();
  #sharers = 0;
  #inFlight = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(timeoutMs: number, now: number, callerSignal: AbortSignal | undefined) {
    this.#timeoutMs = timeoutMs;
    this.#joinUntil = now + (SHARING ? Math.min(timeoutMs / 16, 1000) : 0);
    this.#callerSignal = callerSignal;
  }

  /**
   * Aborted by the timer, or by the caller's signal. So once the caller's own signal is ruled out, an
   * aborted signal means the attempt timed out.
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
      // First: a `signal` that is no event target throws here, before a timer is left running.
      this.#callerSignal?.addEventListener('abort', this.#abort);
      // Rounded up, and 1 ms more: timers count whole milliseconds, and some runtimes truncate.
      const delay = Math.min(Math.ceil(this.#joinUntil + this.#timeoutMs - now) + 1, MAX_TIMER_MS);
      this.#timer = setTimeout(this.#abort, delay);
    }
    return this;
  }

  /** An attempt is over (its body read, or failed): once per join. */
  leave(): void {
    if (--this.#inFlight === 0) {
      clearTimeout(this.#timer);
      this.#callerSignal?.removeEventListener('abort', this.#abort);
    }
  }
}

/**
 * The window for an attempt starting now: `open` (the last window for the same caller signal, or for none)
 * when it admits it, else a new one, which the caller keeps as its next `open`.
 */
export function startAttempt(
  open: TimeoutWindow | undefined,
  callerSignal: AbortSignal | undefined,
  timeoutMs: number,
): TimeoutWindow {
  const now = performance.now();
  return (open?.admits(timeoutMs, now) ? open : new TimeoutWindow(timeoutMs, now, callerSignal)).join(now);
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
