import { CanActivate, ExecutionContext, HttpException, HttpStatus } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { problemType } from '@ticketing/contracts';
import type { Request } from 'express';
import { jsonDepth } from './json-body.guard';
import { ValidationProblem } from './problem-details.filter';
import { findUnstorableText } from './unstorable-text';

/** The media types a JSON body may be sent as (the body parser reads the same). */
export const JSON_MEDIA_TYPES = ['application/json', 'application/*+json'];

const WRITES = new Set(['POST', 'PUT', 'PATCH']);
const MAX_DEPTH = 32;

/** What a route reads from the request, from its handler's parameter decorators. */
export interface RouteShape {
  /** `@Body()`: the route reads a JSON body. */
  takesBody: boolean;
  /** `@UploadedFile()` / `@UploadedFiles()`: the route reads a multipart upload instead. */
  takesUpload: boolean;
}

const shapes = new WeakMap<object, RouteShape>();

export function routeShape(controller: object, handler: { name: string }): RouteShape {
  const known = shapes.get(handler);
  if (known) return known;
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, handler.name) ?? {}) as Record<
    string,
    unknown
  >;
  const types = new Set(Object.keys(args).map((k) => Number(k.split(':')[0])));
  const shape = {
    takesBody: types.has(RouteParamtypes.BODY) || types.has(RouteParamtypes.RAW_BODY),
    takesUpload: types.has(RouteParamtypes.FILE) || types.has(RouteParamtypes.FILES),
  };
  shapes.set(handler, shape);
  return shape;
}

const carriesBody = (req: Request): boolean =>
  req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;

/**
 * The first check of every route's input, after authentication and before validation and any
 * handler (registered with `useGlobalGuards`, so it runs after the token guard, which Nest
 * registers as an application guard while the app is created):
 *
 * 1. A POST/PUT/PATCH that carries a body to a route reading a JSON body must send it as
 *    application/json or application/*+json: anything else is 415, never silently ignored. Routes
 *    taking a multipart upload and routes taking no body are left alone.
 * 2. No string in the path parameters, the query or a JSON body may hold text PostgreSQL or the
 *    JSON layer cannot store (NUL, lone surrogates): 400 naming the field.
 * 3. A PATCH with nothing to change — no field besides `expectedVersion` — is 400, so it can
 *    neither bump a version nor write an empty audit entry.
 */
export class EdgeInputGuard implements CanActivate {
  canActivate(ctx: ExecutionContext): boolean {
    if (ctx.getType() !== 'http') return true;
    const req = ctx.switchToHttp().getRequest<Request>();
    const shape = routeShape(ctx.getClass(), ctx.getHandler());
    const readsJson = WRITES.has(req.method) && shape.takesBody && !shape.takesUpload;

    if (readsJson && carriesBody(req) && !req.is(JSON_MEDIA_TYPES)) {
      throw new HttpException(
        {
          type: problemType('unsupportedMediaType'),
          title: 'Unsupported media type',
          detail: `send the body as application/json (got ${req.headers['content-type'] ?? 'no content type'})`,
        },
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
      );
    }

    const bad =
      findUnstorableText(req.params, 'params') ??
      findUnstorableText(req.query, 'query') ??
      (req.body !== undefined ? findUnstorableText(req.body) : undefined);
    if (bad) throw new ValidationProblem([{ field: bad.field, messages: [bad.message] }]);

    // The body parser's own guard checks application/json; other JSON types are held to the same.
    if (req.body !== undefined && req.is('+json') && !req.is('application/json')) {
      if (typeof req.body !== 'object' || req.body === null || Array.isArray(req.body))
        throw new ValidationProblem([
          { field: 'body', messages: ['the request body must be a JSON object'] },
        ]);
      if (jsonDepth(req.body, MAX_DEPTH) > MAX_DEPTH)
        throw new ValidationProblem([
          { field: 'body', messages: [`the request body is nested deeper than ${MAX_DEPTH} levels`] },
        ]);
    }

    if (req.method === 'PATCH' && readsJson && nothingToChange(req.body)) {
      throw new ValidationProblem([
        {
          field: 'body',
          messages: ['nothing to change: name at least one field to change besides expectedVersion'],
        },
      ]);
    }
    return true;
  }
}

/** No body, or an object whose only field (if any) is the version the caller saw. */
export function nothingToChange(body: unknown): boolean {
  if (body === undefined || body === null) return true;
  if (typeof body !== 'object' || Array.isArray(body)) return false;
  return Object.keys(body).every((k) => k === 'expectedVersion');
}
