#!/usr/bin/env node
// npm run check:spec-facts [-- <our spec> [<upstream spec>]]
// Checks that our spec states Portkey's facts (paths, servers, security, parameters, fields, types,
// enums) for every operation it has; a deliberate departure is recorded, with its reason and evidence,
// in openapi/departures.yaml. Then reports which control-plane operations (scripts/admin-surface.json)
// our spec still lacks; those do not fail the check. Exit 1 on an unrecorded difference or a stale
// departure. Defaults: openapi/portkey.yaml against ../shared/spec/portkey-openapi.yaml.
import { existsSync, readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { compareSpecs, listOperations, loadDepartures, loadSpec, report } from './lib/spec-facts.mjs';

const root = resolve(import.meta.dirname, '..');
const argv = process.argv.slice(2);
const args = argv.filter((a) => !a.startsWith('--'));
// --departures=<file> and --surface=<file> exist for the tests.
const option = (name) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const oursFile = resolve(args[0] ?? resolve(root, 'openapi/portkey.yaml'));
const upstreamFile = resolve(args[1] ?? resolve(root, '../shared/spec/portkey-openapi.yaml'));
const departuresFile = resolve(option('departures') ?? resolve(root, 'openapi/departures.yaml'));
const surfaceFile = resolve(option('surface') ?? resolve(root, 'scripts/admin-surface.json'));
const show = (file) => relative(process.cwd(), file) || file;

if (!existsSync(upstreamFile)) {
  console.log(`check:spec-facts: ${show(upstreamFile)} is not here; nothing to compare against.`);
  process.exit(0);
}

try {
  const ours = loadSpec(oursFile);
  const upstream = loadSpec(upstreamFile);
  const departures = existsSync(departuresFile) ? loadDepartures(departuresFile) : [];
  const surface = JSON.parse(readFileSync(surfaceFile, 'utf8'));
  const result = report({
    oursFile: show(oursFile),
    upstreamFile: show(upstreamFile),
    compared: listOperations(ours).length,
    differences: compareSpecs(ours, upstream),
    departures,
    surface,
    ours,
  });
  console.log(result.text);
  process.exit(result.ok ? 0 : 1);
} catch (error) {
  console.error(`check:spec-facts: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
