import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import path from 'node:path';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import cookieParser from 'cookie-parser';
import express from 'express';
import { getOperationAST, GraphQLError, type GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import type { DataSource } from 'typeorm';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Config } from './core/config';
import type { AuthUser, Context } from './core/context';
import { ErrorCode } from './core/errors';
import { currentBudget, endBudget, guardSchema, withBudget } from './core/guard';
import { securityLog } from './core/permissions/guard';
import {
  asError,
  checkPasswordChange,
  errorFormatter,
  parseOptions,
  preflight,
  prepareOperation,
  validationRules,
  type PipelineOptions,
} from './core/pipeline';
import { openBus } from './core/bus';
import { Scheduler, type Every } from './core/jobs';
import { sessionEvents } from './core/session-events';
import { consoleAssets } from './console-assets';
import { localeOf } from './core/locale';
import { SESSION_COOKIE } from './modules/auth/auth.service';
import { isApiKey } from './modules/integration';
import { createSchema } from './schema';
import { createServices, type Services } from './services';

export interface App {
  server: http.Server | https.Server;
  /** with TLS and JXC_HTTP_REDIRECT_PORT: the port of the plain-HTTP redirect */
  redirectPort?: number;
  services: Services;
  /** jobs that run once per period across every API process on this database */
  scheduler: Scheduler;
  schema: GraphQLSchema;
  url: string;
  close(): Promise<void>;
}

/** The certificate and key when both are configured (read once at start; a missing file stops the start). */
function tlsOptions(config: Config): { cert: Buffer; key: Buffer } | null {
  if (!config.tlsCertFile || !config.tlsKeyFile) return null;
  return { cert: fs.readFileSync(config.tlsCertFile), key: fs.readFileSync(config.tlsKeyFile) };
}

/** express's "trust proxy": true/false, a hop count, or addresses and subnets (comma separated). */
function trustProxyValue(v: string): boolean | number | string {
  if (v === 'true' || v === 'false') return v === 'true';
  if (/^\d+$/.test(v)) return Number(v);
  return v;
}

/** A plain-HTTP server that sends every request to the same path on HTTPS (301). */
function httpsRedirect(httpsPort: number): http.Server {
  return http.createServer((req, res) => {
    const host = String(req.headers.host ?? 'localhost').replace(/:\d+$/, '');
    const port = httpsPort === 443 ? '' : `:${httpsPort}`;
    res.writeHead(301, { location: `https://${host}${port}${req.url ?? '/'}` }).end();
  });
}

function bearer(header: string | undefined): string | undefined {
  const m = /^Bearer\s+(.+)$/i.exec(header ?? '');
  return m?.[1]?.trim();
}

/** Says once per response which sensitive fields were hidden from this user. */
const hiddenFieldsPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async willSendResponse({ contextValue, response }) {
        if (response.body.kind !== 'single') return;
        const result = response.body.singleResult;
        if (contextValue.hidden?.size) {
          result.extensions = { ...(result.extensions ?? {}), hiddenFields: [...contextValue.hidden].sort() };
        }
        if (!result.errors?.length) for (const f of contextValue.afterSuccess ?? []) f();
      },
    };
  },
};

/** The address of the client: the socket's, or the proxy's X-Forwarded-For when the proxy is local. */
function addressOf(req: http.IncomingMessage & { ip?: string }): string {
  let ip = req.ip ?? req.socket.remoteAddress ?? '';
  if (ip === req.socket.remoteAddress && /^(127\.|::1$|::ffff:127\.)/.test(ip)) {
    const fwd = String(req.headers['x-forwarded-for'] ?? '')
      .split(',')
      .pop()
      ?.trim();
    if (fwd) ip = fwd;
  }
  return ip.replace(/^::ffff:/, '');
}

/**
 * A browser request from another site is refused (CORS closed unless JXC_CORS_ORIGINS names it):
 * only the console's own origin and the configured ones may send the session cookie. Requests
 * without an Origin (scripts, curl, same-origin GETs) pass.
 */
function originAllowed(req: http.IncomingMessage, config: Config): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  if (config.corsOrigins.includes(origin)) return true;
  try {
    const host = new URL(origin).host;
    const own = [req.headers.host, req.headers['x-forwarded-host']].flatMap((h) => String(h ?? '').split(','));
    return own.some((h) => h.trim() !== '' && h.trim() === host);
  } catch {
    return false;
  }
}

