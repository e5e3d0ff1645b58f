/**
 * Zod schemas as Fastify route schemas: routes declare their body, query and
 * params with the shared zod schemas (src/domain and the services), Fastify
 * validates with them before the handler runs, and the handler receives the
 * parsed value, typed. The same declarations feed the OpenAPI document
 * (openapi.ts), so what is validated and what is documented are one thing.
 *
 * A refusal keeps the contract's answer: 400 `invalid_request`, message
 * `Invalid body|query|params`, `details` listing each failing path (prefixed
 * with `query.` or `params.` outside the body).
 */
import type { FastifyRequest, FastifySchemaCompiler, FastifyTypeProvider } from 'fastify';
import { z, type ZodError } from 'zod';
import { ValidationFailed, type ErrorDetail } from '../services/errors';

/** Types `request.body`, `request.query` and `request.params` from the route's zod schemas. */
export interface ZodTypeProvider extends FastifyTypeProvider {
  validator: this['schema'] extends z.ZodType ? z.output<this['schema']> : unknown;
  serializer: this['schema'] extends z.ZodType ? z.input<this['schema']> : unknown;
}

type Part = 'body' | 'query' | 'params' | 'headers';
const PARTS: Record<string, Part> = {
  body: 'body',
  querystring: 'query',
  params: 'params',
  headers: 'headers',
};

/** Zod issues as `{ path: 'mutations.2.recordId', message }`. */
export function zodDetails(error: ZodError, prefix: (string | number)[] = []): ErrorDetail[] {
  return error.issues.map((issue) => ({
    path: [...prefix, ...issue.path].map(String).join('.') || '(root)',
    message: issue.message,
  }));
}

/** A request part its route's schema refused; errors.ts answers it as 400 invalid_request. */
export class InvalidRequestPart extends Error {
  constructor(
    readonly part: Part,
    readonly schema: z.ZodType,
    readonly error: ZodError,
  ) {
    super(`Invalid ${part}`);
    this.name = 'InvalidRequestPart';
  }

  /** The contract's refusal, with the issues of the value the handler would have seen. */
  toDomainError(request?: FastifyRequest): ValidationFailed {
    // Fastify hands an absent body to the validator as null; describe it as absent.
    const absent = this.part === 'body' && request !== undefined && request.body === undefined;
    const error = absent ? (this.schema.safeParse(undefined).error ?? this.error) : this.error;
    return new ValidationFailed(this.message, zodDetails(error, this.part === 'body' ? [] : [this.part]));
  }
}

export const validatorCompiler: FastifySchemaCompiler<z.ZodType> = ({ schema, httpPart, url }) => {
  if (!(schema instanceof z.ZodType)) throw new Error(`${url}: route schemas must be zod schemas`);
  const part = PARTS[httpPart ?? ''] ?? 'body';
  return (data) => {
    const result = schema.safeParse(data);
    return result.success
      ? { value: result.data }
      : { error: new InvalidRequestPart(part, schema, result.error) };
  };
};

/**
 * For routes whose raw bytes, names and headers their service checks (blobs
 * and map packs share those checks with the import path): the schemas only
 * describe the route.
 */
export const describeOnlyCompiler: FastifySchemaCompiler<unknown> = () => () => true;

/**
 * Answers are serialized as plain JSON, as without schemas: the declared
 * response schemas document the contract and do not filter what is sent.
 */
export const serializerCompiler = () => (data: unknown) => JSON.stringify(data);
