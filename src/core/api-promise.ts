// The value every call returns: await it for the data, or call .withResponse() for the raw Response too.
import type { WithResponse } from './transport';

export class APIPromise<T> implements PromiseLike<T> {
  readonly #raw: Promise<WithResponse<T>>;
  #data: Promise<T> | undefined;

  constructor(raw: Promise<WithResponse<T>>) {
    this.#raw = raw;
  }

  /** The parsed data together with the Response and Portkey's request id. */
  withResponse(): Promise<WithResponse<T>> {
    return this.#raw;
  }

  // The data promise is made on first use, so a caller who only uses withResponse() gets no
  // second, unhandled rejection.
  #dataPromise(): Promise<T> {
    return (this.#data ??= this.#raw.then((r) => r.data));
  }

  then<A = T, B = never>(
    onfulfilled?: ((value: T) => A | PromiseLike<A>) | null,
    onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    return this.#dataPromise().then(onfulfilled, onrejected);
  }

  catch<B = never>(onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null): Promise<T | B> {
    return this.#dataPromise().catch(onrejected);
  }

  finally(onfinally?: (() => void) | null): Promise<T> {
    return this.#dataPromise().finally(onfinally);
  }
}