async function contextFor(
  services: Services,
  { token, req }: { token: string | undefined; req: http.IncomingMessage & { ip?: string; apiUser?: AuthUser } },
  res: express.Response | undefined,
): Promise<Context> {
  // an API client was authenticated (and counted) by the key gate
  const { user, expired } = req.apiUser ? { user: req.apiUser, expired: false } : await services.auth.resolve(token);
  return {
    user,
    sessionExpired: expired,
    ip: addressOf(req),
    userAgent: String(req.headers['user-agent'] ?? ''),
    locale: localeOf(req.headers['accept-language']),
    requestId: String(req.headers['x-request-id'] ?? crypto.randomUUID()).slice(0, 64),
    services,
    hidden: new Set(),
    auditWritten: false,
    afterSuccess: [],
    res,
  };
}

/**
 * No GraphQL answer is stored by a browser or a proxy: \`Cache-Control: no-store\` on every one. Apollo's
 * cache-control plugin used to set it, but it also hooks every field of every response (a 200-line
 * quote resolves some 10,000), for cache hints this API never gives; it is disabled below.
 */
const noStorePlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        response.http.headers.set('cache-control', 'no-store');
      },
    };
  },
};

/** A response that crossed the node or time limit becomes that one error, without partial data. */
const budgetPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation, document, contextValue }) {
        if (operation) checkPasswordChange(contextValue, document, operation);
        if (operation?.operation === 'subscription')
          throw new GraphQLError('Subscriptions travel over WebSocket (graphql-transport-ws) at /graphql.', {
            extensions: { code: ErrorCode.OPERATION_NOT_ALLOWED, http: { status: 400 } },
          });
      },
      async willSendResponse({ response }) {
        const b = currentBudget();
        endBudget(b);
        if (b?.tripped && response.body.kind === 'single') {
          response.body.singleResult = { errors: [b.tripped] };
        }
      },
    };
  },
};

const refuse = (res: express.Response, status: number, code: string, message: string) =>
  res.status(status).json({ errors: [{ message, extensions: { code } }] });

