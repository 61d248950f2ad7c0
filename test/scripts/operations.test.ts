// scripts/lib/operations.mjs on a small inline spec: the run-time `inputs` entry of each kind of input,
// which is all the client knows of the spec when it checks a call.
import { describe, expect, it } from 'vitest';
import { renderOperations } from '../../scripts/lib/operations.mjs';

const item = { type: 'object', required: ['request', 'response'], properties: {} };

function body(schema: unknown, required = true) {
  return { requestBody: { required, content: { 'application/json': { schema } } }, responses: {} };
}

const doc = {
  openapi: '3.0.0',
  info: { title: 't', version: '1' },
  components: { schemas: { Item: item } },
  paths: {
    '/either': { post: body({ oneOf: [{ $ref: '#/components/schemas/Item' }, { type: 'array', items: item }] }) },
    '/either-optional': { put: body({ anyOf: [item, { type: 'array', items: item }] }, false) },
    '/only': { post: body({ type: 'array', items: { $ref: '#/components/schemas/Item' } }) },
    // The forms disagree: only what both require is checked, so neither valid form is refused.
    '/mixed': {
      post: body({
        oneOf: [
          { ...item, required: ['request', 'extra'] },
          { type: 'array', items: item },
        ],
      }),
    },
    '/object': { post: body(item) },
    '/query': {
      get: {
        parameters: [
          { in: 'query', name: 'workspace_id', required: true, schema: { type: 'string' } },
          { in: 'query', name: 'search', schema: { type: 'string' } },
          { in: 'query', name: 'page_size', required: true, schema: { type: 'integer' } },
        ],
        responses: {},
      },
    },
    '/optional-query': {
      get: { parameters: [{ in: 'query', name: 'search', schema: { type: 'string' } }], responses: {} },
    },
  },
};

/** The generated `inputs` table, read back from the rendered source. */
function inputsOf(source: string): Record<string, string> {
  const table = /export const inputs[^=]*= (\{[\s\S]*?\n\});/.exec(source)![1]!;
  return JSON.parse(table.replace(/,\n\}$/, '\n}'));
}

describe('generated inputs', () => {
  it('marks array bodies and names what each input must hold, body fields or query parameters', () => {
    expect(inputsOf(renderOperations(doc))).toEqual({
      'POST /either': 'BA request response',
      'PUT /either-optional': 'ba',
      'POST /only': 'A request response',
      'POST /mixed': 'BA request',
      'POST /object': 'B request response',
      'GET /query': 'Q workspace_id page_size',
      'GET /optional-query': 'q',
    });
  });
});
