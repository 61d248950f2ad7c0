// Type tests for the prompts group: results typed from the spec (never any), enums and required
// arguments enforced, bare-array lists iterated as their items, and completions without streaming.
import { describe, expectTypeOf, it } from 'vitest';
import type { components } from '../../generated/portkey';
import type {
  APIPromise,
  Collection,
  CollectionSummary,
  Label,
  PagePromise,
  PortkeyAdmin,
  Prompt,
  PromptCompletion,
  PromptPartial,
  PromptPartialSummary,
  PromptPartialVersion,
  PromptRender,
  PromptSummary,
  PromptVersion,
} from '../../src/index';

declare const portkey: PortkeyAdmin;
type Schemas = components['schemas'];

describe('prompts', () => {
  it('nouns are the spec’s schemas', () => {
    expectTypeOf<Prompt>().toEqualTypeOf<Schemas['Prompt']>();
    expectTypeOf<Prompt>().not.toBeAny();
    expectTypeOf<PromptSummary>().toEqualTypeOf<Schemas['PromptSummary']>();
    expectTypeOf<PromptVersion>().toEqualTypeOf<Schemas['PromptVersionSummary']>();
    expectTypeOf<PromptPartial>().toEqualTypeOf<Schemas['PromptPartial']>();
    expectTypeOf<PromptPartialSummary>().toEqualTypeOf<Schemas['PromptPartialSummary']>();
    expectTypeOf<PromptPartialVersion>().toEqualTypeOf<Schemas['PromptPartialVersion']>();
    expectTypeOf<PromptRender>().toEqualTypeOf<Schemas['PromptRenderResponse']>();
    expectTypeOf<PromptCompletion>().toEqualTypeOf<Schemas['PromptCompletionResponse']>();
    expectTypeOf<Collection>().toEqualTypeOf<Schemas['CollectionWithChildCollections']>();
    expectTypeOf<CollectionSummary>().toEqualTypeOf<Schemas['CollectionWithDetails']>();
    expectTypeOf<Label>().toEqualTypeOf<Schemas['Label']>();
  });

  it('results are typed fields, not any', async () => {
    expectTypeOf(portkey.prompts.retrieve('p')).toEqualTypeOf<APIPromise<Prompt>>();
    const prompt = await portkey.prompts.retrieve('p');
    expectTypeOf(prompt.prompt_version).toEqualTypeOf<number | undefined>();
    expectTypeOf(prompt.prompt_version_status).toEqualTypeOf<'active' | 'archived' | undefined>();
    const created = await portkey.prompts.create({
      name: 'n',
      collection_id: 'c',
      string: 's',
      parameters: {},
      virtual_key: 'v',
    });
    expectTypeOf(created.version_id).toEqualTypeOf<string | undefined>();
    const completion = await portkey.prompts.completions.create('p', { variables: {} });
    expectTypeOf(completion.body).not.toBeAny();
    const rendered = await portkey.prompts.render('p', { variables: {} });
    expectTypeOf(rendered.success).toEqualTypeOf<boolean>();
  });

  it('lists: pages and items; the bare-array lists iterate as their items', async () => {
    expectTypeOf(portkey.prompts.list()).toEqualTypeOf<
      PagePromise<{ data?: PromptSummary[]; total?: number }, PromptSummary>
    >();
    for await (const v of portkey.prompts.versions.list('p')) expectTypeOf(v).toEqualTypeOf<PromptVersion>();
    for await (const v of portkey.prompts.partials.list()) expectTypeOf(v).toEqualTypeOf<PromptPartialSummary>();
    for await (const v of portkey.prompts.partials.versions.list('p')) {
      expectTypeOf(v).toEqualTypeOf<PromptPartialVersion>();
    }
    expectTypeOf(await portkey.prompts.versions.list('p')).toEqualTypeOf<PromptVersion[]>();
    for await (const c of portkey.collections.list({ workspace_id: 'ws' })) {
      expectTypeOf(c).toEqualTypeOf<CollectionSummary>();
    }
    for await (const l of portkey.labels.list()) expectTypeOf(l).toEqualTypeOf<Label>();
  });

  it('required arguments and fields are required', () => {
    // @ts-expect-error makeDefault needs the version number
    portkey.prompts.makeDefault('p', {});
    // @ts-expect-error the version is a number, not a string
    portkey.prompts.makeDefault('p', { version: '3' });
    // @ts-expect-error render needs variables
    portkey.prompts.render('p', { max_completion_tokens: 10 });
    // @ts-expect-error virtual_key is required
    portkey.prompts.create({ name: 'n', collection_id: 'c', string: 's', parameters: {} });
    // @ts-expect-error versions.retrieve takes the prompt and the version
    portkey.prompts.versions.retrieve('p');
    // @ts-expect-error collections.list needs its query
    portkey.collections.list();
    // @ts-expect-error workspace_id is required
    portkey.collections.list({ search: 'support' });
    // @ts-expect-error a label needs a name
    portkey.labels.create({ description: 'd' });
    // @ts-expect-error partials need their text
    portkey.prompts.partials.create({ name: 'n' });
  });

  it('enums and field types are enforced', () => {
    // @ts-expect-error is_raw_template is 0 or 1
    portkey.prompts.update('p', { is_raw_template: 2 });
    // @ts-expect-error a tool type is 'function'
    portkey.prompts.render('p', { variables: {}, tools: [{ type: 'retrieval', function: { name: 'f' } }] });
    // @ts-expect-error unknown query key
    portkey.prompts.list({ page: 1 });
    portkey.prompts.update('p', { is_raw_template: 1, patch: true });
  });

  it('completions.create does not stream', () => {
    portkey.prompts.completions.create('p', { variables: {}, stream: false, temperature: 0 });
    // @ts-expect-error stream: true answers server-sent events, which this client does not read
    portkey.prompts.completions.create('p', { variables: {}, stream: true });
  });
});
