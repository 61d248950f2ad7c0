// Which operations the facade's resource methods call, and whether a spec still offers them.
// The list lives in scripts/facade-operations.json; test/resources/facade-operations.test.ts proves it matches
// what the resources really call, so this check cannot drift from src/.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const manifestFile = resolve(import.meta.dirname, '../facade-operations.json');

/** `{ 'GET /integrations/{slug}': 'portkey.integrations.retrieve', … }` */
export function facadeOperations() {
  return JSON.parse(readFileSync(manifestFile, 'utf8'));
}

/** Path parameter names in a template, e.g. ['slug'] for /integrations/{slug}. */
export function templateParams(path) {
  return [...path.matchAll(/\{([^{}]+)\}/g)].map((m) => m[1]);
}

/** Plain-words problems for each facade operation the spec no longer offers as the facade calls it. */
export function checkFacadeOperations(doc) {
  const problems = [];
  for (const [key, facadeMethod] of Object.entries(facadeOperations())) {
    const [METHOD, path] = key.split(' ');
    const method = METHOD.toLowerCase();
    const operation = doc.paths?.[path]?.[method];
    if (!operation) {
      const elsewhere = Object.keys(doc.paths ?? {}).includes(path)
        ? ` (the path is still there, but without ${METHOD})`
        : '';
      problems.push(`${key} is no longer in the spec${elsewhere}; ${facadeMethod} cannot work.`);
      continue;
    }
    const successes = Object.keys(operation.responses ?? {}).filter((s) => /^2/.test(s));
    if (successes.length === 0) {
      problems.push(`${key} no longer declares a success response; ${facadeMethod} cannot type its result.`);
    }
  }
  return problems;
}
