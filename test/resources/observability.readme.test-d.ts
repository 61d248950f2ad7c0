// The README's Observability examples (docs/readme/observability.md), verbatim: they must compile. Each block in
// its own scope, with only `portkey` declared, as test/readme.test.ts compiles the README's blocks.
import type { AnalyticsFilters } from '../../src/index';
import { LogExportError } from '../../src/index';
import type { PortkeyAdmin } from '../../src/index';

declare const portkey: PortkeyAdmin;

export async function examples(): Promise<void> {
  // README block 1, in its own scope as test/readme.test.ts compiles it
  {
    const lastWeek: AnalyticsFilters = {
      workspace_slug: 'ws-data-science',
      time_of_generation_min: new Date(Date.now() - 7 * 86_400_000),
      time_of_generation_max: new Date(),
      metadata: JSON.stringify({ env: 'production' }),
    };

    const cost = await portkey.analytics.graphs.cost(lastWeek); // cents
    console.log(
      cost.summary.total,
      cost.data_points.map((p) => [p.timestamp, p.total]),
    );
    const latency = await portkey.analytics.graphs.latency({ ...lastWeek, ai_org_model: 'openai__gpt-4o' });
    const codes = await portkey.analytics.graphs.errorsStatusCodes({ ...lastWeek, status_code: '429,500,502' });
    const hits = await portkey.analytics.graphs.cacheHitRate(lastWeek);

    // Groups are lists paged from 0: await one page, or walk them all.
    for await (const user of portkey.analytics.groups.users({ ...lastWeek, page_size: 100 })) {
      console.log(user.user, user.requests, user.cost);
    }
    const byEnv = await portkey.analytics.groups.metadata('env', lastWeek);

    // The summary is one object, not a list.
    const { summary } = await portkey.analytics.summary.cache(lastWeek);
    console.log(latency.summary.p99, codes.summary.total_errors, hits.summary.rate, byEnv.total, summary.hits);
  }

  // README block 2, in its own scope as test/readme.test.ts compiles it
  {
    try {
      const { export: done, url } = await portkey.logs.exports.run(
        {
          workspace_id: 'ws-data-science',
          filters: {
            workspace_slug: 'ws-data-science',
            time_of_generation_min: '2026-03-01T00:00:00Z', // in a body, dates are ISO 8601 strings
            time_of_generation_max: '2026-03-08T00:00:00Z',
            metadata: { env: 'production' },
          },
          requested_data: ['id', 'trace_id', 'created_at', 'ai_model', 'total_units', 'cost', 'metadata'],
        },
        { timeLimit: 15 * 60_000, signal: AbortSignal.timeout(20 * 60_000), onPoll: (e) => console.log(e.status) },
      );
      console.log(done.id, url);
    } catch (error) {
      if (error instanceof LogExportError) console.error(error.exportId, error.exportStatus);
      else throw error;
    }

    // Or step by step:
    const { id } = await portkey.logs.exports.create({
      filters: {
        workspace_slug: 'ws-data-science',
        time_of_generation_min: new Date(Date.now() - 86_400_000).toISOString(),
      },
      requested_data: ['id', 'cost'],
    });
    await portkey.logs.exports.update(id, { filters: { workspace_slug: 'ws-data-science', status_code: '500' } });
    await portkey.logs.exports.start(id);
    const current = await portkey.logs.exports.retrieve(id);
    if (current.status === 'in_progress') await portkey.logs.exports.cancel(id);
    const { signed_url } = await portkey.logs.exports.download(id);
    for await (const e of portkey.logs.exports.list({ workspace_id: 'ws-data-science' })) console.log(e.id, e.status);
    console.log(signed_url);
  }

  // README block 3, in its own scope as test/readme.test.ts compiles it
  {
    await portkey.logs.create({
      request: { url: 'https://api.openai.com/v1/chat/completions', method: 'POST', body: { model: 'gpt-4o' } },
      response: { status: 200, body: { id: 'chatcmpl-9xQ2' }, response_time: 1432 },
      metadata: { trace_id: 'ticket-4821', _user: 'jane.doe@example.com' },
    });
    const log = await portkey.logs.retrieve('0f6a1c3e-8b2d-4e9f-a7c5-3d1b2e4f6a80');
    console.log(log.response.status, log.metrics?.cost);

    const { feedback_ids } = await portkey.feedback.create({ trace_id: 'ticket-4821', value: 8, weight: 0.5 });
    await portkey.feedback.update(feedback_ids![0]!, { value: -3, metadata: { source: 'support-review' } });
  }
}
