/**
 * Runs async tasks one at a time, in the order they were queued (within this process). For work whose steps must
 * not interleave, such as re-registering a cron job from settings read a moment earlier.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task, task);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
