import type { SettingResponse } from '@simpul/contracts';
import { api } from '@/shared/api/client';

export const settingsApi = {
  list: () => api.get<SettingResponse[]>('/api/settings'),
  set: (key: string, value: unknown) => api.put<SettingResponse>(`/api/settings/${encodeURIComponent(key)}`, { value }),
};
