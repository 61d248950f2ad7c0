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

export function startAttempt(callerSignal: AbortSignal | undefined, timeoutMs: number): Attempt {
  const controller = new AbortController();
  const onCallerAbort = () => controller.abort(callerSignal?.reason);
  callerSignal?.addEventListener('abort', onCallerAbort, { once: true });
  const attempt = {
    signal: controller.signal,
    timedOut: false,
    done() {
      clearTimeout(timer);
      callerSignal?.removeEventListener('abort', onCallerAbort);
    },
  };
  const timer = setTimeout(
    () => {
      attempt.timedOut = true;
      controller.abort();
    },
    Math.min(timeoutMs, MAX_TIMER_MS),
  );
  return attempt;
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
