// Types for spec-diff.mjs, so test/spec-diff.test.ts type-checks under tsconfig.test.json.
export type Severity = 'breaking' | 'warning' | 'info';

export interface Change {
  area: 'operation' | 'parameter' | 'body' | 'response';
  kind: string;
  severity: Severity;
  text: string;
}

export interface OperationRef {
  key: string;
  method: string;
  path: string;
  summary: string;
}

export interface SpecDiff {
  operations: { before: string[]; after: string[] };
  added: (OperationRef & { hasSuccess: boolean })[];
  removed: (OperationRef & { pathStillThere: boolean })[];
  renamed: {
    key: string;
    to: string;
    method: string;
    path: string;
    newPath: string;
    params: { from: string; to: string }[];
    changes: Change[];
  }[];
  changed: { key: string; method: string; path: string; changes: Change[] }[];
}

export type FacadeOperations = Record<string, string>;

export interface Assessment {
  problems: string[];
  warnings: string[];
  affected: {
    method: string;
    key: string;
    status: 'renamed' | 'removed' | 'missing' | 'added' | 'changed';
    note: string;
    changes: Change[];
  }[];
}

export function loadSpec(file: string): any;
export function opKey(method: string, path: string): string;
export function diff(oldDoc: unknown, newDoc: unknown): SpecDiff;
export function assess(result: SpecDiff, facadeOps: FacadeOperations): Assessment;
export function formatReport(
  result: SpecDiff,
  facadeOps: FacadeOperations,
  labels?: { from?: string; to?: string },
): string;
