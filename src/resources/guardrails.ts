// Guardrails: checks on requests and responses, and what happens when they pass or fail.
import type { ItemOf } from '../core/pagination';
import { zeroBased } from '../core/pagination';
import { paged, resource } from '../core/resource';
import type { Body, Query, Result } from '../core/types';

export type GuardrailListQuery = Query<'GET /guardrails'>;
export type GuardrailListPage = Result<'GET /guardrails'>;
/** A guardrail as lists show it. */
export type GuardrailSummary = ItemOf<GuardrailListPage, typeof zeroBased>;
/** One guardrail, with its checks and actions. */
export type Guardrail = Result<'GET /guardrails/{guardrailId}'>;
export type GuardrailCreateParams = Body<'POST /guardrails'>;
export type GuardrailCreateResult = Result<'POST /guardrails'>;
export type GuardrailUpdateParams = Body<'PUT /guardrails/{guardrailId}'>;
export type GuardrailUpdateResult = Result<'PUT /guardrails/{guardrailId}'>;

const guardrails = {
  /** The guardrails of a workspace or organisation: await for one page, `for await` for all. */
  list: paged('GET /guardrails', zeroBased),
  /** Save checks and actions as a new guardrail; answers its id, slug and version. */
  create: 'POST /guardrails',
  /** One guardrail (by id or slug), with its checks and actions. */
  retrieve: 'GET /guardrails/{guardrailId}',
  /** Replace a guardrail's name, checks or actions, as a new version. */
  update: 'PUT /guardrails/{guardrailId}',
  /** Delete a guardrail. */
  delete: 'DELETE /guardrails/{guardrailId}',
} as const;

export const Guardrails = resource('guardrails', guardrails);
export type Guardrails = InstanceType<typeof Guardrails>;
