import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { NotificationListQueryDto, NotificationResponse, Page, pageMeta, Role } from '@simpul/contracts';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../common/auth/actor';
import { pageWindow } from '../common/pagination';

export interface NewNotification {
  type: string;
  title: string;
  body?: string | null;
  link?: string | null;
  data?: Record<string, unknown>;
}

/** In-app notifications. Features write through `notifyRoles` inside their own transactions. */
@Injectable()
export class NotificationsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** One row per active user holding any of the roles. */
  async notifyRoles(em: EntityManager, roles: readonly Role[], n: NewNotification): Promise<number> {
    const rows: unknown[] = await em.query(
      `INSERT INTO notifications (user_id, type, title, body, link, data)
       SELECT id, $2, $3, $4, $5, $6 FROM users WHERE active AND role = ANY($1::text[])
       RETURNING id`,
      [roles, n.type, n.title, n.body ?? null, n.link ?? null, n.data ?? {}],
    );
    return rows.length;
  }

  async list(actor: Actor, query: NotificationListQueryDto): Promise<Page<NotificationResponse>> {
    const { page, limit, offset } = pageWindow(query);
    const unreadOnly = query.unread === 'true' ? 'AND read_at IS NULL' : '';
    const rows: Row[] = await this.dataSource.query(
      `SELECT * FROM notifications WHERE user_id = $1 ${unreadOnly} ORDER BY created_at DESC, id LIMIT ${limit} OFFSET ${offset}`,
      [actor.id],
    );
    const [{ total }] = (await this.dataSource.query(
      `SELECT count(*)::int AS total FROM notifications WHERE user_id = $1 ${unreadOnly}`,
      [actor.id],
    )) as [{ total: number }];
    return { items: rows.map(mapNotification), meta: pageMeta(page, limit, total) };
  }

  async unreadCount(actor: Actor): Promise<{ unread: number }> {
    const [{ unread }] = (await this.dataSource.query(
      `SELECT count(*)::int AS unread FROM notifications WHERE user_id = $1 AND read_at IS NULL`,
      [actor.id],
    )) as [{ unread: number }];
    return { unread };
  }

  async markRead(actor: Actor, id: string | null): Promise<{ updated: number }> {
    const params: unknown[] = [actor.id];
    const one = id ? `AND id = $${params.push(id)}` : '';
    const rows: unknown[] = await this.dataSource.query(
      `UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL ${one} RETURNING id`,
      params,
    );
    return { updated: rows.length };
  }
}

interface Row {
  id: string;
  type: string;
  title: string;
  body: string | null;
  link: string | null;
  data: Record<string, unknown>;
  read_at: Date | null;
  created_at: Date;
}

function mapNotification(r: Row): NotificationResponse {
  return {
    id: r.id,
    type: r.type,
    title: r.title,
    body: r.body,
    link: r.link,
    data: r.data,
    readAt: r.read_at?.toISOString() ?? null,
    createdAt: r.created_at.toISOString(),
  };
}
