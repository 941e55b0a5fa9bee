import type {
  NotificationResponse,
  PartsSyncExecuteResponse,
  PartsSyncPreviewItem,
  PartsSyncPreviewResponse,
  PartsSyncScheduleResponse,
  SyncRunDetailResponse,
} from '@simpul/contracts';
import { json } from './fake-fetch';
import { uuid } from './order-fixtures';

export const RUN_ID = uuid(900);

export function previewItem(n: number, patch: Partial<PartsSyncPreviewItem> = {}): PartsSyncPreviewItem {
  return {
    poNumber: `PO-${n}`,
    partId: uuid(200 + n),
    partName: `Part ${n}`,
    internalPartNo: `P-${n}`,
    currentPONumber: '(empty)',
    needsSync: true,
    status: 'needs-sync',
    ...patch,
  };
}

/** The preview exactly as the API sends it: the seed's raw body, not the usual envelope. */
export function previewBody(
  items: PartsSyncPreviewItem[],
  opts: { needsSync?: number; counts?: Partial<PartsSyncPreviewResponse['data']['counts']>; page?: number; pages?: number; total?: number } = {},
): Response {
  const needsSync = opts.needsSync ?? items.filter((i) => i.needsSync).length;
  const body: PartsSyncPreviewResponse = {
    success: true,
    message: 'Preview generated successfully',
    data: {
      totalPOs: 12,
      needsSyncCount: needsSync,
      counts: { 'needs-sync': needsSync, 'already-synced': 0, 'part-not-found': 0, ...opts.counts },
      preview: items,
      meta: { page: opts.page ?? 1, limit: 20, total: opts.total ?? items.length, pages: opts.pages ?? 1 },
    },
    timestamp: '2025-05-01T02:00:00.000Z',
  };
  return json(200, body);
}

export function executeBody(patch: Partial<PartsSyncExecuteResponse['data']> = {}): Response {
  const body: PartsSyncExecuteResponse = {
    success: true,
    message: 'PO numbers synced: 2 updated, 1 failed.',
    data: {
      runId: RUN_ID,
      totalPOs: 12,
      syncedCount: 2,
      counts: { synced: 2, 'already-synced': 5, 'part-not-found': 0, error: 1 },
      results: [
        {
          poNumber: 'PO-3',
          partId: uuid(203),
          partName: 'Part 3',
          internalPartNo: 'P-3',
          previousPONumber: '(empty)',
          status: 'error',
          message: 'The part was locked by another transaction; run the sync again.',
        },
        { poNumber: 'PO-1', partId: uuid(201), partName: 'Part 1', internalPartNo: 'P-1', previousPONumber: 'PO-OLD', status: 'synced' },
        { poNumber: 'PO-2', partId: uuid(202), partName: 'Part 2', internalPartNo: 'P-2', previousPONumber: '(empty)', status: 'synced' },
      ],
      resultsTruncated: false,
      ...patch,
    },
    timestamp: '2025-05-01T02:00:01.000Z',
  };
  return json(200, body);
}

export function schedule(patch: Partial<PartsSyncScheduleResponse> = {}): PartsSyncScheduleResponse {
  return {
    cron: '0 2 * * *',
    enabled: true,
    timezone: 'Asia/Jakarta',
    nextRunAt: '2025-05-01T19:00:00.000Z',
    lastRun: null,
    ...patch,
  };
}

export function notification(n: number, patch: Partial<NotificationResponse> = {}): NotificationResponse {
  return {
    id: uuid(700 + n),
    type: 'parts-sync',
    title: `PO numbers synced: ${n} part(s) updated`,
    body: null,
    link: `/sync-runs/${RUN_ID}`,
    data: {},
    readAt: null,
    createdAt: '2025-05-01T02:00:01.000Z',
    ...patch,
  };
}

export function runDetail(patch: Partial<SyncRunDetailResponse> = {}): SyncRunDetailResponse {
  return {
    id: RUN_ID,
    kind: 'parts-po',
    trigger: 'manual',
    triggeredBy: uuid(1),
    triggeredByEmail: 'admin@simpul.test',
    status: 'partial',
    startedAt: '2025-05-01T02:00:00.000Z',
    finishedAt: '2025-05-01T02:00:01.500Z',
    durationMs: 1500,
    counts: { synced: 2, 'already-synced': 5, 'part-not-found': 0, error: 1 },
    summary: {},
    error: null,
    progress: null,
    itemCounts: { synced: 2, error: 1 },
    items: [
      { key: 'P-1', status: 'synced', message: null, details: { partId: uuid(201), poNumber: 'PO-1', previous: 'PO-OLD' } },
      { key: 'P-2', status: 'synced', message: null, details: { partId: uuid(202), poNumber: 'PO-2', previous: null } },
      { key: 'P-3', status: 'error', message: 'The part was locked by another transaction; run the sync again.', details: { partId: uuid(203), poNumber: 'PO-3', previous: null } },
    ],
    itemsMeta: { page: 1, limit: 50, total: 3, pages: 1 },
    ...patch,
  };
}
