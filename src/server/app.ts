/**
 * Builds the HTTP application (no listen): services wired to repositories,
 * routes, error mapping, security headers and request logging. Used by
 * main.ts and by the integration tests, which start it on a random port.
 */
import path from 'node:path';
import fastifyCompress from '@fastify/compress';
import Fastify, { LogController, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { PROTOCOL_LIMITS } from '../domain';
import type { ServerConfig } from './config';
import type { DatabaseHandle } from './db/database';
import { decorateAuth } from './http/auth.hook';
import { MAX_JSON_DEPTH, nestedDeeperThan, tooDeep } from './http/json-depth';
import { registerOpenApi } from './http/openapi';
import { serializerCompiler, validatorCompiler } from './http/validation';
import {
  createClientErrorHandler,
  createFrameworkErrorHandler,
  HttpError,
  registerErrorHandler,
} from './http/errors';
import { createBlobStore } from './repositories/blob-store';
import { createBlobsRepository } from './repositories/blobs.repository';
import { createLoginAttemptsStore } from './repositories/login-attempts.repository';
import { createRepositories } from './repositories/repositories';
import { registerAccountsRoutes } from './routes/accounts.routes';
import { registerAuthRoutes } from './routes/auth.routes';
import { registerBlobRoutes } from './routes/blobs.routes';
import { registerEnrolmentRoutes } from './routes/enrolment.routes';
import { registerImportRoutes } from './routes/import.routes';
import { registerMapPackRoutes } from './routes/map-packs.routes';
import { registerMetaRoutes } from './routes/meta.routes';
import { registerPublicPageRoutes } from './routes/public-page.routes';
import { registerSetupRoutes } from './routes/setup.routes';
import { registerStaticRoutes } from './routes/static.routes';
import { registerReviewRoutes } from './routes/review.routes';
import { registerSyncRoutes } from './routes/sync.routes';
import { registerTerritoryRoutes } from './routes/territory.routes';
import { registerUsersRoutes } from './routes/users.routes';
import { createAccountsService } from './services/accounts.service';
import { createAuthService } from './services/auth.service';
import { createBlobsService } from './services/blobs.service';
import { createEnrolmentService } from './services/enrolment.service';
import { createImportService } from './services/import.service';
import { createMapPacksService } from './services/map-packs.service';
import { createPublicPageService } from './services/public-page.service';
import { createLoginThrottle, DEFAULT_THROTTLE, type ThrottleOptions } from './services/login-throttle';
import { createSetupService } from './services/setup.service';
import { createReviewService } from './services/review.service';
import { createSyncService } from './services/sync.service';
import { createTerritoryService } from './services/territory.service';
import {
  ensureDefaultGovernmentAreas as ensureDefaultAreas,
  ensureDefaultProjectStatuses as ensureDefaultStatuses,
  ensureDefaultRubricTemplates,
} from './services/reference-defaults.service';
import { repairFutureStamps } from './services/write-path';
import { createUsersService } from './services/users.service';

export interface AppOptions {
  db: DatabaseHandle;
  /** `blobDir` defaults to ./data/blobs, like the server's own default. */
  config: Pick<ServerConfig, 'staticDir' | 'trustProxy' | 'version'> &
    Partial<Pick<ServerConfig, 'blobDir' | 'mapPackDir'>>;
  /** Fastify/pino logger options; off unless given (tests run quiet). */
  logger?: FastifyServerOptions['logger'];
  throttle?: ThrottleOptions;
}

export const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; script-src 'self'; worker-src 'self' blob:; connect-src 'self'; frame-ancestors 'none'; object-src 'none'; base-uri 'self'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
};

const missingHost = () => new HttpError(400, 'bad_request', 'An HTTP/1.1 request needs a Host header');

