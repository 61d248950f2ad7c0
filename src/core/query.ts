// The query string. openapi-fetch's default style, written small: arrays as repeated `name=value`
// (form, explode), objects as `name[key]=value` (deepObject), null and undefined left out.
import { encodeComponent } from './path';

export function encodeQuery(query: Record<string, unknown>): string {
  let out = '';
  const add = (name: string, value: unknown) => {
    if (value === undefined || value === null) return;
    const kind = 'Query parameter';
    out += `${out ? '&' : ''}${encodeComponent(name, kind, name)}=${encodeComponent(String(value), kind, name)}`;
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
