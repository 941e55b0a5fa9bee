import type { Role } from '@simpul/contracts';

/** Who is making a request: the authenticated user as services see them. */
export interface Actor {
  id: string;
  email: string;
  name: string;
  role: Role;
  locationId: string | null;
  requestId?: string;
}
