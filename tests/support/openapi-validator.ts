/**
 * Validates real answers against the OpenAPI document the API serves, so the document cannot
 * drift from what the API does (JSON Schema 2020-12, as OpenAPI 3.1 uses).
 */
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { buildOpenApiDocument } from '../../api/openapi/document';

const DOCUMENT_ID = 'https://field-report.local/api/openapi.json';
const document = buildOpenApiDocument();
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema({ ...document, $id: DOCUMENT_ID });

const pointer = (...segments: string[]) => segments.map((s) => s.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');

export function documentedOperations(): string[] {
  const paths = document.paths as Record<string, Record<string, unknown>>;
  return Object.entries(paths).flatMap(([path, methods]) =>
    Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
  );
}

/** Throws with ajv's explanation unless `body` is what the document says `METHOD path` answers with `status`. */
export function expectDocumented(method: string, path: string, status: number, body: unknown): void {
  const paths = document.paths as Record<
    string,
    Record<string, { responses?: Record<string, { content?: Record<string, unknown> }> }>
  >;
  const operation = paths[path]?.[method.toLowerCase()];
  if (!operation) throw new Error(`${method} ${path} is not in the OpenAPI document`);
  const response = operation.responses?.[String(status)];
  if (!response) throw new Error(`${method} ${path} does not document status ${status}`);
  // A file (an icon, a photo): its status is documented; only JSON bodies are checked here.
  if (response.content && !response.content['application/json']) return;
  if (!response.content) {
    if (
      body !== undefined &&
      body !== '' &&
      !(typeof body === 'object' && body !== null && Object.keys(body).length === 0)
    ) {
      throw new Error(`${method} ${path} ${status} documents no body`);
    }
    return;
  }
  const ref = `${DOCUMENT_ID}#/${pointer('paths', path, method.toLowerCase(), 'responses', String(status), 'content', 'application/json', 'schema')}`;
  const validate = ajv.getSchema(ref);
  if (!validate) throw new Error(`no schema at ${ref}`);
  if (!validate(body)) {
    throw new Error(
      `${method} ${path} ${status} does not match the document:\n${ajv.errorsText(validate.errors, { separator: '\n' })}\n${JSON.stringify(body).slice(0, 800)}`,
    );
  }
}
