/**
 * The parts of `/api/docs-json` (OpenAPI 3) the hostile-input suite walks: every operation with its
 * path, query and header parameters and its request body, `$ref`s resolved.
 */

export interface Schema {
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  default?: unknown;
  nullable?: boolean;
  maxLength?: number;
  minLength?: number;
  minimum?: number;
  maximum?: number;
  maxItems?: number;
  minItems?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  $ref?: string;
}

interface RawParameter {
  in: 'path' | 'query' | 'header' | 'cookie';
  name: string;
  required?: boolean;
  schema?: Schema;
}

interface RawOperation {
  parameters?: RawParameter[];
  requestBody?: { content: Record<string, { schema?: Schema }> };
  security?: unknown[];
}

export interface ApiDocument {
  paths: Record<string, Record<string, RawOperation>>;
  components?: { schemas?: Record<string, Schema> };
}

export interface Parameter {
  name: string;
  required: boolean;
  schema: Schema;
}

export interface Operation {
  /** `PUT /api/v1/sla/calendars/{calendarId}/working-hours`: how the known-failure list names it. */
  key: string;
  method: string;
  path: string;
  pathParams: Parameter[];
  query: Parameter[];
  headers: Parameter[];
  /** The JSON body's schema, when the operation takes one. */
  jsonBody?: Schema;
  /** The operation takes a multipart upload instead of JSON. */
  multipart: boolean;
  /** No bearer token needed (login, refresh, logout). */
  public: boolean;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** A schema with its `$ref`s replaced by what they name (cycles stop at the second visit). */
export function resolveSchema(doc: ApiDocument, schema: Schema | undefined, seen: string[] = []): Schema {
  if (!schema) return {};
  if (schema.$ref) {
    if (seen.includes(schema.$ref)) return { type: 'object' };
    const name = schema.$ref.replace('#/components/schemas/', '');
    return resolveSchema(doc, doc.components?.schemas?.[name], [...seen, schema.$ref]);
  }
  const out: Schema = { ...schema };
  if (schema.items) out.items = resolveSchema(doc, schema.items, seen);
  if (schema.properties) {
    out.properties = Object.fromEntries(
      Object.entries(schema.properties).map(([k, v]) => [k, resolveSchema(doc, v, seen)]),
    );
  }
  return out;
}

/** Every operation of the document, in a stable order (path, then method). */
export function operationsOf(doc: ApiDocument): Operation[] {
  const out: Operation[] = [];
  for (const path of Object.keys(doc.paths).sort()) {
    const ops = doc.paths[path];
    for (const method of METHODS) {
      const op = ops[method];
      if (!op) continue;
      const params = (op.parameters ?? []).map((p) => ({
        in: p.in,
        name: p.name,
        required: !!p.required,
        schema: resolveSchema(doc, p.schema),
      }));
      // Swagger lists a header twice when a controller names it in two spellings; headers are one.
      const headers = new Map<string, Parameter>();
      for (const h of params.filter((p) => p.in === 'header')) {
        const name = h.name.toLowerCase();
        headers.set(name, { ...h, name, required: h.required || !!headers.get(name)?.required });
      }
      const content = op.requestBody?.content ?? {};
      const json = content['application/json'];
      out.push({
        key: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        pathParams: params.filter((p) => p.in === 'path'),
        query: params.filter((p) => p.in === 'query'),
        headers: [...headers.values()],
        jsonBody: json ? resolveSchema(doc, json.schema) : undefined,
        multipart: !!content['multipart/form-data'],
        public: !op.security?.length,
      });
    }
  }
  return out;
}
