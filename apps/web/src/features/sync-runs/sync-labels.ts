type Translate = (key: string, named?: Record<string, unknown>) => string;
type Exists = (key: string) => boolean;

/** "PO numbers → parts" for `parts-po`; an unknown kind shows as itself. */
export function syncKindLabel(kind: string, t: Translate, te: Exists): string {
  return te(`sync.kinds.${kind}`) ? t(`sync.kinds.${kind}`) : kind;
}

/** A status (run or item) in words; unknown ones as sent. */
export function syncStatusLabel(status: string, t: Translate, te: Exists): string {
  return te(`sync.status.${status}`) ? t(`sync.status.${status}`) : status;
}

/** Who started a run: the person's email, or the scheduler or the system. */
export function triggeredBy(run: { triggeredByEmail: string | null; trigger: string }, t: Translate): string {
  if (run.triggeredByEmail) return run.triggeredByEmail;
  return run.trigger === 'schedule' ? t('sync.scheduler') : t('sync.system');
}

/** A run's counts as `[key, n]` pairs, non-zero first, keeping the server's order otherwise. */
export function countEntries(counts: Record<string, number> | null | undefined): [string, number][] {
  const entries = Object.entries(counts ?? {}).filter((e): e is [string, number] => typeof e[1] === 'number');
  return [...entries.filter(([, n]) => n > 0), ...entries.filter(([, n]) => n <= 0)];
}

/** An Odoo MO state in words ("In progress"); an unknown one as sent, none as a dash. */
export function moStateLabel(state: string | null, t: Translate, te: Exists): string {
  if (!state) return '—';
  return te(`odoo.states.${state}`) ? t(`odoo.states.${state}`) : state;
}
