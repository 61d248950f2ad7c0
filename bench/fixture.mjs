// The response the bench server sends for GET /integrations/{slug}: a realistic OpenAI integration
// as Portkey's control plane returns it (masked key, configurations, workspace access settings).
export const SLUG = 'openai-production';
export const API_KEY = 'pk-bench-6f1c2a9e4b7d4e0f8a3c5d2e1b9f7a6c';

export const integration = {
  id: '3f0b8c52-7d1e-4a9b-9c6e-2a51f0d4b7e3',
  organisation_id: 'b6a2d9e4-1c3f-4e8a-8d7b-5f2c0a9e6d14',
  ai_provider_id: 'openai',
  name: 'OpenAI Production',
  slug: SLUG,
  description: 'Primary OpenAI account',
  status: 'active',
  object: 'integration',
  created_at: '2025-03-14T09:26:53.000Z',
  masked_key: 'sk-proj-************Xw3Q',
  configurations: { openai_organization: 'org-9kQ2mZ7xR4tL1vB8', openai_project: 'proj_Vt5sN2kJ8' },
  global_workspace_access_settings: {
    enabled: true,
    usage_limits: [{ type: 'cost', credit_limit: 5000, periodic_reset: 'monthly' }],
    rate_limits: [{ type: 'requests', unit: 'rpm', value: 600 }],
  },
  allow_all_models: false,
  workspace_count: 4,
};

export const BODY = JSON.stringify(integration);
