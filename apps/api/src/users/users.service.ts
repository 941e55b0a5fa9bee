import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ChangePasswordDto,
  CreateUserDto,
  LocationResponse,
  Page,
  pageMeta,
  UpdateUserDto,
  UserListQueryDto,
  UserResponse,
  UserSort,
} from '@simpul/contracts';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/auth/actor';
import { pageWindow, sortColumn } from '../common/pagination';
import { RefreshTokenEntity } from '../auth/refresh-token.entity';
import { LocationEntity } from './location.entity';
import { hashPassword, verifyPassword } from './password';
import { UserEntity } from './user.entity';
import { mapLocation, mapUser } from './users.mapper';
import { UsersError, UsersErrorCode } from './users.error';

const SORTABLE: Readonly<Record<UserSort, string>> = { name: 'u.name', email: 'u.email', role: 'u.role', createdAt: 'u.created_at' };

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(query: UserListQueryDto): Promise<Page<UserResponse>> {
    const { page, limit, offset } = pageWindow(query);
    const qb = this.dataSource.getRepository(UserEntity).createQueryBuilder('u');
    if (query.q) qb.andWhere('(u.email ILIKE :q OR u.name ILIKE :q)', { q: `%${query.q}%` });
    if (query.role) qb.andWhere('u.role = :role', { role: query.role });
    if (query.active) qb.andWhere('u.active = :active', { active: query.active === 'true' });
    const [rows, total] = await qb
      .orderBy(sortColumn(query.sort, SORTABLE, 'name'), query.order === 'desc' ? 'DESC' : 'ASC')
      .addOrderBy('u.id')
      .skip(offset)
      .take(limit)
      .getManyAndCount();
    return { items: rows.map(mapUser), meta: pageMeta(page, limit, total) };
  }

  async get(id: string): Promise<UserResponse> {
    return mapUser(await this.findOrFail(this.dataSource.manager, id));
  }

  async listLocations(): Promise<LocationResponse[]> {
    const rows = await this.dataSource.getRepository(LocationEntity).find({ order: { isLocal: 'DESC', name: 'ASC' } });
    return rows.map(mapLocation);
  }

  async create(actor: Actor, dto: CreateUserDto): Promise<UserResponse> {
    const passwordHash = await hashPassword(dto.password);
    return this.dataSource.transaction(async (em) => {
      const locationId = dto.locationId ?? (await this.localLocationId(em));
      const email = dto.email.toLowerCase();
      await this.assertEmailFree(em, email, locationId, null);
      await this.assertReferences(em, { spvId: dto.spvId, managerId: dto.managerId, locationId });
      const saved = await em.save(
        em.create(UserEntity, {
          email,
          name: dto.name.trim(),
          role: dto.role,
          passwordHash,
          active: dto.active ?? true,
          spvId: dto.spvId ?? null,
          managerId: dto.managerId ?? null,
          locationId,
        }),
      );
      await this.audit.record(em, actor, {
        action: 'USER_CREATED',
        resourceType: 'USER',
        resourceId: saved.id,
        details: { email: saved.email, role: saved.role },
      });
      return mapUser(saved);
    });
  }

  async update(actor: Actor, id: string, dto: UpdateUserDto): Promise<UserResponse> {
    const passwordHash = dto.password ? await hashPassword(dto.password) : undefined;
    return this.dataSource.transaction(async (em) => {
      const user = await this.findOrFail(em, id, true);
      const changed: string[] = [];
      const set = <K extends keyof UserEntity>(key: K, value: UserEntity[K] | undefined) => {
        if (value === undefined || user[key] === value) return;
        user[key] = value;
        changed.push(key);
      };
      if (dto.email !== undefined) {
        const email = dto.email.toLowerCase();
        if (email !== user.email) await this.assertEmailFree(em, email, dto.locationId ?? user.locationId, user.id);
        set('email', email);
      }
      await this.assertReferences(em, { spvId: dto.spvId, managerId: dto.managerId, locationId: dto.locationId }, user.id);
      if (user.id === actor.id && (dto.active === false || (dto.role !== undefined && dto.role !== 'admin'))) {
        throw new UsersError(UsersErrorCode.SelfLockout, 'You cannot deactivate or demote your own account.');
      }
      const losesAdmin = user.role === 'admin' && user.active && (dto.active === false || (dto.role && dto.role !== 'admin'));
      if (losesAdmin) await this.assertAnotherActiveAdmin(em, user.id);
      set('name', dto.name?.trim());
      set('role', dto.role);
      set('active', dto.active);
      set('spvId', dto.spvId);
      set('managerId', dto.managerId);
      set('locationId', dto.locationId);
      if (passwordHash) {
        user.passwordHash = passwordHash;
        changed.push('password');
      }
      if (changed.length === 0) return mapUser(user);
      const saved = await em.save(user);
      if (dto.active === false || passwordHash) await this.revokeSessions(em, user.id);
      await this.audit.record(em, actor, {
        action: dto.active === false && changed.includes('active') ? 'USER_DEACTIVATED' : 'USER_UPDATED',
        resourceType: 'USER',
        resourceId: user.id,
        details: { changed },
      });
      return mapUser(saved);
    });
  }

  async changeOwnPassword(actor: Actor, dto: ChangePasswordDto): Promise<void> {
    const user = await this.findOrFail(this.dataSource.manager, actor.id);
    if (!(await verifyPassword(dto.currentPassword, user.passwordHash))) {
      throw new UsersError(UsersErrorCode.WrongPassword, 'The current password is not correct.');
    }
    const passwordHash = await hashPassword(dto.newPassword);
    await this.dataSource.transaction(async (em) => {
      await em.update(UserEntity, { id: user.id }, { passwordHash });
      await this.revokeSessions(em, user.id);
      await this.audit.record(em, actor, { action: 'PASSWORD_CHANGED', resourceType: 'USER', resourceId: user.id });
    });
  }

  async localLocationId(em: EntityManager): Promise<string | null> {
    const local = await em.findOne(LocationEntity, { where: { isLocal: true } });
    return local?.id ?? null;
  }

  private async findOrFail(em: EntityManager, id: string, lock = false): Promise<UserEntity> {
    const user = await em.findOne(UserEntity, { where: { id }, lock: lock ? { mode: 'pessimistic_write' } : undefined });
    if (!user) throw new UsersError(UsersErrorCode.NotFound, 'User not found');
    return user;
  }

  private async assertEmailFree(em: EntityManager, email: string, locationId: string | null, exceptId: string | null) {
    const existing = await em.findOne(UserEntity, {
      where: { email, locationId: locationId === null ? IsNull() : locationId },
    });
    if (existing && existing.id !== exceptId) {
      throw new UsersError(UsersErrorCode.EmailTaken, `A user with email ${email} already exists.`);
    }
  }

  private async assertReferences(
    em: EntityManager,
    refs: { spvId?: string | null; managerId?: string | null; locationId?: string | null },
    selfId?: string,
  ): Promise<void> {
    for (const field of ['spvId', 'managerId'] as const) {
      const ref = refs[field];
      if (!ref) continue;
      if (ref === selfId) throw new UsersError(UsersErrorCode.SupervisorNotFound, `${field} cannot point to the user itself.`);
      if (!(await em.exists(UserEntity, { where: { id: ref } }))) {
        throw new UsersError(UsersErrorCode.SupervisorNotFound, `${field} does not match any user.`);
      }
    }
    if (refs.locationId && !(await em.exists(LocationEntity, { where: { id: refs.locationId } }))) {
      throw new UsersError(UsersErrorCode.LocationNotFound, 'locationId does not match any location.');
    }
  }

  private async assertAnotherActiveAdmin(em: EntityManager, exceptId: string): Promise<void> {
    const others = await em
      .createQueryBuilder(UserEntity, 'u')
      .where("u.role = 'admin' AND u.active AND u.id <> :id", { id: exceptId })
      .setLock('pessimistic_read')
      .getCount();
    if (others === 0) throw new UsersError(UsersErrorCode.LastAdmin, 'The last active admin cannot be deactivated or demoted.');
  }

  private async revokeSessions(em: EntityManager, userId: string): Promise<void> {
    await em.update(RefreshTokenEntity, { userId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }
}
