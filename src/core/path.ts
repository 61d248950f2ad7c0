// Filling a path template. Each parameter becomes exactly one encoded segment, or is refused before
// anything is sent: `..` (and `%2E%2E`, which URL parsing also folds) would climb out of the resource.
import { PortkeyError } from './errors';

const DOT_SEGMENT = /^(?:\.|%2e){1,2}$/i;

export function encodePathParam(name: string, value: unknown, label?: string): string {
  // Strings only, as every path parameter of the spec is: a number or object here is a caller's mistake
  // (an id from the wrong field, say) and would otherwise be sent as "42" or "[object Object]".
  if (typeof value !== 'string' || value === '' || DOT_SEGMENT.test(value)) {
    // Only "" and dot segments are quoted: any other value could be long, or a secret put there by mistake.
    const got = typeof value === 'string' ? JSON.stringify(value) : value === null ? 'null' : typeof value;
    throw new PortkeyError(
      `${label ? `${label}: ` : ''}Path parameter "${name}" must be a non-empty string, not a dot segment; got ${got}.`,
    );
  }
  return encodeComponent(value, 'Path parameter', name);
}

/**
 * encodeURIComponent throws a bare URIError on a lone surrogate (half of an emoji, say); name the value.
 * The message is built only on failure: this runs for every path and query value.
 */
export function encodeComponent(value: string, kind: string, name: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    throw new PortkeyError(`${kind} "${name}" is not valid Unicode (a lone surrogate).`);
  }
}

/**
 * `/integrations/{slug}` + `{ slug: 'a/b' }` → `/integrations/a%2Fb`. A scan for braces: String.replace with a
 * function costs several times more, and this runs for every call.
 */
export function fillPath(template: string, params: Record<string, unknown> | undefined, label?: string): string {
  let path = '';
  let at = 0;
  for (let open; (open = template.indexOf('{', at)) >= 0;) {
    const close = template.indexOf('}', open);
    if (close < 0) break; // an unclosed brace is literal text
    const name = template.slice(open + 1, close);
    if (!params || !Object.hasOwn(params, name)) {
      throw new PortkeyError(`Path parameter "${name}" of ${template} is missing.`);
    }
    path += template.slice(at, open) + encodePathParam(name, params[name], label);
    at = close + 1;
  }
  return path + template.slice(at);
}
