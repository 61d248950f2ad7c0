export interface PrismServer {
  url: string;
  stop(): Promise<void>;
  output(): string;
}
export function startPrism(specFile: string, options?: { timeoutMs?: number }): Promise<PrismServer>;
