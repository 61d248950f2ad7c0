// Prompts > Partials: reusable template pieces that prompts include with `{{>slug}}`, and their versions.
import type { ItemOf } from '../core/pagination';
import { wholeArray } from '../core/pagination';
import { paged, resource } from '../core/resource';
import type { Body, Query, Result } from '../core/types';

export type PromptPartialListQuery = Query<'GET /prompts/partials'>;
export type PromptPartialList = Result<'GET /prompts/partials'>;
/** A prompt partial as lists show it. */
export type PromptPartialSummary = ItemOf<PromptPartialList, typeof wholeArray>;
/** One prompt partial at its default version, with its text. */
export type PromptPartial = Result<'GET /prompts/partials/{promptPartialId}'>;
export type PromptPartialCreateParams = Body<'POST /prompts/partials'>;
export type PromptPartialCreateResult = Result<'POST /prompts/partials'>;
export type PromptPartialUpdateParams = Body<'PUT /prompts/partials/{promptPartialId}'>;
export type PromptPartialUpdateResult = Result<'PUT /prompts/partials/{promptPartialId}'>;
export type PromptPartialDeleteResult = Result<'DELETE /prompts/partials/{promptPartialId}'>;
export type PromptPartialMakeDefaultParams = Body<'PUT /prompts/partials/{promptPartialId}/makeDefault'>;
export type PromptPartialVersionList = Result<'GET /prompts/partials/{promptPartialId}/versions'>;
/** One saved version of a prompt partial. */
export type PromptPartialVersion = ItemOf<PromptPartialVersionList, typeof wholeArray>;

const partialVersions = {
  /** Every saved version of a partial (the whole list in one answer, a bare array). */
  list: paged('GET /prompts/partials/{promptPartialId}/versions', wholeArray),
} as const;

export const PromptPartialVersions = resource('prompts.partials.versions', partialVersions);
export type PromptPartialVersions = InstanceType<typeof PromptPartialVersions>;

const partials = {
  /** The partials the key can see (the whole list in one answer, a bare array); `collection_id` narrows it. */
  list: paged('GET /prompts/partials', wholeArray),
  /** Create a partial and its first version; an admin key must name the `workspace_id`. */
  create: 'POST /prompts/partials',
  /** One partial at its default version. */
  retrieve: 'GET /prompts/partials/{promptPartialId}',
  /** Rename a partial or change its status; a new `string` saves a new version. */
  update: 'PUT /prompts/partials/{promptPartialId}',
  /** Delete a partial and its versions. */
  delete: 'DELETE /prompts/partials/{promptPartialId}',
  /** Promote a version number: prompts that include the partial render with it from now on. */
  makeDefault: 'PUT /prompts/partials/{promptPartialId}/makeDefault',
} as const;

export const PromptPartials = resource('prompts.partials', partials, {
  /** The saved versions of a partial. */
  versions: PromptPartialVersions,
});
export type PromptPartials = InstanceType<typeof PromptPartials>;
