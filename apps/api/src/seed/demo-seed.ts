import type { Role } from '@simpul/contracts';
import { DataSource } from 'typeorm';
import { AuditLogEntity } from '../audit/audit-log.entity';
import { LocationEntity } from '../users/location.entity';
import { hashPassword } from '../users/password';
import { UserEntity } from '../users/user.entity';

interface DemoUser {
  email: string;
  name: string;
  role: Role;
  spv?: string;
  manager?: string;
}

const DEMO_USERS: DemoUser[] = [
  { email: 'direktur@simpul.local', name: 'Budi Santoso', role: 'direktur' },
  { email: 'manager@simpul.local', name: 'Siti Rahayu', role: 'manager' },
  { email: 'spv@simpul.local', name: 'Agus Wijaya', role: 'spv', manager: 'manager@simpul.local' },
  { email: 'pic@simpul.local', name: 'Dewi Lestari', role: 'pic', spv: 'spv@simpul.local', manager: 'manager@simpul.local' },
  { email: 'staff@simpul.local', name: 'Rudi Hartono', role: 'staff', spv: 'spv@simpul.local', manager: 'manager@simpul.local' },
];

/**
 * Idempotent users at start: the admin, and with `demoUsers` one user per role, all sharing `admin.password`.
 * Existing rows are left as they are, so a second start keeps whatever was changed (a changed password included).
 * `npm start` seeds the demo users and prints their login; a deployment sets ADMIN_PASSWORD for the admin alone.
 */
export async function seedUsers(ds: DataSource, admin: { email: string; password: string }, opts: { demoUsers: boolean }): Promise<void> {
  await ds.transaction(async (em) => {
    const local = await em.findOneOrFail(LocationEntity, { where: { isLocal: true } });
    const passwordHash = await hashPassword(admin.password);
    const ids = new Map<string, string>();
    const ensure = async (u: DemoUser) => {
      const found = await em.findOne(UserEntity, { where: { email: u.email, locationId: local.id } });
      if (found) return ids.set(u.email, found.id);
      const saved = await em.save(
        em.create(UserEntity, {
          email: u.email,
          name: u.name,
          role: u.role,
          passwordHash,
          locationId: local.id,
          spvId: u.spv ? (ids.get(u.spv) ?? null) : null,
          managerId: u.manager ? (ids.get(u.manager) ?? null) : null,
        }),
      );
      await em.insert(AuditLogEntity, {
        action: 'USER_CREATED',
        resourceType: 'USER',
        resourceId: saved.id,
        details: { email: saved.email, role: saved.role, source: opts.demoUsers ? 'demo-seed' : 'admin-password' },
      });
      return ids.set(u.email, saved.id);
    };
    await ensure({ email: admin.email, name: 'Admin Simpul', role: 'admin' });
    if (opts.demoUsers) for (const u of DEMO_USERS) await ensure(u);
  });
}
