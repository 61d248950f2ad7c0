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

/**
 * Attempts without a caller signal share one AbortController per window of starts. Making a signal (and
 * arming a timer) per attempt was most of the facade's own cost per request: Node builds each signal
 * transferable, microseconds and garbage every time. A window opens with an attempt and admits those
 * that start within 1/16 of `timeout` (at most 1 s) after it, up to MAX_SHARERS; its controller is aborted
 * at the window's end + `timeout`. So every attempt gets at least `timeout` ms and at most 1/16 more.
 * Aborting a signal whose requests have completed does nothing to them, which makes sharing safe.
 * An attempt with a caller signal gets a window of its own, which the caller's signal also aborts.
 */
interface Window {
  /** The timeout these attempts share: the window's key in `windows`. */
  readonly timeoutMs: number;
  readonly controller: AbortController;
  readonly timer: ReturnType<typeof setTimeout>;
  /** performance.now() until which attempts may join. */
  readonly joinUntil: number;
  sharers: number;
  inFlight: number;
  timedOut: boolean;
}

/** The open shared window for each timeout value in use. */
const windows = new Map<number, Window>();

export function startAttempt(callerSignal: AbortSignal | undefined, timeoutMs: number): Attempt {
  const now = performance.now();
  let w = callerSignal ? undefined : windows.get(timeoutMs);
  if (!w || now > w.joinUntil || w.sharers >= MAX_SHARERS) {
    if (w?.inFlight === 0) clearTimeout(w.timer);
    w = openWindow(timeoutMs, now, callerSignal);
  }
  return new WindowAttempt(w, callerSignal);
}

/** A class, not an object literal with closures: one small allocation per attempt on the hot path. */
class WindowAttempt implements Attempt {
  readonly #window: Window;
  readonly #callerSignal: AbortSignal | undefined;
  readonly #onCallerAbort: (() => void) | undefined;
  #finished = false;

  constructor(window: Window, callerSignal: AbortSignal | undefined) {
    this.#window = window;
    this.#callerSignal = callerSignal;
    window.sharers++;
    window.inFlight++;
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
    // A window that can no longer be joined needs its timer only while its attempts are in flight.
    if (--window.inFlight === 0 && windows.get(window.timeoutMs) !== window) clearTimeout(window.timer);
  }
}

function openWindow(timeoutMs: number, now: number, callerSignal: AbortSignal | undefined): Window {
  const slack = callerSignal ? 0 : Math.min(timeoutMs / 16, 1000);
  const timer = setTimeout(
    () => {
      window.timedOut = true;
      if (windows.get(timeoutMs) === window) windows.delete(timeoutMs);
      window.controller.abort();
    },
    Math.min(slack + timeoutMs, MAX_TIMER_MS),
  );
  // A shared window's timer outlives its attempts (the next one may join); on its own it must not keep a
  // process alive: unref() in Node and Bun, Deno.unrefTimer in Deno (browsers have no such notion).
  if (!(timer as any)?.unref?.()) (globalThis as any).Deno?.unrefTimer?.(timer);
  const window: Window = {
    timeoutMs,
    controller: new AbortController(),
    timer,
    joinUntil: now + slack,
    sharers: 0,
    inFlight: 0,
    timedOut: false,
  };
  if (!callerSignal) windows.set(timeoutMs, window);
  return window;
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
