/** The sandbox's fake Odoo 16/17 (see docs/sandbox-odoo.md). */
import { OdooSystemOptions, createOdooSystem } from './server';

export { DEFAULT_API_KEY, DEFAULT_DB, DEFAULT_USERS, createOdooSystem } from './server';
export type { OdooResetOptions, OdooState, OdooSystem, OdooSystemOptions, OdooUserOptions } from './server';
export { compileDomain, normalizeDomain } from './domain';

/** `SANDBOX_ODOO_VERSION` (16|17), `SANDBOX_ODOO_MO_COUNT`, `SANDBOX_ODOO_SEED` tune the default instance. */
export function odooOptionsFromEnv(env: NodeJS.ProcessEnv): OdooSystemOptions {
  const options: OdooSystemOptions = {};
  if (env['SANDBOX_ODOO_VERSION'] === '17') options.version = 17;
  const count = Number(env['SANDBOX_ODOO_MO_COUNT']);
  if (env['SANDBOX_ODOO_MO_COUNT'] && Number.isInteger(count) && count >= 0) options.moCount = count;
  const seed = Number(env['SANDBOX_ODOO_SEED']);
  if (env['SANDBOX_ODOO_SEED'] && Number.isInteger(seed)) options.seed = seed;
  return options;
}

/** The instance `npm run dev` serves at /odoo. */
export const odooSystem = createOdooSystem(odooOptionsFromEnv(process.env));
