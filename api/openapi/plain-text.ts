/**
 * The text rule of every input edge (domain/input-text.ts: no control characters; tab, line feed
 * and carriage return only in a body's text) written into the document's request schemas, for
 * every string and every property name, so that a client or schemathesis reads the same rule the
 * server applies. Lone surrogates cannot be said in JSON Schema; generators never make them.
 */
type Schema = Record<string, unknown>;

export const LINE_PATTERN = '^[^\\u0000-\\u001f\\u007f-\\u009f]*$';
export const TEXT_PATTERN = '^[^\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f]*$';

const SUBSCHEMA_LISTS = ['anyOf', 'allOf', 'oneOf', 'prefixItems'];
const SUBSCHEMAS = ['items', 'additionalProperties', 'not'];

/** A copy of `schema` whose strings follow the text rule: single-line (URLs, forms) or not (JSON). */
export function plainText(schema: unknown, multiLine: boolean): unknown {
  if (!schema || typeof schema !== 'object' || Array.isArray(schema)) return schema;
  const node: Schema = { ...(schema as Schema) };
  for (const key of SUBSCHEMA_LISTS) {
    if (Array.isArray(node[key])) node[key] = (node[key] as unknown[]).map((s) => plainText(s, multiLine));
  }
  for (const key of SUBSCHEMAS) if (node[key] !== undefined) node[key] = plainText(node[key], multiLine);
  if (node.properties) {
    node.properties = Object.fromEntries(
      Object.entries(node.properties as Schema).map(([name, s]) => [name, plainText(s, multiLine)]),
    );
  }
  const types = ([] as unknown[]).concat(node.type ?? []);
  if (types.includes('object') || node.properties) node.propertyNames = { pattern: LINE_PATTERN };
  if (types.includes('string') && node.format !== 'binary') {
    const pattern = multiLine ? TEXT_PATTERN : LINE_PATTERN;
    if (node.pattern === undefined) node.pattern = pattern;
    else node.allOf = [...((node.allOf as unknown[]) ?? []), { pattern }];
  }
  return node;
}

/** Every request parameter and body of the document's paths, with the text rule. */
export function withPlainTextRequests(paths: Record<string, Record<string, Schema>>): void {
  for (const operations of Object.values(paths)) {
    for (const operation of Object.values(operations)) {
      const parameters = operation.parameters as Schema[] | undefined;
      if (parameters) {
        operation.parameters = parameters.map((p) => ({
          ...p,
          ...(p.schema ? { schema: plainText(p.schema, false) } : {}),
          ...(p.content ? { content: contentWithPlainText(p.content as Schema, () => false) } : {}),
        }));
      }
      const body = operation.requestBody as Schema | undefined;
      if (body?.content) {
        // Form fields are read as a URL's are (one line); JSON and multipart text may hold lines.
        const multiLine = (type: string) => type !== 'application/x-www-form-urlencoded';
        operation.requestBody = { ...body, content: contentWithPlainText(body.content as Schema, multiLine) };
      }
    }
  }
}

function contentWithPlainText(content: Schema, multiLine: (type: string) => boolean): Schema {
  return Object.fromEntries(
    Object.entries(content as Record<string, Schema>).map(([type, media]) => [
      type,
      { ...media, schema: plainText(media.schema, multiLine(type)) },
    ]),
  );
}
