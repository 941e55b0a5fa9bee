import type { NextFunction, Request, Response } from 'express';

/**
 * Faults a test or a developer can switch on per fake system. Transport faults (latency, timeout, HTTP 500) are
 * applied here for every system; protocol faults (an Odoo error envelope, an expired session) are taken by the
 * system's own handler, which knows how its real counterpart reports them.
 */
export const FAULT_KINDS = ['latency', 'timeout', 'http500', 'protocol-error', 'session-expired'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultRule {
  kind: FaultKind;
  /** Delay for `latency`, in milliseconds. */
  ms?: number;
  /** How many requests it affects; unset means until cleared. */
  times?: number;
  /** How many matching requests it lets through before it starts (to fail a run part-way). */
  after?: number;
  /** Only requests whose path contains this. */
  pathIncludes?: string;
}

interface ActiveRule extends FaultRule {
  id: number;
  hits: number;
  passed: number;
}

export class FaultRegistry {
  private readonly rules = new Map<string, ActiveRule[]>();
  private nextId = 1;

  add(system: string, rule: FaultRule): ActiveRule {
    if (!FAULT_KINDS.includes(rule.kind)) throw new Error(`Unknown fault kind "${String(rule.kind)}"`);
    const active: ActiveRule = { ...rule, id: this.nextId++, hits: 0, passed: 0 };
    this.rules.set(system, [...(this.rules.get(system) ?? []), active]);
    return active;
  }

  clear(system?: string): void {
    if (system) this.rules.delete(system);
    else this.rules.clear();
  }

  list(): Record<string, ActiveRule[]> {
    return Object.fromEntries(this.rules);
  }

  /** Consumes one use of the first matching rule of that kind, if any. */
  take(system: string, kind: FaultKind, path: string): ActiveRule | null {
    const rules = this.rules.get(system) ?? [];
    const rule = rules.find((r) => r.kind === kind && (!r.pathIncludes || path.includes(r.pathIncludes)));
    if (!rule) return null;
    if (rule.passed < (rule.after ?? 0)) {
      rule.passed += 1;
      return null;
    }
    rule.hits += 1;
    if (rule.times !== undefined && rule.hits >= rule.times) {
      this.rules.set(
        system,
        rules.filter((r) => r !== rule),
      );
    }
    return rule;
  }
}

const TIMEOUT_HOLD_MS = 120_000;

/** Express middleware applying the transport faults of one system before its handlers run. */
export function transportFaults(registry: FaultRegistry, system: string) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const latency = registry.take(system, 'latency', req.path);
    if (latency?.ms) await new Promise((r) => setTimeout(r, latency.ms));
    if (registry.take(system, 'timeout', req.path)) {
      // Never answer; the client's own timeout must fire. Drop the socket eventually so nothing leaks.
      const timer = setTimeout(() => req.socket.destroy(), TIMEOUT_HOLD_MS);
      req.socket.once('close', () => clearTimeout(timer));
      return;
    }
    if (registry.take(system, 'http500', req.path)) {
      res.status(500).type('text/html').send('<h1>500 Internal Server Error</h1>');
      return;
    }
    next();
  };
}
