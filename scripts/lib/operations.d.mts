// Types for scripts/lib/operations.mjs, for the tests that import it.
export interface OperationFacts {
  route: string;
  path: string;
  method: string;
  names: string[];
  input: 'none' | 'body' | 'query';
  required: boolean;
  fields: string[];
  array: 'only' | 'also' | undefined;
  bodyQuery: boolean;
}
export function operationFacts(doc: Record<string, any>): OperationFacts[];
export function renderOperations(doc: Record<string, any>): string;
