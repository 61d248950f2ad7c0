// Secret references: where a credential lives in an external vault (AWS Secrets Manager, Azure Key Vault,
// HashiCorp Vault) and how Portkey reaches it. Answers hold no secret; create and update bodies may (vault
// credentials), and the core never puts a body in an error.
import type { ItemOf } from '../core/pagination';
import { zeroBased } from '../core/pagination';
import { paged, resource } from '../core/resource';
import type { Body, Query, Result } from '../core/types';

export type SecretReferenceListQuery = Query<'GET /secret-references'>;
export type SecretReferenceListPage = Result<'GET /secret-references'>;
/** A secret reference as lists show it. */
export type SecretReferenceSummary = ItemOf<SecretReferenceListPage, typeof zeroBased>;
/** One secret reference, with the vault credentials masked. */
export type SecretReference = Result<'GET /secret-references/{secretReferenceId}'>;
export type SecretReferenceCreateParams = Body<'POST /secret-references'>;
export type SecretReferenceCreateResult = Result<'POST /secret-references'>;
export type SecretReferenceUpdateParams = Body<'PUT /secret-references/{secretReferenceId}'>;

const secretReferences = {
  /** The organisation's secret references: await for one page, `for await` for all. */
  list: paged('GET /secret-references', zeroBased),
  /** Record where a secret lives and how to reach its vault; answers the id and slug. */
  create: 'POST /secret-references',
  /** One secret reference (by UUID or slug). */
  retrieve: 'GET /secret-references/{secretReferenceId}',
  /** Change where a reference points, how its vault is reached, or which workspaces may use it. */
  update: 'PUT /secret-references/{secretReferenceId}',
  /** Delete a secret reference (the secret stays in the vault). */
  delete: 'DELETE /secret-references/{secretReferenceId}',
} as const;

export const SecretReferences = resource('secretReferences', secretReferences);
export type SecretReferences = InstanceType<typeof SecretReferences>;
