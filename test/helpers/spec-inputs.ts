// What the spec in openapi/ requires of a route's query, read from the generated `inputs` table. The suite
// also runs against Portkey's full spec (npm run check:full-spec), which requires parameters ours leaves
// out on purpose (a recorded departure); tests that are about something else add those with a placeholder.
import { inputs } from '../../generated/operations';

/** The query parameters `route` requires beyond `given`, each with a placeholder value. */
export function otherRequiredQuery(route: string, given: object): Record<string, string> {
  const [kind = '', ...names] = (inputs[route] ?? '').split(' ');
  if (kind !== 'Q') return {};
  return Object.fromEntries(names.filter((name) => !(name in given)).map((name) => [name, `${name}-1`]));
}
