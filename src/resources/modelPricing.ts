// Model pricing: what Portkey charges for a model. Public: served from Portkey's own origin (no /v1),
// whatever `baseUrl` says, and sent without the API key (the spec's `security: []`).
import { resource } from '../core/resource';
import type { Result } from '../core/types';

/** The prices of one model of one provider (cents per token, image or other unit). */
export type ModelPricingConfig = Result<'GET /model-configs/pricing/{provider}/{model}'>;

const modelPricing = {
  /** The pricing of `model` at `provider` (e.g. 'openai', 'gpt-4o'), from Portkey's public origin, keyless. */
  retrieve: 'GET /model-configs/pricing/{provider}/{model}',
} as const;

export const ModelPricing = resource('modelPricing', modelPricing);
export type ModelPricing = InstanceType<typeof ModelPricing>;