export async function createApp(ds: DataSource, config: Config): Promise<App> {
  const tls = tlsOptions(config);
  if (tls) config = { ...config, secureCookies: true };
  // messages between API processes: Redis pub/sub when configured, memory otherwise
  const bus = await openBus(config.redisUrl, config.databaseUrl);
  const services = createServices(ds, config, bus);
  const scheduler = new Scheduler(ds);
  const schema = guardSchema(await createSchema(services.audit.pubSub));
  // background exports read a job's filter as its list query would, through the services
  services.exportJobs.attach(schema, services);
  const pipeline: PipelineOptions = { introspection: config.introspection, limits: config.limits };
  const format = errorFormatter(pipeline);
  /** query texts that passed the preflight (a bounded memo; cleared when full) */
  const passed = new Set<string>();
  const app = express();
  app.disable('x-powered-by');
  // no ETag on express's dynamic answers (res.send: GraphQL, JSON): a SHA-1 of every reply body (0.7%
  // of a posting's CPU) for a revalidation no client makes. A function rather than `false`, so the
  // setting stays enabled and the console's files (res.sendFile) keep their ETags
  app.set('etag', () => undefined);
  // client addresses: X-Forwarded-For only from the proxies named (JXC_TRUST_PROXY; loopback by default)
  app.set('trust proxy', trustProxyValue(config.trustProxy));
  // HTTPS when a certificate and key are configured: HSTS on every answer, the session cookie Secure
  const server = tls ? https.createServer(tls, app) : http.createServer(app);
  if (tls)
    app.use((_req, res, next) => {
      res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
      next();
    });

  // a foreign Origin is refused at the handshake, before any frame is read
  const wss = new WebSocketServer({
    server,
    path: '/graphql',
    verifyClient: ({ req }, done) => {
      if (originAllowed(req, config)) return done(true);
      securityLog({ event: 'origin-refused', transport: 'ws', origin: req.headers.origin, address: addressOf(req) });
      done(false, 403, 'Origin not allowed');
    },
  });
  const sockets = new Map<WebSocket, { token: string | undefined; grants: string; username: string }>();
  const grantsOf = (u: AuthUser) => `${u.id}|${u.roles.join(',')}|${[...u.permissions].sort().join(',')}`;
  const wsRequest = (req: http.IncomingMessage, params: Record<string, unknown> | undefined) => {
    const cookies = Object.fromEntries(
      String(req.headers.cookie ?? '')
        .split(';')
        .map((p) => p.trim().split('='))
        .filter((p) => p.length === 2),
    );
    const auth = typeof params?.authorization === 'string' ? params.authorization : req.headers.authorization;
    return { token: bearer(auth) ?? cookies[SESSION_COOKIE], req };
  };
  const wsCleanup = useServer<Record<string, unknown>, { token?: string }>(
    {
      schema,
      // a socket belongs to one signed-in session; it closes when the session ends or its rights change
      onConnect: async (c) => {
        const { token } = wsRequest(c.extra.request, c.connectionParams);
        const { user } = await services.auth.resolve(token);
        if (!user) return false;
        c.extra.token = token;
        sockets.set(c.extra.socket, { token, grants: grantsOf(user), username: user.username });
        c.extra.socket.once('close', () => sockets.delete(c.extra.socket));
        return true;
      },
      onSubscribe: async (c, _id, payload) => {
        const prepared = prepareOperation(schema, pipeline, payload);
        // refused before the session is looked up again: the socket's user is known from its connection
        if ('errors' in prepared) {
          securityLog({
            event: 'ws-refused',
            user: sockets.get(c.extra.socket)?.username,
            address: addressOf(c.extra.request),
            codes: prepared.errors.map((e) => e.extensions?.code),
          });
          return prepared.errors.map(asError);
        }
        const { token, req } = wsRequest(c.extra.request, c.connectionParams);
        const ctx = await contextFor(services, { token, req }, undefined);
        try {
          const op = getOperationAST(prepared.document, payload.operationName);
          if (op) checkPasswordChange(ctx, prepared.document, op);
        } catch (e) {
          return [asError(format((e as GraphQLError).toJSON(), e))];
        }
        return {
          schema,
          document: prepared.document,
          operationName: payload.operationName,
          variableValues: payload.variables,
          contextValue: ctx,
        };
      },
      onNext: (_c, _id, _payload, _args, result) => ({
        ...result,
        ...(result.errors ? { errors: result.errors.map((e) => format(e.toJSON(), e)) } : {}),
      }),
      onError: (_c, _id, _payload, errors) => errors.map((e) => format(e.toJSON(), e)),
    },
    wss,
  );
  /** Closes every socket whose session has ended (logout, expiry, a disabled user) or whose rights changed. */
  const revalidateSockets = async () => {
    for (const [socket, s] of [...sockets]) {
      const { user } = await services.auth.resolve(s.token).catch(() => ({ user: null }));
      if (!user || grantsOf(user) !== s.grants) {
        sockets.delete(socket);
        socket.close(4403, user ? 'Your rights have changed' : 'Your session has ended');
      }
    }
  };
  const onSessionChange = () => void revalidateSockets();
  sessionEvents.on('changed', onSessionChange);
  // a sign-out or a rights change on another process closes this process's sockets too
  const tellOthers = () => bus.publish('sessions.changed', { from: bus.id });
  if (bus.shared) {
    sessionEvents.on('changed', tellOthers);
    bus.on('sessions.changed', (m: { from: string }) => m.from !== bus.id && onSessionChange());
  }
  // another server of a cluster may have ended the session: look again now and then
  const revalidateTimer = setInterval(onSessionChange, 30_000);
  revalidateTimer.unref();

  const apollo = new ApolloServer<Context>({
    schema,
    // the introspection rule comes with the shared validation rules (pipeline.ts), for HTTP and WebSocket alike
    introspection: true,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: !config.introspection,
    formatError: format,
    validationRules: validationRules(pipeline),
    parseOptions: parseOptions(pipeline),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer: server }),
      hiddenFieldsPlugin,
      budgetPlugin,
      ApolloServerPluginCacheControlDisabled(),
      noStorePlugin,
      ...(config.introspection && config.mode === 'demo' ? [] : [ApolloServerPluginLandingPageDisabled()]),
      {
        async serverWillStart() {
          return {
            async drainServer() {
              sessionEvents.off('changed', onSessionChange);
              sessionEvents.off('changed', tellOthers);
              clearInterval(revalidateTimer);
              await wsCleanup.dispose();
            },
          };
        },
      },
    ],
  });
  await apollo.start();

  app.get('/healthz', (_req, res) => {
    res.json({ ok: true });
  });
  app.use(
    '/graphql',
    (req: express.Request, res: express.Response, next: express.NextFunction) => {
      if (originAllowed(req, config)) {
        if (req.headers.origin && config.corsOrigins.includes(req.headers.origin)) {
          res.setHeader('Access-Control-Allow-Origin', req.headers.origin);
          res.setHeader('Access-Control-Allow-Credentials', 'true');
          res.setHeader('Vary', 'Origin');
          if (req.method === 'OPTIONS') {
            res.setHeader('Access-Control-Allow-Methods', 'GET, POST');
            res.setHeader(
              'Access-Control-Allow-Headers',
              'content-type, authorization, x-request-id, idempotency-key, apollo-require-preflight',
            );
            res.status(204).end();
            return;
          }
        }
        return next();
      }
      securityLog({ event: 'origin-refused', transport: 'http', origin: req.headers.origin, address: addressOf(req) });
      refuse(res, 403, ErrorCode.ORIGIN_NOT_ALLOWED, 'Requests from this site are not allowed.');
    },
    cookieParser(),
    express.json({ limit: config.bodyLimit }),
    (req: express.Request, res: express.Response, next: express.NextFunction) => {
      if (Array.isArray(req.body)) {
        refuse(res, 400, ErrorCode.BATCHING_DISABLED, 'Send one operation per request.');
        return;
      }
      const query = req.method === 'GET' ? req.query?.query : req.body?.query;
      // the limits that need no session and no schema, before either is touched: a refusal costs a parse at most
      if (typeof query === 'string' && !passed.has(query)) {
        const pre = preflight(query, pipeline);
        if (pre.errors) {
          securityLog({
            event: 'limit-refused',
            transport: 'http',
            address: addressOf(req),
            codes: pre.errors.map((e) => e.extensions?.code),
          });
          res.status(400).json({ errors: pre.errors });
          return;
        }
        // documents that passed, so the usual queries of the console are parsed here once
        if (pre.document) {
          if (passed.size >= 2_000) passed.clear();
          passed.add(query);
        }
      }
      // the execution limits (time, response size) of this one operation
      withBudget(config.limits, next);
    },
    // an API client's key: who it is, whether it may still call, and its requests per minute
    async (req: express.Request & { apiUser?: AuthUser }, res: express.Response, next: express.NextFunction) => {
      const key = bearer(req.headers.authorization);
      if (!key || !isApiKey(key)) return next();
      try {
        const found = await services.apiClients.authenticate(key);
        if ('code' in found) {
          securityLog({ event: 'api-key-refused', code: found.code, address: addressOf(req) });
          refuse(res, 401, found.code, found.message);
          return;
        }
        const rate = await services.apiClients.hit(found.client);
        res.setHeader('RateLimit-Policy', `${rate.limit};w=60`);
        res.setHeader('RateLimit', `limit=${rate.limit}, remaining=${rate.remaining}, reset=${rate.reset}`);
        if (rate.exceeded) {
          res.setHeader('Retry-After', String(rate.reset));
          securityLog({ event: 'rate-limited', user: found.user.username, address: addressOf(req) });
          refuse(
            res,
            429,
            ErrorCode.RATE_LIMITED,
            `More than ${rate.limit} requests per minute; retry in ${rate.reset} s.`,
          );
          return;
        }
        req.apiUser = found.user;
        const requestId = String(req.headers['x-request-id'] ?? crypto.randomUUID()).slice(0, 64);
        req.headers['x-request-id'] = requestId;
        const query = String((req.method === 'GET' ? req.query?.query : req.body?.query) ?? '');
        // the operation's name, or its first field
        const operation = String(req.body?.operationName ?? '') || (/\{\s*(?:\w+\s*:\s*)?(\w+)/.exec(query)?.[1] ?? '');
        res.on('finish', () => {
          services.apiClients
            .recordCall(found.user, {
              ip: addressOf(req),
              requestId,
              operation: operation.slice(0, 100),
              status: res.statusCode,
            })
            .catch((e) => console.error('[jxc] api call audit failed', e?.message ?? e));
        });
        next();
      } catch (e) {
        next(e);
      }
    },
    expressMiddleware(apollo, {
      context: async ({ req, res }) =>
        contextFor(services, { token: bearer(req.headers.authorization) ?? req.cookies?.[SESSION_COOKIE], req }, res),
    }),
  );

  // the console's production build, same origin as the API
  const consoleDir = config.consoleDir;
  if (consoleDir && fs.existsSync(path.join(consoleDir, 'index.html'))) {
    app.use(consoleAssets(consoleDir));
  }

  // a body the API cannot read is the client's mistake: 4xx with a code, never a 500
  app.use((err: any, _req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (res.headersSent) return next(err);
    const status = Number(err?.status ?? err?.statusCode);
    if (err?.type === 'entity.too.large' || status === 413)
      return refuse(res, 413, ErrorCode.PAYLOAD_TOO_LARGE, 'The request is too large.');
    if (err?.type === 'charset.unsupported' || err?.type === 'encoding.unsupported' || status === 415)
      return refuse(
        res,
        415,
        ErrorCode.UNSUPPORTED_MEDIA_TYPE,
        'Send the request as JSON in UTF-8 (Content-Type: application/json), uncompressed or gzip/deflate.',
      );
    if (err?.type === 'entity.parse.failed')
      return refuse(res, 400, ErrorCode.BAD_REQUEST, 'The request body is not valid JSON.');
    if (status >= 400 && status < 500)
      return refuse(res, status, ErrorCode.BAD_REQUEST, 'The request body could not be read.');
    console.error('[jxc] request error', err?.message ?? err);
    refuse(res, 500, ErrorCode.INTERNAL_SERVER_ERROR, 'Something went wrong on the server.');
  });

  // Idle keep-alive connections outlive the clients' own (undici keeps them 4 s, proxies often 60 s): a server that
  // closed first would reset a request sent on a socket it was closing (ECONNRESET on a loaded machine).
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : config.port;
  // plain HTTP on another port only redirects to HTTPS
  const redirect = tls && config.httpRedirectPort !== undefined ? httpsRedirect(port) : null;
  if (redirect) await new Promise<void>((r) => redirect.listen(config.httpRedirectPort, config.host, r));
  // live alerts: what a stopped server left in the outbox goes out now, then as alerts are written
  // (the periodic sweep once per cluster; the sweep right after an alert is written stays with its writer)
  const every: Every = (name, ms, fn, opts) => scheduler.every(name, ms, fn, opts);
  services.alerts.start(config.alertsIntervalMs, every);
  await bus.ready();
  // the time-driven alerts (expiry, qualifications, orders due) and the digests: once per business day
  services.dailyAlerts.start(config.dailyAlertsCheckMs, every);
  // webhooks: a URL may not point here; what a stopped server left goes out now, then as events are
  // written, and the retries in the periodic sweep (once per cluster, as the alerts')
  // third-party warehouses: requests sent, confirmations pulled, the daily snapshot reconciled
  services.tpl.start(config.tplIntervalMs, every);
  services.webhooks.listening(port);
  services.webhooks.start(config.webhooksIntervalMs, every);
  // online stores: stock changes queued by postings are pushed right after, the rest in the sweep
  services.platforms.startStockPush(config.platformStockIntervalMs, every);
  // replenishment: the forecast models of the new day (and of series postings changed), once per cluster
  services.replenishment.startForecastRefresh(config.forecastRefreshMs, every);
  // big exports: queued jobs run right after they are queued, what a stopped server left in the periodic pass
  services.exportJobs.start(config.exportJobsIntervalMs, every);
  return {
    server,
    services,
    scheduler,
    schema,
    url: `${tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    redirectPort: redirect ? (redirect.address() as { port: number }).port : undefined,
    async close() {
      if (redirect) await new Promise<void>((r) => redirect.close(() => r()));
      await scheduler.stop();
      await services.dailyAlerts.stop();
      await services.alerts.stop();
      await services.tpl.stop();
      await services.webhooks.stop();
      await services.platforms.stopStockPush();
      await services.exportJobs.stop();
      await apollo.stop();
      await new Promise<void>((r) => server.close(() => r()));
      await bus.close();
    },
  };
}
