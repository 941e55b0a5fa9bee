/** Roles in order of authority; `admin` manages the system, the rest mirror the org chart. */
export const ROLES = ['admin', 'direktur', 'manager', 'spv', 'pic', 'staff'] as const;
export type Role = (typeof ROLES)[number];

export const Role = {
  Admin: 'admin',
  Direktur: 'direktur',
  Manager: 'manager',
  Spv: 'spv',
  Pic: 'pic',
  Staff: 'staff',
} as const satisfies Record<string, Role>;

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
