// Prompts: saved prompt templates and their versions; render and run them (on the gateway), promote a
// version with makeDefault. Partials and completions are sub-resources.
import type { ItemOf } from '../core/pagination';
import { zeroBased } from '../core/pagination';
import { paged, resource } from '../core/resource';
import type { Body, Query, Result } from '../core/types';
import { PromptCompletions } from './prompts.completions';
import { PromptPartials } from './prompts.partials';
import { PromptVersions } from './prompts.versions';

export type PromptListQuery = Query<'GET /prompts'>;
export type PromptListPage = Result<'GET /prompts'>;
/** A prompt as lists show it. */
export type PromptSummary = ItemOf<PromptListPage, typeof zeroBased>;
/** One prompt at its default version: template, model, parameters, version number. */
export type Prompt = Result<'GET /prompts/{promptId}'>;
export type PromptCreateParams = Body<'POST /prompts'>;
export type PromptCreateResult = Result<'POST /prompts'>;
export type PromptUpdateParams = Body<'PUT /prompts/{promptId}'>;
export type PromptUpdateResult = Result<'PUT /prompts/{promptId}'>;
export type PromptDeleteResult = Result<'DELETE /prompts/{promptId}'>;
export type PromptMakeDefaultParams = Body<'PUT /prompts/{promptId}/makeDefault'>;
export type PromptRenderParams = Body<'POST /prompts/{promptId}/render'>;
/** A rendered prompt: the chat or completions request it makes, under `data`. */
export type PromptRender = Result<'POST /prompts/{promptId}/render'>;

const prompts = {
  /** The prompts the key can see: await for one page, `for await` for all (`current_page` counts from 0). */
  list: paged('GET /prompts', zeroBased),
  /** Create a prompt and its first version; answers its id, slug and `version_id`. */
  create: 'POST /prompts',
  /** One prompt at its default version. */
  retrieve: 'GET /prompts/{promptId}',
  /** Rename or move a prompt; template changes save a new version (`patch: true` fills in the rest). */
  update: 'PUT /prompts/{promptId}',
  /** Delete a prompt and all its versions. */
  delete: 'DELETE /prompts/{promptId}',
  /** Promote a version number to the prompt's default, the one render and completions use. */
  makeDefault: 'PUT /prompts/{promptId}/makeDefault',
  /** Fill the prompt with `variables` and answer the request it would make, without running it (gateway). */
  render: 'POST /prompts/{promptId}/render',
} as const;

export const Prompts = resource('prompts', prompts, {
  /** The saved versions of a prompt. */
  versions: PromptVersions,
  /** Run a prompt on its model. */
  completions: PromptCompletions,
  /** Reusable template pieces and their versions. */
  partials: PromptPartials,
});
export type Prompts = InstanceType<typeof Prompts>;
