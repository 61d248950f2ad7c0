// Per-attempt cancellation: the caller's signal and the attempt's timeout, combined into one signal for
// fetch, and a retry wait that the caller's signal can cut short.
import { APIUserAbortError } from './errors';

export interface Attempt {
  readonly signal: AbortSignal;
  /** True once the timeout (not the caller) aborted this attempt. */
  readonly timedOut: boolean;
  /** Stop the timer and detach from the caller's signal. Call once the body has been read. */
  done(): void;
}

/**
 * Timers hold a signed 32-bit millisecond count; a longer delay (timeout: 3e9, say) would fire at once in
 * Node and browsers alike, so cap it: about 24.8 days, which is "never" for one HTTP attempt.
 */
const MAX_TIMER_MS = 2 ** 31 - 1;
/** Attempts per shared signal: fetch (undici) keeps a listener on it per request until that is collected. */
const MAX_SHARERS = 32;
/** Distinct timeout values with a shared window; beyond that (a timeout computed per call, say) none is shared. */
const MAX_WINDOWS = 16;
/**
 * Cloudflare Workers tie a timer to the request that set it: a window opened while serving one request could
 * lose its timer when that request ends, and another request's attempt with it. No sharing there.
 */
const SHARING = (globalThis as any).navigator?.userAgent !== 'Cloudflare-Workers';

/**
 * Attempts without a caller signal share one AbortController per window of starts. Making a signal per
 * attempt was most of the facade's own cost per request: Node builds each one transferable, microseconds
 * and garbage every time. A window opens with an attempt and admits those that start within 1/16 of
 * `timeout` (at most 1 s) after it, up to MAX_SHARERS; its controller is aborted at the window's end +
 * `timeout`. So every attempt gets at least `timeout` ms and at most 1/16 more. Aborting a signal whose
 * requests have completed does nothing to them, which makes sharing safe. The timer runs only while an
 * attempt is in flight: an idle client holds none, and a pending attempt's timer keeps the process alive
 * as it should. An attempt with a caller signal gets a window of its own, which that signal also aborts.
 */
interface TimeoutWindow {
  /** The timeout these attempts share: the window's key in `windows`. */
  readonly timeoutMs: number;
  readonly controller: AbortController;
  /** performance.now() until which attempts may join; and when the controller is aborted. */
  readonly joinUntil: number;
  readonly abortAt: number;
  sharers: number;
  inFlight: number;
  timer: ReturnType<typeof setTimeout> | undefined;
  timedOut: boolean;
}

/** The open shared window for each timeout value in use. */
const windows = new Map<number, TimeoutWindow>();

export function startAttempt(callerSignal: AbortSignal | undefined, timeoutMs: number): Attempt {
  const now = performance.now();
  const shared = !callerSignal && SHARING;
  let w = shared ? windows.get(timeoutMs) : undefined;
  if (!w || now > w.joinUntil || w.sharers >= MAX_SHARERS) {
    const slack = shared ? Math.min(timeoutMs / 16, 1000) : 0;
    w = {
      timeoutMs,
      controller: new AbortController(),
      joinUntil: now + slack,
      abortAt: now + slack + timeoutMs,
      sharers: 0,
      inFlight: 0,
      timer: undefined,
      timedOut: false,
    };
    if (shared) {
      // Idle windows (nothing in flight) only take up room: drop them; a later attempt opens a new one.
      if (windows.size >= MAX_WINDOWS) for (const [key, old] of windows) if (!old.inFlight) windows.delete(key);
      if (windows.has(timeoutMs) || windows.size < MAX_WINDOWS) windows.set(timeoutMs, w);
    }
  }
  return new WindowAttempt(w, now, callerSignal);
}

/** A class, not an object literal with closures: one small allocation per attempt on the hot path. */
class WindowAttempt implements Attempt {
  readonly #window: TimeoutWindow;
  readonly #callerSignal: AbortSignal | undefined;
  readonly #onCallerAbort: (() => void) | undefined;
  #finished = false;

  constructor(window: TimeoutWindow, now: number, callerSignal: AbortSignal | undefined) {
    this.#window = window;
    this.#callerSignal = callerSignal;
    window.sharers++;
    if (window.inFlight++ === 0) {
      // Rounded up, and 1 ms more: timers count whole milliseconds, and some runtimes truncate.
      const delay = Math.min(Math.ceil(window.abortAt - now) + 1, MAX_TIMER_MS);
      window.timer = setTimeout(() => {
        window.timedOut = true;
        if (windows.get(window.timeoutMs) === window) windows.delete(window.timeoutMs);
        window.controller.abort();
      }, delay);
    }
    if (callerSignal) {
      this.#onCallerAbort = () => window.controller.abort(callerSignal.reason);
      callerSignal.addEventListener('abort', this.#onCallerAbort, { once: true });
    }
  }

  get signal(): AbortSignal {
    return this.#window.controller.signal;
  }

  get timedOut(): boolean {
    return this.#window.timedOut;
  }

  done(): void {
    if (this.#finished) return;
    this.#finished = true;
    const window = this.#window;
    if (this.#onCallerAbort) this.#callerSignal!.removeEventListener('abort', this.#onCallerAbort);
    if (--window.inFlight === 0) clearTimeout(window.timer);
  }
}

/** Wait before a retry; rejects with APIUserAbortError as soon as the caller aborts. */
export function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  if (signal?.aborted) return Promise.reject(new APIUserAbortError());
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(new APIUserAbortError());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
