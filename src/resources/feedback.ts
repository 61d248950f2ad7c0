// Feedback: scores (-10 to 10) on the requests of a trace, with a weight and metadata.
import { resource } from '../core/resource';
import type { Body, Result } from '../core/types';

export type FeedbackCreateParams = Body<'POST /feedback'>;
export type FeedbackUpdateParams = Body<'PUT /feedback/{id}'>;
/** What sending or changing feedback answers: a status and the IDs of the entries written. */
export type FeedbackResult = Result<'POST /feedback'>;

const feedback = {
  /** Score the requests of a trace (`trace_id`, `value` from -10 to 10, optional `weight` and `metadata`). */
  create: 'POST /feedback',
  /** Change the score, weight or metadata of feedback already sent. */
  update: 'PUT /feedback/{id}',
} as const;

export const Feedback = resource('feedback', feedback);
export type Feedback = InstanceType<typeof Feedback>;
