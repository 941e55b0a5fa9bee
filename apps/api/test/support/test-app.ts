import 'reflect-metadata';
import { INestApplication } from '@nestjs/common';
import type { Role } from '@simpul/contracts';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory';
import { AppConfig, loadConfig } from '../../src/config/app-config';
import { hashPassword } from '../../src/users/password';
import { UserEntity } from '../../src/users/user.entity';
import { LocationEntity } from '../../src/users/location.entity';
import { createTestDatabase, dropTestDatabase, urlFor } from './test-database';

export const TEST_PASSWORD = 'test-password-123';

export interface TestUser {
  id: string;
  email: string;
  role: Role;
  token: string;
  refreshToken: string;
}

export interface TestApp {
  app: INestApplication;
  http: TestAgent;
  ds: DataSource;
  config: AppConfig;
  createUser(role: Role, overrides?: Partial<Pick<UserEntity, 'email' | 'name' | 'active'>>): Promise<UserEntity>;
  loginAs(role: Role): Promise<TestUser>;
  close(): Promise<void>;
}

let counter = 0;

/** Boots the real AppModule on its own fresh database. Only env overrides differ from production. */
export async function createTestApp(env: Record<string, string> = {}, opts: { logStream?: NodeJS.WritableStream } = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: urlFor(database),
    APP_SECRET: randomBytes(32).toString('hex'),
    LOG_LEVEL: 'silent',
    ...env,
  });
  const app = await createApp(config, opts);
  await app.init();
  const ds = app.get(DataSource);
  const http = request(app.getHttpServer());

  const createUser: TestApp['createUser'] = async (role, overrides = {}) => {
    const local = await ds.getRepository(LocationEntity).findOneByOrFail({ isLocal: true });
    counter += 1;
    return ds.getRepository(UserEntity).save({
      email: overrides.email ?? `${role}${counter}-${randomBytes(3).toString('hex')}@test.local`,
      name: overrides.name ?? `Test ${role} ${counter}`,
      role,
      active: overrides.active ?? true,
      passwordHash: await hashPassword(TEST_PASSWORD),
      locationId: local.id,
    });
  };

  const loginAs: TestApp['loginAs'] = async (role) => {
    const user = await createUser(role);
    const res = await http.post('/api/auth/login').send({ email: user.email, password: TEST_PASSWORD }).expect(200);
    return { id: user.id, email: user.email, role, token: res.body.data.accessToken, refreshToken: res.body.data.refreshToken };
  };

  return {
    app,
    http,
    ds,
    config,
    createUser,
    loginAs,
    close: async () => {
      await app.close();
      await dropTestDatabase(database);
    },
  };
}
