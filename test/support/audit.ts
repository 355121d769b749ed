// The audit record of a change a test makes to set the scene, as the operator would (via the CLI):
// every change the store takes carries one.
import type { AuditAction, NewAuditRecord } from '../../src/domain/audit.js';

/** A record for setting up a test; the store completes it (ids, a subscribe's action) as for any change. */
export function setupAudit(
  action: AuditAction = 'subscription.changed',
  at = '2020-01-01T00:00:00.000Z',
): NewAuditRecord {
  return { at, by: { id: 'cli:test', name: 'test' }, via: 'cli', action, detail: 'test setup' };
}
