// The value every call returns: await it for the data, or call .withResponse() for the raw Response too.
import type { WithResponse } from './transport';

export class APIPromise<T> implements PromiseLike<T> {
  readonly #raw: Promise<WithResponse<T>>;

  constructor(raw: Promise<WithResponse<T>>) {
    this.#raw = raw;
  }

  /** The parsed data together with the Response and Portkey's request id. */
  withResponse(): Promise<WithResponse<T>> {
    return this.#raw;
  }

  // Each then() reads the data straight off the raw promise: one promise per await, not two. Not made
  // in advance either, so a caller who only uses withResponse() gets no second, unhandled rejection.
  then<A = T, B = never>(
    onfulfilled?: ((value: T) => A | PromiseLike<A>) | null,
    onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    return this.#raw.then(
      (result) => (typeof onfulfilled === 'function' ? onfulfilled(result.data) : (result.data as unknown as A)),
      onrejected,
    );
  }

  catch<B = never>(onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null): Promise<T | B> {
    return this.then(undefined, onrejected);
  }

  finally(onfinally?: (() => void) | null): Promise<T> {
    return this.then().finally(onfinally);
  }
}
