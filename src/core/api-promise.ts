// The value every call returns: a real Promise of the data, with .withResponse() for the raw Response too.
import type { WithResponse } from './transport';

export class APIPromise<T> extends Promise<T> {
  readonly #raw: Promise<WithResponse<T>>;
  #data: Promise<T> | undefined;

  constructor(raw: Promise<WithResponse<T>>) {
    // The base promise is never used for the data: then() is overridden. It settles at once, so that it
    // can never be an unhandled rejection of its own.
    super((resolve) => resolve(undefined as T));
    this.#raw = raw;
  }

  /** then() and its kin on this promise make plain Promises, as on any promise of the data. */
  static override get [Symbol.species](): PromiseConstructor {
    return Promise;
  }

  /** The parsed data together with the Response and Portkey's request id. */
  withResponse(): Promise<WithResponse<T>> {
    return this.#raw;
  }

  // Made on the first then(), not in advance: a caller who only uses withResponse() gets no second,
  // unhandled rejection. Being a real Promise is also what lets V8 carry an error's stack on past the
  // transport into the caller's own async functions (a plain thenable ends it there).
  override then<A = T, B = never>(
    onfulfilled?: ((value: T) => A | PromiseLike<A>) | null,
    onrejected?: ((reason: any) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    this.#data ??= this.#raw.then((result) => result.data);
    return this.#data.then(onfulfilled, onrejected);
  }
}
