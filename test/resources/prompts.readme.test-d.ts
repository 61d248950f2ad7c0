// The README section of the prompts group (docs/readme/prompts.md), block by block: each example must compile.
// Keep the two in step: this file holds the same code, each block in a function of its own.
import { describe, it } from 'vitest';
import type { PortkeyAdmin } from '../../src/index';

declare const portkey: PortkeyAdmin;

async function block1() {
  const promptId = 'pp-ticket-tri-5d0c8a';

  // 1. save a new version: with patch: true, what the body leaves out is copied from the latest version
  const { prompt_version_id } = await portkey.prompts.update(promptId, {
    patch: true,
    string:
      '{{#system}}You sort support tickets for Acme. Answer with one of: billing, bug, how-to, account, other.{{/system}}\n' +
      '{{#user}}{{ticket_text}}{{/user}}',
    version_description: 'Adds the account category.',
  });

  // 2. render it with variables (gateway): the chat request it would send, nothing is run
  const versions = await portkey.prompts.versions.list(promptId); // a bare array
  const candidate = versions.find((v) => v.id === prompt_version_id)!;
  const rendered = await portkey.prompts.render(`${promptId}@${candidate.prompt_version}`, {
    variables: { ticket_text: 'I was charged twice for my March invoice.' },
  });
  console.log(rendered.data);

  // 3. run it once (gateway); model settings go at the root of the body, beside `variables`
  const completion = await portkey.prompts.completions.create(`${promptId}@${candidate.prompt_version}`, {
    variables: { ticket_text: 'I was charged twice for my March invoice.' },
    max_completion_tokens: 10,
  });
  const body = completion.body;
  if (body?.object === 'chat.completion') console.log(body.choices[0]?.message?.content); // "billing"

  // 4. promote it: render and completions without a version now use it
  await portkey.prompts.makeDefault(promptId, { version: candidate.prompt_version! });

  // 5. and label it production, as the prompt library shows it
  const [production] = await portkey.labels
    .list({ workspace_id: 'ws-data-science', search: 'production' })
    .then((page) => page.data ?? []);
  if (production?.id) await portkey.prompts.versions.update(promptId, prompt_version_id!, { label_id: production.id });
}

async function block2() {
  for await (const prompt of portkey.prompts.list({ collection_id: 'customer-support', page_size: 50 })) {
    console.log(prompt.slug, prompt.name, prompt.model);
  }

  const { slug } = await portkey.prompts.create({
    name: 'Reply drafter',
    collection_id: 'customer-support',
    string: '{{#system}}{{>pl-tone-of-v-2f6a9c}}{{/system}}\n{{#user}}Draft a reply to: {{ticket_text}}{{/user}}',
    parameters: { temperature: 0.4, max_completion_tokens: 300 },
    model: 'gpt-4o',
    virtual_key: 'openai-production',
    version_description: 'First version',
  });
  const prompt = await portkey.prompts.retrieve(slug!); // the default version: string, parameters, prompt_version
  const v2 = await portkey.prompts.versions.retrieve(slug!, 'c71f3a90-2d5e-4b8c-9e14-6a0b7d3f2e81');
  console.log(prompt.prompt_version, v2.string);
  await portkey.prompts.delete('pp-reply-draf-9b2e4f');
}

async function block3() {
  const tone = await portkey.prompts.partials.create({
    workspace_id: 'ws-data-science', // required with an organisation (admin) key
    name: 'Tone of voice',
    string: "Be warm and brief. Use the customer's first name, never more than three sentences.",
  });
  await portkey.prompts.partials.update(tone.slug!, {
    string: "Be warm and brief. Use the customer's first name, never more than three sentences, no exclamation marks.",
    description: 'No exclamation marks.',
  });
  const partialVersions = await portkey.prompts.partials.versions.list(tone.slug!); // a bare array
  const latest = Math.max(...partialVersions.map((v) => Number(v.version))); // `version` is a string here
  await portkey.prompts.partials.makeDefault(tone.slug!, { version: latest });

  for await (const partial of portkey.prompts.partials.list({ collection_id: 'customer-support' })) {
    console.log(partial.slug, partial.status);
  }
  await portkey.prompts.partials.retrieve('pl-tone-of-v-2f6a9c');
  await portkey.prompts.partials.delete('pl-signature-6e1b3d');
}

async function block4() {
  // workspace_id is required: without it the call is refused before anything is sent
  for await (const collection of portkey.collections.list({ workspace_id: 'ws-data-science' })) {
    console.log(collection.slug, collection.collection_details?.prompts_count);
  }
  const escalations = await portkey.collections.create({
    workspace_id: 'ws-data-science',
    name: 'Escalations',
    parent_collection_id: 'customer-support',
  });
  await portkey.collections.update(escalations.slug!, { name: 'Escalations (tier 2)' });
  const support = await portkey.collections.retrieve('customer-support');
  console.log(support.child_collections?.map((c) => c.name));
  await portkey.collections.delete(escalations.slug!); // a workspace's default collection cannot be deleted
}

async function block5() {
  const { id } = await portkey.labels.create({
    workspace_id: 'ws-data-science',
    name: 'staging', // not `latest`, `default` or a number: those already name versions
    description: 'Versions under review.',
    color_code: '#F9A825',
  });
  await portkey.labels.update(id!, { color_code: '#F57F17' });
  await portkey.labels.retrieve(id!, { workspace_id: 'ws-data-science' });
  for await (const label of portkey.labels.list({ organisation_id: '3f1c2a9e-7b4d-4e2a-9c61-5d8e0f2b7a14' })) {
    console.log(label.name, label.is_universal ? '(built in)' : '');
  }
  await portkey.labels.delete(id!);
}

describe('README: prompts, partials, collections and labels', () => {
  it('every example compiles', () => {
    void [block1, block2, block3, block4, block5];
  });
});
