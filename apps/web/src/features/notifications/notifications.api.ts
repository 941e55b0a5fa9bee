import type { NotificationResponse } from '@simpul/contracts';
import { api } from '@/shared/api/client';

export interface NotificationListParams {
  unread?: 'true' | 'false' | '';
  page?: number;
  limit?: number;
}

export const notificationsApi = {
  list: (params: NotificationListParams = {}) => api.page<NotificationResponse>('/api/notifications', { ...params }),
  unreadCount: () => api.get<{ unread: number }>('/api/notifications/unread-count'),
  markRead: (id: string) => api.post<{ updated: number }>(`/api/notifications/${encodeURIComponent(id)}/read`),
  markAllRead: () => api.post<{ updated: number }>('/api/notifications/read-all'),
};
