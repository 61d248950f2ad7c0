// The query string. openapi-fetch's default style, written small: arrays as repeated `name=value`
// (form, explode), objects as `name[key]=value` (deepObject), null and undefined left out.
import { encodeComponent } from './path';

export function encodeQuery(query: Record<string, unknown>): string {
  let out = '';
  const add = (name: string, value: unknown) => {
    if (value === undefined || value === null) return;
    const label = `Query parameter "${name}"`;
    out += `${out ? '&' : ''}${encodeComponent(name, label)}=${encodeComponent(String(value), label)}`;
  };
  for (const name of Object.keys(query)) {
    const value = query[name];
    if (Array.isArray(value)) for (const item of value) add(name, item);
    else if (value && typeof value === 'object')
      for (const [key, item] of Object.entries(value)) add(`${name}[${key}]`, item);
    else add(name, value);
  }
  return out;
}
