import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import cookieParser from 'cookie-parser';
import express from 'express';
import type { GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import type { DataSource } from 'typeorm';
import { WebSocketServer } from 'ws';
import { consoleAssets } from './console-assets';
import type { Config } from './core/config';
import type { Context } from './core/context';
import { formatError } from './core/errors';
import { LIMITS, limitRules } from './core/limits';
import { localeOf } from './core/locale';
import { SESSION_COOKIE } from './modules/auth/auth.service';
import { createSchema } from './schema';
import { createServices, type Services } from './services';

export interface App {
  server: http.Server;
  services: Services;
  schema: GraphQLSchema;
  url: string;
  close(): Promise<void>;
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

async function contextFor(
  services: Services,
  req: express.Request,
  res: express.Response | undefined,
): Promise<Context> {
  const token = bearer(req.headers.authorization) ?? req.cookies?.[SESSION_COOKIE];
  const { user, expired } = await services.auth.resolve(token);
  return {
    user,
    sessionExpired: expired,
    ip: (req.ip ?? req.socket.remoteAddress ?? '').replace(/^::ffff:/, ''),
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

export async function createApp(ds: DataSource, config: Config): Promise<App> {
  const services = createServices(ds, config);
  const schema = await createSchema(services.audit.pubSub);
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  const server = http.createServer(app);

  const wss = new WebSocketServer({ server, path: '/graphql' });
  const wsCleanup = useServer<Record<string, unknown>, { ctx?: Context }>(
    {
      schema,
      context: async (c) => {
        const req = c.extra.request as unknown as express.Request;
        // the browser sends the cookie with the upgrade; scripts pass { authorization: 'Bearer …' }
        const fake = Object.assign(Object.create(req), {
          cookies: Object.fromEntries(
            String(req.headers.cookie ?? '')
              .split(';')
              .map((p) => p.trim().split('='))
              .filter((p) => p.length === 2),
          ),
          headers: {
            ...req.headers,
            authorization: (c.connectionParams?.authorization as string) ?? req.headers.authorization,
          },
          ip: req.socket.remoteAddress,
        });
        return contextFor(services, fake, undefined);
      },
    },
    wss,
  );

  const apollo = new ApolloServer<Context>({
    schema,
    introspection: config.introspection,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: !config.introspection,
    formatError,
    validationRules: limitRules(),
    parseOptions: { maxTokens: LIMITS.tokens },
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer: server }),
      hiddenFieldsPlugin,
      ...(config.introspection && config.mode === 'demo' ? [] : [ApolloServerPluginLandingPageDisabled()]),
      {
        async serverWillStart() {
          return {
            async drainServer() {
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
    cookieParser(),
    express.json({ limit: config.bodyLimit }),
    (req: express.Request, res: express.Response, next: express.NextFunction) => {
      if (Array.isArray(req.body)) {
        res.status(400).json({
          errors: [{ message: 'Send one operation per request.', extensions: { code: 'BATCHING_DISABLED' } }],
        });
        return;
      }
      next();
    },
    expressMiddleware(apollo, { context: async ({ req, res }) => contextFor(services, req, res) }),
  );

  // the console's production build, same origin as the API
  const consoleDir = config.consoleDir;
  if (consoleDir && fs.existsSync(path.join(consoleDir, 'index.html'))) {
    app.use(consoleAssets(consoleDir));
  }

  app.use((err: any, _req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (res.headersSent) return next(err);
    if (err?.type === 'entity.too.large') {
      res
        .status(413)
        .json({ errors: [{ message: 'The request is too large.', extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
      return;
    }
    if (err?.type === 'entity.parse.failed') {
      res
        .status(400)
        .json({ errors: [{ message: 'The request body is not valid JSON.', extensions: { code: 'BAD_REQUEST' } }] });
      return;
    }
    console.error('[jxc] request error', err);
    res.status(500).json({
      errors: [{ message: 'Something went wrong on the server.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
    });
  });

  // Idle keep-alive connections outlive the clients' own (undici keeps them 4 s, proxies often 60 s): a server that
  // closed first would reset a request sent on a socket it was closing (ECONNRESET on a loaded machine).
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : config.port;
  return {
    server,
    services,
    schema,
    url: `http://127.0.0.1:${port}`,
    async close() {
      await apollo.stop();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
