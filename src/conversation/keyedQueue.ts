/**
 * Runs tasks for the same key one after another, tasks for different keys in parallel. Two
 * messages of one conversation (a double click) must not both read the same saved state.
 */
export class KeyedQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(task, task);
    const tail = result.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

  /** Conversations with a turn in flight; used to drain on shutdown. */
  get size(): number {
    return this.tails.size;
  }

  /** Resolves when every queued task has settled. */
  async drain(): Promise<void> {
    while (this.tails.size > 0) await Promise.all(this.tails.values());
  }
}
