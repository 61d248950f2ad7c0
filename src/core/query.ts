// The query string. openapi-fetch's default style, written small: arrays as repeated `name=value`
// (form, explode), objects as `name[key]=value` (deepObject), null and undefined left out, a Date as ISO 8601.
// Anything else that the style has no single text for (a nested object, a Map, a function, NaN) is refused by name:
// String() would send "[object Map]" or "NaN", or throw a bare TypeError. A bigint is sent as its decimal digits,
// exact where a number past 2^53 is not.
import { PortkeyError } from './errors';
import { encodeComponent } from './path';

/** A Date as ISO 8601; an invalid one (`new Date('soon')`) is refused, not sent as "Invalid Date". */
function isoDate(date: Date, name: string): string {
  if (Number.isNaN(date.getTime())) throw new PortkeyError(`Query parameter "${name}" is an invalid Date.`);
  return date.toISOString();
}

/** `?name=value&…` for the values given, or '' when there are none. */
export function encodeQuery(query: Record<string, unknown> | undefined): string {
  // Most calls have no query: no closure, no entries array for them.
  if (!query) return '';
  let out = '';
  const add = (name: string, value: unknown) => {
    if (value === undefined || value === null) return;
    const kind = 'Query parameter';
    // The value is not quoted: it could be long, or a secret. No other `typeof` answer is a substring of this one.
    if (!(value instanceof Date || 'string boolean bigint'.includes(typeof value) || Number.isFinite(value))) {
      throw new PortkeyError(`${kind} "${name}" must be a string, finite number, boolean or Date.`);
    }
    const text = value instanceof Date ? isoDate(value, name) : String(value);
    out += `${out ? '&' : '?'}${encodeComponent(name, kind, name)}=${encodeComponent(text, kind, name)}`;
  };
  for (const [name, value] of Object.entries(query)) {
    if (Array.isArray(value)) for (const item of value) add(name, item);
    // Plain objects only: a Map, a Set or a class instance has no entries to send, or not the ones meant.
    else if (value && [Object.prototype, null].includes(Object.getPrototypeOf(value)))
      for (const [key, item] of Object.entries(value)) add(`${name}[${key}]`, item);
    else add(name, value);
  }
  return out;
}
