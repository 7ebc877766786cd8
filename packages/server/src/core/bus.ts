import crypto from 'node:crypto';
import { EventEmitter } from 'node:events';
import Redis from 'ioredis';

/**
 * Messages between the API processes of one installation: live-update fan-out (notifications, audit
 * rows) and "sessions changed". In one process an in-memory emitter; with `JXC_REDIS_URL`, Redis
 * pub/sub, so a message published by any process reaches every process (the publisher too, through
 * its own subscription) exactly once. Channels are named after the database, so installations (or
 * test databases) sharing one Redis never hear each other. Dates survive the trip.
 */
export interface Bus {
  /** true when messages cross processes (Redis) */
  readonly shared: boolean;
  /** this process's id on the bus */
  readonly id: string;
  publish(topic: string, payload: unknown): void;
  /** Calls `handler` for every message on `topic`, from any process; returns the unsubscribe. */
  on(topic: string, handler: (payload: any) => void): () => void;
  /** Resolves once every topic subscribed so far is live (Redis subscribes asynchronously). */
  ready(): Promise<void>;
  close(): Promise<void>;
}

export function memoryBus(): Bus {
  const ee = new EventEmitter();
  ee.setMaxListeners(0);
  return {
    shared: false,
    id: crypto.randomUUID(),
    publish: (topic, payload) => void ee.emit(topic, payload),
    on(topic, handler) {
      ee.on(topic, handler);
      return () => void ee.off(topic, handler);
    },
    ready: async () => {},
    close: async () => void ee.removeAllListeners(),
  };
}

const DATE = '$jxcDate';

/** JSON with Dates kept (as `{ $jxcDate: iso }`). */
export function encode(payload: unknown): string {
  return JSON.stringify(payload, function (this: Record<string, unknown>, key, value) {
    const raw = this[key];
    return raw instanceof Date ? { [DATE]: raw.toISOString() } : value;
  });
}

export function decode(text: string): unknown {
  return JSON.parse(text, (_k, v) =>
    v && typeof v === 'object' && typeof v[DATE] === 'string' && Object.keys(v).length === 1 ? new Date(v[DATE]) : v,
  );
}

/**
 * Redis pub/sub: one connection publishes, one subscribes. Refuses to start when Redis does not
 * answer within `timeoutMs` (a cluster without its bus would silently lose live updates).
 */
export async function redisBus(url: string, namespace: string, timeoutMs = 5_000): Promise<Bus> {
  const prefix = `jxc:${crypto.createHash('sha256').update(namespace).digest('hex').slice(0, 16)}:`;
  const opts = { lazyConnect: true, connectTimeout: timeoutMs, maxRetriesPerRequest: 3 };
  const pub = new Redis(url, opts);
  const sub = new Redis(url, opts);
  const quiet = (which: string) => (e: Error) => console.error(`[jxc] redis (${which}):`, e.message);
  pub.on('error', quiet('publish'));
  sub.on('error', quiet('subscribe'));
  try {
    await Promise.all([pub.connect(), sub.connect()]);
  } catch (e) {
    pub.disconnect();
    sub.disconnect();
    throw new Error(`JXC_REDIS_URL is set but Redis does not answer (${(e as Error).message})`, { cause: e });
  }
  const ee = new EventEmitter();
  ee.setMaxListeners(0);
  const subscribed = new Map<string, Promise<unknown>>();
  sub.on('message', (channel: string, message: string) => {
    if (!channel.startsWith(prefix)) return;
    let payload: unknown;
    try {
      payload = decode(message);
    } catch {
      return;
    }
    ee.emit(channel.slice(prefix.length), payload);
  });
  const id = crypto.randomUUID();
  return {
    shared: true,
    id,
    publish(topic, payload) {
      const channel = prefix + topic;
      // a publish waits for this process's own subscription to the topic, so the publisher hears it too
      void (subscribed.get(topic) ?? Promise.resolve())
        .then(() => pub.publish(channel, encode(payload)))
        .catch(quiet('publish'));
    },
    on(topic, handler) {
      if (!subscribed.has(topic)) subscribed.set(topic, sub.subscribe(prefix + topic).catch(quiet('subscribe')));
      ee.on(topic, handler);
      return () => void ee.off(topic, handler);
    },
    async ready() {
      await Promise.all(subscribed.values());
    },
    async close() {
      ee.removeAllListeners();
      await Promise.allSettled([sub.quit(), pub.quit()]);
    },
  };
}

/** The bus for a configuration: Redis when a URL is given, memory otherwise. */
export function openBus(redisUrl: string | undefined, namespace: string): Promise<Bus> {
  return redisUrl ? redisBus(redisUrl, namespace) : Promise.resolve(memoryBus());
}
