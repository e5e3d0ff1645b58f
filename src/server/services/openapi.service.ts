/**
 * `/api/v1/openapi.json`: an OpenAPI 3.1 description of every endpoint,
 * built from the same zod schemas the routes validate with (protocol.ts and
 * the services), so the document cannot drift from the code.
 */
import { z } from 'zod';
import {
  errorBodySchema,
  healthSchema,
  importReportSchema,
  loginRequestSchema,
  loginResponseSchema,
  pullResponseSchema,
  pushRequestSchema,
  pushResponseSchema,
  unsyncedFileSchema,
  userSchema,
} from '../../domain';
import { deviceViewSchema } from './auth.service';
import { blobComponents, blobPaths } from './blobs.openapi';
import { mapPackComponents, mapPackPaths } from './map-packs.openapi';
import { entitySchemasResponseSchema, toJsonSchema } from './schema.service';
import { setupRequestSchema, setupStatusSchema } from './setup.service';
import { rejectionViewSchema } from './sync.service';
import { territoryGeoJsonSchema, territoryImportReportSchema } from './territory.service';
import { createUserRequestSchema, userSummarySchema } from './users.service';

const components: Record<string, { schema: z.ZodType; io: 'input' | 'output' }> = {
  Error: { schema: errorBodySchema, io: 'output' },
  Health: { schema: healthSchema, io: 'output' },
  LoginRequest: { schema: loginRequestSchema, io: 'input' },
  LoginResponse: { schema: loginResponseSchema, io: 'output' },
  User: { schema: userSchema, io: 'output' },
  UserList: { schema: z.object({ users: z.array(userSummarySchema) }), io: 'output' },
  CreateUserRequest: { schema: createUserRequestSchema, io: 'input' },
  Device: { schema: deviceViewSchema, io: 'output' },
  DeviceList: { schema: z.object({ devices: z.array(deviceViewSchema) }), io: 'output' },
  SetupStatus: { schema: setupStatusSchema, io: 'output' },
  SetupRequest: { schema: setupRequestSchema, io: 'input' },
  PushRequest: { schema: pushRequestSchema, io: 'input' },
  PushResponse: { schema: pushResponseSchema, io: 'output' },
  PullResponse: { schema: pullResponseSchema, io: 'output' },
  RejectionList: { schema: z.object({ rejections: z.array(rejectionViewSchema) }), io: 'output' },
  EntitySchemas: { schema: entitySchemasResponseSchema, io: 'output' },
  UnsyncedFile: { schema: unsyncedFileSchema, io: 'input' },
  ImportReport: { schema: importReportSchema, io: 'output' },
  TerritoryGeoJson: { schema: territoryGeoJsonSchema, io: 'input' },
  TerritoryImportReport: { schema: territoryImportReportSchema, io: 'output' },
};
type ComponentName = keyof typeof components;

interface Operation {
  method: 'get' | 'post';
  path: string;
  summary: string;
  auth: boolean;
  body?: ComponentName;
  query?: { name: string; schema: Record<string, unknown>; description: string }[];
  pathParams?: string[];
  ok: { status: number; schema?: ComponentName; description: string };
  errors: number[];
}

const limitParam = { type: 'integer', minimum: 1, maximum: 1000, default: 500 };

