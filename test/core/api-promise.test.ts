// What every call returns: a promise-like of the data, with withResponse() for the Response too.
// Against a local server, so that the data and the failures are real ones.
import { types } from 'node:util';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { NotFoundError } from '../../src/index';
import { clientFor, closeServersAfterEach, server } from '../helpers/faults';
import { json } from '../helpers/local-server';

closeServersAfterEach();

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
process.on('unhandledRejection', onUnhandled);
afterEach(() => {
  unhandled.length = 0;
});
afterAll(() => {
  process.off('unhandledRejection', onUnhandled);
});

async function servers() {
  const s = await server((req, res) =>
    req.url?.endsWith('/missing')
      ? json(res, 404, { error: { message: 'no such integration' } })
      : json(res, 200, { slug: 'ok' }),
  );
  return clientFor(s.url, { maxRetries: 0 });
}

describe('APIPromise', () => {
  it('then(), then(null), catch() and finally() behave as on the data promise', async () => {
    const portkey = await servers();
    expect(await portkey.integrations.retrieve('a')).toEqual({ slug: 'ok' });
    // A missing or non-function handler passes the data through, as Promise.prototype.then does.
    expect(await portkey.integrations.retrieve('a').then(null)).toEqual({ slug: 'ok' });
    expect(await portkey.integrations.retrieve('a').then(undefined, () => 'rejected')).toEqual({ slug: 'ok' });
    expect(await portkey.integrations.retrieve('a').then((data) => data.slug)).toBe('ok');
    let finallyRan = 0;
    expect(await portkey.integrations.retrieve('a').finally(() => finallyRan++)).toEqual({ slug: 'ok' });
    expect(finallyRan).toBe(1);
    const caught = await portkey.integrations.retrieve('missing').catch((error: unknown) => error);
    expect(caught).toBeInstanceOf(NotFoundError);
    await expect(portkey.integrations.retrieve('missing').finally(() => finallyRan++)).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect(finallyRan).toBe(2);
  });

  it('the same promise can be awaited twice and gives the same data', async () => {
    const portkey = await servers();
    const call = portkey.integrations.retrieve('a');
    const [first, second] = await Promise.all([call, call]);
    expect(first).toEqual({ slug: 'ok' });
    expect(second).toBe(first);
  });

  it('withResponse() alone: its rejection is the only one, so nothing goes unhandled', async () => {
    const portkey = await servers();
    const error = await portkey.integrations
      .retrieve('missing')
      .withResponse()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    const { data, response } = await portkey.integrations.retrieve('a').withResponse();
    expect(data).toEqual({ slug: 'ok' });
    expect(response.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(unhandled).toEqual([]);
  });
});

describe('APIPromise is a real Promise', () => {
  it('is instanceof Promise, passes util.types.isPromise, and then() gives plain Promises', async () => {
    const portkey = await servers();
    const call = portkey.integrations.retrieve('a');
    expect(call).toBeInstanceOf(Promise);
    expect(types.isPromise(call)).toBe(true);
    const chained = call.then((data) => data.slug);
    expect(chained.constructor).toBe(Promise);
    expect(await chained).toBe('ok');
    // what Promise.all and Promise.race make of it is the data, as for any promise
    expect(await Promise.race([portkey.integrations.retrieve('a')])).toEqual({ slug: 'ok' });
  });

  it("an error awaited in the caller's async function carries that function's frame", async () => {
    const portkey = await servers();
    async function syncInventoryOfIntegrations() {
      await portkey.integrations.retrieve('missing');
    }
    const error = await syncInventoryOfIntegrations().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as Error).stack).toContain('syncInventoryOfIntegrations');
  });
});
