// Types for scripts/lib/spec.mjs, for the tests that import it.
export const HTTP_METHODS: readonly string[];
export interface SpecOperation {
  method: string;
  path: string;
  operation: Record<string, any>;
  pathItem: Record<string, any>;
}
export function loadSpec(file: string): Record<string, any>;
export function listOperations(doc: Record<string, any>): SpecOperation[];
export function classifyServers(servers: unknown): string | undefined;
export function buildRoutes(doc: Record<string, any>): Record<string, string | Record<string, string>>;
export function anonymousOperations(doc: Record<string, any>): string[];
export function deref(doc: Record<string, any>, node: any): any;
