import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor, SetMetadata } from '@nestjs/common';
import { PageQueryDto } from '@simpul/contracts';
import { finalize, from, mergeMap, Observable } from 'rxjs';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { BUSY_SENTENCE, DatabaseError, DatabaseErrorCode } from '../../database/database.error';

interface Waiter {
  resolve: (release: () => void) => void;
  timer: NodeJS.Timeout;
  since: number;
}

/** When the gate's queue takes one more waiter (see Gate). */
export interface QueueBounds {
  maxWaiting: number;
  targetMs: number;
}

/**
 * A counting semaphore with a bounded, time-limited queue: at most `max` holders, each waiter waiting at most
 * `waitMs`. A new waiter is taken while the queue holds fewer than `maxWaiting` and its oldest waiter has waited at
 * most `targetMs`: a burst fills the queue and drains at once, so it is let in; a queue whose oldest keeps waiting
 * longer does not drain, which is overload, and a new arrival gets DATABASE_BUSY (a fast 503) at once instead of a
 * wait that would end in a slow one.
 */
export class Gate {
  private active = 0;
  private readonly waiting: Waiter[] = [];

  constructor(
    private readonly max: number,
    private readonly bounds: QueueBounds,
    private readonly waitMs: number,
  ) {}

  private admits(): boolean {
    const oldest = this.waiting[0];
    return this.waiting.length < this.bounds.maxWaiting && (!oldest || performance.now() - oldest.since <= this.bounds.targetMs);
  }

  acquire(): Promise<() => void> {
    if (this.active < this.max) {
      this.active += 1;
      return Promise.resolve(this.releaser());
    }
    if (!this.admits()) return Promise.reject(busy());
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        resolve,
        since: performance.now(),
        timer: setTimeout(() => {
          this.waiting.splice(this.waiting.indexOf(waiter), 1);
          reject(busy());
        }, this.waitMs),
      };
      this.waiting.push(waiter);
    });
  }

  /** Releases once: the slot passes to the longest waiter, or frees up. */
  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (!next) {
        this.active -= 1;
        return;
      }
      clearTimeout(next.timer);
      next.resolve(this.releaser());
    };
  }
}

const LIST_READ = 'simpul:list-read';

/**
 * Marks a paged list whose query parameter is not declared as a PageQueryDto (a controller factory types it loosely so
 * that the global pipe leaves it to its own); handlers that declare one are recognised without it.
 */
export const ListRead = () => SetMetadata(LIST_READ, true);

function busy(): DatabaseError {
  return new DatabaseError(DatabaseErrorCode.Busy, BUSY_SENTENCE);
}

/**
 * A bulkhead for list reads. Every paged list (a handler taking a PageQueryDto, or marked @ListRead(): lists,
 * searches, exports) counts rows
 * and can read many; together they may hold at most DB_LIST_CONCURRENCY of the pool's connections, the rest staying
 * free for the cheap reads and the writes (get by id, health, sign-in, saves). Under overload lists then queue briefly
 * or get a fast 503, while a page's own record still opens at once. New list endpoints are covered without a change.
 */
@Injectable()
export class ListGateInterceptor implements NestInterceptor {
  private readonly gate: Gate;
  private readonly isList = new WeakMap<object, boolean>();

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const { pool } = config.database;
    this.gate = new Gate(pool.listConcurrency, { maxWaiting: 10 * pool.listConcurrency, targetMs: pool.listQueueTargetMs }, pool.waitMs);
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (!this.takesPageQuery(context)) return next.handle();
    return from(this.gate.acquire()).pipe(mergeMap((release) => next.handle().pipe(finalize(release))));
  }

  private takesPageQuery(context: ExecutionContext): boolean {
    const handler = context.getHandler();
    let known = this.isList.get(handler);
    if (known === undefined) {
      const types = (Reflect.getMetadata('design:paramtypes', context.getClass().prototype, handler.name) ?? []) as unknown[];
      known =
        Reflect.getMetadata(LIST_READ, handler) === true ||
        types.some((t) => typeof t === 'function' && (t === PageQueryDto || t.prototype instanceof PageQueryDto));
      this.isList.set(handler, known);
    }
    return known;
  }
}
