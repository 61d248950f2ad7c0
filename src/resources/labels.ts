// Labels: names for prompt versions (`production`, `staging`), per organisation or workspace.
import type { ItemOf } from '../core/pagination';
import { zeroBased } from '../core/pagination';
import { paged, resource } from '../core/resource';
import type { Body, Query, Result } from '../core/types';

export type LabelListQuery = Query<'GET /labels'>;
export type LabelListPage = Result<'GET /labels'>;
/** A label for prompt versions; lists and `retrieve` show the same shape. */
export type Label = ItemOf<LabelListPage, typeof zeroBased>;
export type LabelRetrieveQuery = Query<'GET /labels/{labelId}'>;
export type LabelCreateParams = Body<'POST /labels'>;
export type LabelCreateResult = Result<'POST /labels'>;
export type LabelUpdateParams = Body<'PUT /labels/{labelId}'>;
export type LabelUpdateResult = Result<'PUT /labels/{labelId}'>;
export type LabelDeleteResult = Result<'DELETE /labels/{labelId}'>;

const labels = {
  /** Labels of an organisation or workspace, built-in ones included: await for one page, `for await` for all. */
  list: paged('GET /labels', zeroBased),
  /** Create a label (not `latest`, `default` or a number). */
  create: 'POST /labels',
  /** One label; `organisation_id` or `workspace_id` may scope the lookup. */
  retrieve: 'GET /labels/{labelId}',
  /** Change a label's name, description or colour. */
  update: 'PUT /labels/{labelId}',
  /** Delete a label. */
  delete: 'DELETE /labels/{labelId}',
} as const;

export const Labels = resource('labels', labels);
export type Labels = InstanceType<typeof Labels>;