function createServices(options: AppOptions) {
  const store = createRepositories(options.db);
  const throttle = createLoginThrottle(
    options.throttle ?? DEFAULT_THROTTLE,
    createLoginAttemptsStore(options.db),
  );
  const auth = createAuthService({
    users: store.users,
    tokens: store.tokens,
    throttle,
    records: store.records,
  });
  const users = createUsersService({ users: store.users });
  const setup = createSetupService({ usersService: users, auth, throttle, meta: store.meta });
  const accounts = createAccountsService(store);
  const enrolment = createEnrolmentService({ ...store, auth, throttle });
  const sync = createSyncService(store);
  const blobStore = createBlobStore(options.config.blobDir ?? path.resolve('data', 'blobs'));
  const review = createReviewService(store);
  const blobs = createBlobsService({
    store: blobStore,
    blobs: createBlobsRepository(options.db.db),
    records: store.records,
  });
  const publicPage = createPublicPageService({
    records: store.records,
    blobs: store.blobs,
    store: blobStore,
  });
  const importer = createImportService(store, { blobs });
  const territory = createTerritoryService(store);
  const blobDir = options.config.blobDir ?? path.resolve('data', 'blobs');
  const mapPacks = createMapPacksService({
    dir: options.config.mapPackDir ?? path.join(path.dirname(blobDir), 'map-packs'),
    store,
  });
  /** Adds the shipped rubric templates that are missing (run at start; idempotent). */
  const ensureDefaultRubrics = () => ensureDefaultRubricTemplates(store);
  /** Adds the borough's government areas that are missing (run at start; idempotent). */
  const ensureDefaultGovernmentAreas = () => ensureDefaultAreas(store);
  /** Adds the follow-up's project statuses that are missing (run at start; idempotent). */
  const ensureDefaultProjectStatuses = () => ensureDefaultStatuses(store);
  /** Re-stamps records stamped beyond the clock bound before it existed (run at start; idempotent). */
  const repairClocks = () => repairFutureStamps(store);
  return {
    auth,
    users,
    accounts,
    enrolment,
    setup,
    sync,
    review,
    importer,
    blobs,
    territory,
    mapPacks,
    publicPage,
    ensureDefaultRubrics,
    ensureDefaultGovernmentAreas,
    ensureDefaultProjectStatuses,
    repairClocks,
  };
}

export type Services = ReturnType<typeof createServices>;

declare module 'fastify' {
  interface FastifyInstance {
    /** The app's services (setup code for the console, epoch rotation, tests). */
    services: Services;
  }
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    // Our own one-line request log (below) replaces Fastify's, which would log URLs and headers.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: PROTOCOL_LIMITS.maxPushBytes,
    // A client that stops sending mid-request (signal lost under a tree) must not hold a socket forever.
    requestTimeout: 120_000,
    trustProxy: options.config.trustProxy,
    clientErrorHandler: createClientErrorHandler(SECURITY_HEADERS),
    frameworkErrors: createFrameworkErrorHandler(SECURITY_HEADERS),
    // Node would refuse an HTTP/1.1 request without Host with a bare 400; the hook below
    // refuses it with the contract's error body instead.
    http: { requireHostHeader: false },
  });

  // Only JSON bodies: anything else on a JSON endpoint is a 415. An empty JSON body counts as no body.
  app.removeAllContentTypeParsers();
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text === '') return done(null, undefined);
    parseJson(request, text, (error, value) => {
      if (error) return done(error);
      if (nestedDeeperThan(value, MAX_JSON_DEPTH)) return done(tooDeep());
      done(null, value);
    });
  });

  app.addHook('onRequest', async (request) => {
    if (request.raw.httpVersion === '1.1' && !request.headers.host) throw missingHost();
  });
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.headers(SECURITY_HEADERS);
    return payload;
  });
  app.addHook('onResponse', async (request, reply) => {
    request.log.info(
      {
        method: request.method,
        route: request.routeOptions.url ?? '(none)',
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
      },
      'request',
    );
  });
  registerErrorHandler(app);
  // JSON answers (pull pages above all) and other text, brotli or gzip as the client accepts;
  // files already compressed (the build's .br/.gz, photos, map packs) pass through untouched.
  await app.register(fastifyCompress, { global: true, encodings: ['br', 'gzip'], threshold: 1024 });
  decorateAuth(app);
  // Routes declare zod schemas: validated here, documented by the OpenAPI generator (registered first).
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  await registerOpenApi(app, options.config.version);

  const services = createServices(options);
  app.decorate('services', services);
  registerMetaRoutes(app, {
    auth: services.auth,
    storage: options.db.storage,
    version: options.config.version,
  });
  registerSetupRoutes(app, services.setup);
  registerAuthRoutes(app, services.auth);
  registerUsersRoutes(app, { auth: services.auth, users: services.users });
  registerAccountsRoutes(app, { auth: services.auth, accounts: services.accounts });
  registerEnrolmentRoutes(app, { auth: services.auth, enrolment: services.enrolment });
  registerSyncRoutes(app, { auth: services.auth, sync: services.sync });
  registerReviewRoutes(app, { auth: services.auth, review: services.review });
  await registerBlobRoutes(app, { auth: services.auth, blobs: services.blobs });
  registerImportRoutes(app, { auth: services.auth, importer: services.importer });
  registerTerritoryRoutes(app, { auth: services.auth, territory: services.territory });
  await registerMapPackRoutes(app, { auth: services.auth, mapPacks: services.mapPacks });
  registerPublicPageRoutes(app, { publicPage: services.publicPage });
  await registerStaticRoutes(app, options.config.staticDir);

  await services.setup.prepare();
  return app;
}
