import type { Core } from '@strapi/strapi';

/**
 * Work that runs outside a request (timers, deliveries, listeners after a commit). Every such job
 * goes through the instance's one `background(strapi)`, so that shutdown can refuse new jobs and
 * wait for the running ones before Strapi closes the database pool: a query still waiting for a
 * connection when the pool is destroyed fails with tarn's "aborted" and the process exits 1.
 */
export class Background {
  private readonly running = new Set<Promise<void>>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private stopped = false;

  constructor(private readonly strapi: Core.Strapi) {}

  /** Runs a task now (on this turn); its failure is logged, never an unhandled rejection. */
  run(name: string, task: () => Promise<unknown> | unknown): void {
    if (this.stopped) return;
    const job = (async () => {
      try {
        await task();
      } catch (err) {
        this.strapi.log.warn(`[${name}] ${(err as Error).message}`);
      }
    })();
    this.running.add(job);
    void job.finally(() => this.running.delete(job));
  }

  /** Runs a task once after `ms`; returns its cancel. */
  after(name: string, ms: number, task: () => Promise<unknown> | unknown): () => void {
    if (this.stopped) return () => undefined;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.run(name, task);
    }, ms);
    timer.unref();
    this.timers.add(timer);
    return () => {
      clearTimeout(timer);
      this.timers.delete(timer);
    };
  }

  /** Runs a task every `ms` (never two at once); returns its cancel. */
  every(name: string, ms: number, task: () => Promise<unknown> | unknown): () => void {
    if (this.stopped) return () => undefined;
    let busy = false;
    const timer = setInterval(() => {
      if (busy) return;
      busy = true;
      this.run(name, async () => {
        try {
          await task();
        } finally {
          busy = false;
        }
      });
    }, ms);
    timer.unref();
    this.timers.add(timer);
    return () => {
      clearInterval(timer);
      this.timers.delete(timer);
    };
  }

  /** Refuses new jobs and timers, cancels the timers and waits for every job already running. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    while (this.running.size) await Promise.allSettled([...this.running]);
  }
}

const KEY = 'grassroots-kit.background';

/** The instance's one background-work registry, kept in Strapi's container (every plugin bundles the kit). */
export function background(strapi: Core.Strapi): Background {
  if (!strapi.has(KEY)) strapi.add(KEY, new Background(strapi));
  return strapi.get(KEY) as Background;
}
