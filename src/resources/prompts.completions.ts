// Prompts > Completions: run a saved prompt on its model, through the gateway. One JSON answer only:
// `stream: true` (server-sent events) is refused before anything is sent.
import type { APIPromise } from '../core/api-promise';
import { PortkeyError } from '../core/errors';
import { rejected, resource, send } from '../core/resource';
import type { RequestOptions } from '../core/transport';
import type { Body, Result } from '../core/types';

/** The variables, and model settings (at the root) that override the saved ones. No streaming here. */
export type PromptCompletionParams = Omit<Body<'POST /prompts/{promptId}/completions'>, 'stream'> & {
  /** Only `false`: this client reads one JSON completion, not server-sent events. */
  stream?: false;
};
/** A prompt's completion: the provider's answer under `body`, with its `status` and `headers`. */
export type PromptCompletion = Result<'POST /prompts/{promptId}/completions'>;

export class PromptCompletions extends resource('prompts.completions', {}) {
  /** Render the prompt with `variables` and run it on its model (served by the gateway). */
  create(promptId: string, body: PromptCompletionParams, options?: RequestOptions): APIPromise<PromptCompletion> {
    const label = 'prompts.completions.create';
    const stream = (body as { stream?: unknown } | null | undefined)?.stream;
    if (stream !== undefined && stream !== false) {
      return rejected(
        new PortkeyError(
          `${label}: \`stream: true\` answers server-sent events, which this client does not read; leave \`stream\` out for one JSON completion.`,
        ),
      );
    }
    return send(this, label, 'POST /prompts/{promptId}/completions', [promptId, body, options]);
  }
}