const operations: Operation[] = [
  {
    method: 'get',
    path: '/api/v1/health',
    summary: 'Liveness and storage kind',
    auth: false,
    ok: { status: 200, schema: 'Health', description: 'Up' },
    errors: [],
  },
  {
    method: 'get',
    path: '/api/v1/schema',
    summary: 'JSON Schema of every synced entity',
    auth: true,
    ok: { status: 200, schema: 'EntitySchemas', description: 'Entity schemas' },
    errors: [401],
  },
  {
    method: 'get',
    path: '/api/v1/openapi.json',
    summary: 'This document',
    auth: true,
    ok: { status: 200, description: 'OpenAPI 3.1 document' },
    errors: [401],
  },
  {
    method: 'get',
    path: '/api/v1/setup',
    summary: 'Whether the server still needs its first admin',
    auth: false,
    ok: { status: 200, schema: 'SetupStatus', description: 'Setup status' },
    errors: [],
  },
  {
    method: 'post',
    path: '/api/v1/setup',
    summary: 'Create the first admin with the one-time setup code',
    auth: false,
    body: 'SetupRequest',
    ok: { status: 200, schema: 'LoginResponse', description: 'First admin created and signed in' },
    errors: [400, 403, 409, 415, 429],
  },
  {
    method: 'post',
    path: '/api/v1/auth/login',
    summary: 'Sign in a device',
    auth: false,
    body: 'LoginRequest',
    ok: { status: 200, schema: 'LoginResponse', description: 'Signed in' },
    errors: [400, 401, 415, 429],
  },
  {
    method: 'get',
    path: '/api/v1/auth/me',
    summary: 'The signed-in user and their scope',
    auth: true,
    ok: { status: 200, schema: 'User', description: 'The user' },
    errors: [401],
  },
  {
    method: 'post',
    path: '/api/v1/auth/logout',
    summary: 'Revoke this device’s token',
    auth: true,
    ok: { status: 204, description: 'Revoked' },
    errors: [401],
  },
  {
    method: 'get',
    path: '/api/v1/auth/devices',
    summary: 'Devices (tokens) of a user; own unless admin/coordinator',
    auth: true,
    query: [{ name: 'userId', schema: { type: 'string' }, description: 'Whose devices (default: yours)' }],
    ok: { status: 200, schema: 'DeviceList', description: 'Devices' },
    errors: [401, 403, 404],
  },
  {
    method: 'post',
    path: '/api/v1/auth/devices/{id}/revoke',
    summary: 'Revoke a device',
    auth: true,
    pathParams: ['id'],
    ok: { status: 200, schema: 'Device', description: 'The revoked device' },
    errors: [401, 403, 404],
  },
  {
    method: 'get',
    path: '/api/v1/users',
    summary: 'Users (all for admin/coordinator, else only yourself)',
    auth: true,
    ok: { status: 200, schema: 'UserList', description: 'Users' },
    errors: [401],
  },
  {
    method: 'post',
    path: '/api/v1/users',
    summary: 'Create a user (admin: any role; coordinator: facilitator/promoter)',
    auth: true,
    body: 'CreateUserRequest',
    ok: { status: 201, schema: 'User', description: 'Created' },
    errors: [400, 401, 403, 409, 415],
  },
  {
    method: 'post',
    path: '/api/v1/sync/push',
    summary: 'Push a batch of mutations (one transaction)',
    auth: true,
    body: 'PushRequest',
    ok: { status: 200, schema: 'PushResponse', description: 'Committed' },
    errors: [400, 401, 409, 413, 415],
  },
  {
    method: 'get',
    path: '/api/v1/sync/pull',
    summary: 'Pull changes after a cursor, in commit order',
    auth: true,
    query: [
      { name: 'cursor', schema: { type: 'string' }, description: 'Opaque cursor from the previous pull' },
      { name: 'limit', schema: limitParam, description: 'Page size' },
    ],
    ok: { status: 200, schema: 'PullResponse', description: 'A page of changes' },
    errors: [400, 401, 409],
  },
  {
    method: 'get',
    path: '/api/v1/sync/rejections',
    summary: 'Rejected mutations for review (admin/coordinator)',
    auth: true,
    query: [
      { name: 'userId', schema: { type: 'string' }, description: 'Only this user’s' },
      { name: 'limit', schema: limitParam, description: 'At most this many, newest first' },
    ],
    ok: { status: 200, schema: 'RejectionList', description: 'Rejections' },
    errors: [400, 401, 403],
  },
  {
    method: 'post',
    path: '/api/v1/sync/import',
    summary: 'Import a device’s unsynced-changes file (admin/coordinator; body ≤ 50 MiB)',
    auth: true,
    body: 'UnsyncedFile',
    ok: { status: 200, schema: 'ImportReport', description: 'Applied, unchanged and rejected records' },
    errors: [400, 401, 403, 413, 415],
  },
  {
    method: 'post',
    path: '/api/v1/territory/import',
    summary: 'Import neighbourhood units from GeoJSON (admin/coordinator; body ≤ 10 MiB; idempotent)',
    auth: true,
    body: 'TerritoryGeoJson',
    ok: {
      status: 200,
      schema: 'TerritoryImportReport',
      description: 'Units added, updated, unchanged and refused (with reasons), population, time',
    },
    errors: [400, 401, 403, 413, 415],
  },
];

const ERROR_TEXT: Record<number, string> = {
  400: 'Malformed request (invalid_json, invalid_request, invalid_cursor)',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'Conflict (mutation_gap, epoch_changed, username_taken, already_set_up)',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
};

const ref = (name: ComponentName) => ({ $ref: `#/components/schemas/${name}` });

function describe(op: Operation) {
  const responses: Record<string, unknown> = {
    [op.ok.status]: op.ok.schema
      ? { description: op.ok.description, content: { 'application/json': { schema: ref(op.ok.schema) } } }
      : { description: op.ok.description },
  };
  for (const status of op.errors) {
    responses[status] = {
      description: ERROR_TEXT[status],
      content: { 'application/json': { schema: ref('Error') } },
    };
  }
  const parameters = [
    ...(op.pathParams ?? []).map((name) => ({
      name,
      in: 'path',
      required: true,
      schema: { type: 'string' },
    })),
    ...(op.query ?? []).map((q) => ({
      name: q.name,
      in: 'query',
      required: false,
      schema: q.schema,
      description: q.description,
    })),
  ];
  return {
    summary: op.summary,
    operationId: `${op.method}${op.path.replace(/^\/api\/v1/, '').replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : ''))}`,
    ...(op.auth ? {} : { security: [] }),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(op.body
      ? { requestBody: { required: true, content: { 'application/json': { schema: ref(op.body) } } } }
      : {}),
    responses,
  };
}

let cached: Record<string, unknown> | null = null;

export function openApiDocument(version: string): Record<string, unknown> {
  if (cached) return cached;
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operations) (paths[op.path] ??= {})[op.method] = describe(op);
  Object.assign(paths, blobPaths, mapPackPaths);
  const schemas: Record<string, unknown> = {};
  for (const [name, c] of Object.entries(components)) schemas[name] = toJsonSchema(c.schema, c.io);
  Object.assign(schemas, blobComponents, mapPackComponents);
  cached = {
    openapi: '3.1.0',
    info: { title: 'Tequio sync API', version, description: 'REST contract of spec/sync-protocol.md (v1).' },
    servers: [{ url: '/' }],
    security: [{ bearerAuth: [] }],
    paths,
    components: { schemas, securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer' } } },
  };
  return cached;
}
