import * as bcrypt from 'bcryptjs';

const COST = 10;

export function hashPassword(plain: string): Promise<string> {
  return bcrypt.hash(plain, COST);
}

export function verifyPassword(plain: string, hash: string): Promise<boolean> {
  return bcrypt.compare(plain, hash);
}

/** A real hash of nothing, compared against when the email is unknown so timing does not reveal which emails exist. */
export const DUMMY_HASH = bcrypt.hashSync('simpul-timing-equaliser', COST);
