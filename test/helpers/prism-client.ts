// A client pointed at the run's Prism mock, and the check that our request broke no rule of the spec.
import { expect, inject } from 'vitest';
import { PortkeyAdmin, type ClientOptions } from '../../src/index';

export const prismUrl = (): string => inject('prismUrl');

export function prismClient(options: ClientOptions = {}): PortkeyAdmin {
  return new PortkeyAdmin({ apiKey: 'pk-test-key', baseUrl: prismUrl(), maxRetries: 0, timeout: 10_000, ...options });
}

interface Violation {
  location: string[];
  message: string;
}

/** Prism reports what was wrong with a request in `sl-violations`; ours must never appear there. */
export function expectNoRequestViolations(response: Response): void {
  const raw = response.headers.get('sl-violations');
  const violations: Violation[] = raw ? JSON.parse(raw) : [];
  const requestSide = violations.filter((v) => v.location[0] === 'request');
  expect(requestSide, 'Prism found request violations').toEqual([]);
}
