// ALLOWED_TENANTS and COORDINATORS only seed the first area. Once the store holds areas, they are
// what counts; when the environment says something else, the operator should hear of it at start.
import type { Area } from '../domain/area.js';

const same = (a: readonly string[], b: readonly string[]) => {
  const norm = (l: readonly string[]) => [...new Set(l.map((x) => x.trim().toLowerCase()))].sort().join(',');
  return norm(a) === norm(b);
};

/** Warnings (English, for the log; they hold ids, not names) when the environment and the store disagree. */
export function seedDisagreements(
  areas: readonly Area[],
  env: { allowedTenants: readonly string[]; coordinators: readonly string[] },
): string[] {
  const warnings: string[] = [];
  const storeTenants = [...new Set(areas.flatMap((a) => a.tenants))];
  if (env.allowedTenants.length > 0 && !same(env.allowedTenants, storeTenants))
    warnings.push(
      `ALLOWED_TENANTS (${env.allowedTenants.join(',')}) differs from the tenants of the store's areas (${storeTenants.join(',') || 'any'}); the store counts. Change areas with npm run area -- set.`,
    );
  if (env.coordinators.length > 0 && areas.length === 1 && !same(env.coordinators, areas[0]?.coordinators ?? []))
    warnings.push(
      'COORDINATORS differs from the coordinators stored for the area; the store counts. Change them with /samordnare or npm run area -- set.',
    );
  if (env.coordinators.length > 0 && areas.length > 1)
    warnings.push(
      'COORDINATORS is set but the store has several areas, each with its own coordinators; it is not used.',
    );
  return warnings;
}
