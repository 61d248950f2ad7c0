// Types for spec-facts.mjs, so the tests under test/scripts and test/spec type-check.
export interface Operation {
  method: string;
  path: string;
  operation: any;
  pathItem: any;
}
export interface Difference {
  route: string;
  where: string;
  text: string;
}
export interface Departure {
  route: string;
  where: string;
  reason: string;
  evidence: string;
}
export interface FieldFacts {
  type: string | undefined;
  nullable: boolean;
  enum: unknown[] | undefined;
  combinator: string | undefined;
  required: boolean | undefined;
}
export const HTTP_METHODS: string[];
export function loadSpec(file: string): any;
export function listOperations(doc: any): Operation[];
export function routeKey(method: string, path: string): string;
export function readSchema(doc: any, schema: unknown): unknown;
export function fieldsOf(doc: any, schema: unknown): Map<string, FieldFacts>;
export function compareSpecs(ours: any, upstream: any): Difference[];
export function parseDepartures(text: string, file?: string): Departure[];
export function loadDepartures(file: string): Departure[];
export function applyDepartures(
  differences: Difference[],
  departures: Departure[],
): {
  explained: (Difference & { departure: Departure })[];
  unexplained: Difference[];
  stale: Departure[];
};
export function coverage(
  ours: any,
  surface: Record<string, string>,
): { total: number; covered: number; missing: string[] };
export function report(input: {
  oursFile: string;
  upstreamFile: string;
  compared: number;
  differences: Difference[];
  departures: Departure[];
  surface?: Record<string, string>;
  ours?: any;
}): {
  text: string;
  ok: boolean;
  unexplained: Difference[];
  stale: Departure[];
  explained: (Difference & { departure: Departure })[];
};
