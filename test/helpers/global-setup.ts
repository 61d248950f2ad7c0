// Starts one Prism mock for the whole run, from the same spec the types were generated from
// (or PORTKEY_TEST_SPEC, which CI points at Portkey's full spec), and stops it afterwards.
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startPrism } from '../../scripts/lib/prism.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    prismUrl: string;
    specFile: string;
  }
}

export default async function setup(project: TestProject) {
  const specFile = resolve(process.env.PORTKEY_TEST_SPEC ?? 'openapi/portkey.yaml');
  const prism = await startPrism(specFile);
  project.provide('prismUrl', prism.url);
  project.provide('specFile', specFile);
  return () => prism.stop();
}
