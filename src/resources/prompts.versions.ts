// Prompts > Versions: every saved version of a prompt, one version, and labelling a version.
import type { ItemOf } from '../core/pagination';
import { wholeArray } from '../core/pagination';
import { paged, resource } from '../core/resource';
import type { Body, Result } from '../core/types';

export type PromptVersionList = Result<'GET /prompts/{promptId}/versions'>;
/** One saved version of a prompt, as the versions list shows it. */
export type PromptVersion = ItemOf<PromptVersionList, typeof wholeArray>;
/** A prompt as one of its versions has it (the same shape as `prompts.retrieve`). */
export type PromptAtVersion = Result<'GET /prompts/{promptId}/versions/{versionId}'>;
export type PromptVersionUpdateParams = Body<'PUT /prompts/{promptId}/versions/{versionId}'>;
export type PromptVersionUpdateResult = Result<'PUT /prompts/{promptId}/versions/{versionId}'>;

const versions = {
  /** Every saved version of a prompt (the whole list in one answer, a bare array). */
  list: paged('GET /prompts/{promptId}/versions', wholeArray),
  /** The prompt as it was saved in one version. */
  retrieve: 'GET /prompts/{promptId}/versions/{versionId}',
  /** Attach a label (`label_id`) to a version; versions are otherwise immutable. */
  update: 'PUT /prompts/{promptId}/versions/{versionId}',
} as const;

export const PromptVersions = resource('prompts.versions', versions);
export type PromptVersions = InstanceType<typeof PromptVersions>;
