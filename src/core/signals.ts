// Per-attempt cancellation: the caller's signal and the attempt's timeout, combined into one signal for
// fetch, and a retry wait that the caller's signal can cut short.
import { APIUserAbortError, PortkeyError } from './errors';

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
 * keeps the process alive as it should. Windows listen to the caller's signal through `onAbort`.
 */
export class TimeoutWindow {
  readonly #controller = new AbortController();
  readonly #timeoutMs: number;
  /** performance.now() before which attempts may join; the controller is aborted `timeoutMs` after it. */
  readonly #joinUntil: number;
  readonly #callerSignal: AbortSignal | undefined;
  /** The rejections of the attempts `race` is waiting on: removed as each settles, so none outlives its attempt. */
  readonly #racing = new Set<(reason: unknown) => void>();
  /** Both the timer's callback and the caller signal's listener: the transport tells the two apart. */
  readonly #abort = () => {
    const signal = this.#controller.signal;
    this.#controller.abort();
    for (const reject of this.#racing) reject(signal.reason);
  };
  #sharers = 0;
  #inFlight = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #unlisten: (() => void) | undefined;

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

  /**
   * `work`, or a rejection with the signal's reason as soon as the signal aborts: an attempt is raced so, fetch and
   * body together, so that a custom fetch which ignores its signal still ends at the timeout. Not `Promise.race`
   * against one promise per window: every race would leave a reaction on it holding its attempt's Response until
   * the window is collected, and that garbage, kept through collections, cost more per call than the race itself
   * (bench/README.md). Here a settled attempt's rejecter leaves the set at once.
   */
  race<T>(work: Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const signal = this.#controller.signal;
      if (signal.aborted) return reject(signal.reason);
      const racing = this.#racing;
      racing.add(reject);
      work.then(
        (value) => {
          racing.delete(reject);
          resolve(value);
        },
        (error: unknown) => {
          racing.delete(reject);
          reject(error);
        },
      );
    });
  }

  /** Whether an attempt with this timeout, starting `now`, may share this window. */
  admits(timeoutMs: number, now: number): boolean {
    return timeoutMs === this.#timeoutMs && now < this.#joinUntil && this.#sharers < MAX_SHARERS;
  }

  /** An attempt starts on this window. */
  join(now: number): this {
    this.#sharers++;
    if (this.#inFlight++ === 0) {
      if (this.#callerSignal) this.#unlisten = onAbort(this.#callerSignal, this.#abort);
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
      this.#unlisten?.();
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
    // Before any listening: an aborted signal fires no event, and a relay on it would never go.
    if (signal?.aborted) return reject(new APIUserAbortError(signal.reason));
    const unlisten =
      signal &&
      onAbort(signal, () => {
        clearTimeout(timer);
        reject(new APIUserAbortError(signal.reason));
      });
    const timer = setTimeout(() => {
      unlisten?.();
      resolve();
    }, ms);
  });
}

/** Per caller signal: its one listener, and the callbacks it calls. */
const relays = new WeakMap<AbortSignal, { listener: () => void; callbacks: Set<() => void> }>();

/**
 * Call `callback` when `signal` aborts; returns what stops that. Every call, retry wait and list walk under one
 * signal shares one listener on it: Node warns past 10 listeners on one signal (a leak, it assumes), and
 * fanning out a thousand calls under one signal is ordinary. A signal already aborted fires nothing.
 */
export function onAbort(signal: AbortSignal, callback: () => void): () => void {
  let relay = relays.get(signal);
  if (!relay) {
    const callbacks = new Set<() => void>();
    const listener = () => {
      relays.delete(signal);
      for (const each of callbacks) each();
    };
    relays.set(signal, (relay = { listener, callbacks }));
    signal.addEventListener('abort', listener, { once: true });
  }
  // A wrapper of its own: the same callback may be registered twice, and each registration removed once.
  const entry = () => callback();
  const { callbacks, listener } = relay;
  callbacks.add(entry);
  return () => {
    // The listener goes with the last callback: a long-lived signal keeps nothing of finished calls.
    if (callbacks.delete(entry) && !callbacks.size && relays.get(signal) === relay) {
      relays.delete(signal);
      signal.removeEventListener('abort', listener);
    }
  };
}

/** A signal from plain JavaScript, checked: fetch would throw a bare TypeError on anything else. */
export function checkSignal(signal: unknown, label: string): AbortSignal | undefined {
  if (signal === undefined || signal === null) return undefined;
  const s = signal as AbortSignal;
  if (
    typeof s.aborted !== 'boolean' ||
    typeof s.addEventListener !== 'function' ||
    typeof s.removeEventListener !== 'function'
  ) {
    throw new PortkeyError(`${label}: \`signal\` must be an AbortSignal.`);
  }
  return s;
}
