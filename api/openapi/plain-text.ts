/**
 * The text rule of every input edge (domain/input-text.ts: no control characters; tab, line feed
 * and carriage return only in a body's text) written into the document's request schemas, for
 * every string and every property name, so that a client or schemathesis reads the same rule the
 * server applies. Lone surrogates cannot be said in JSON Schema; generators never make them.
 * Patterns written for the document use `textClasses`, so they follow the rule by construction.
 */
type Schema = Record<string, unknown>;

const CONTROLS_IN_LINE = '\\u0000-\\u001f\\u007f-\\u009f';
const CONTROLS_IN_TEXT = '\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f';
/**
 * ECMA-262's white space that is not a control character: with the controls, exactly what trim()
 * removes and JS's `\\s` matches (spelt out: other regex engines, Python's, read `\\s` otherwise).
 */
const SPACES = ' \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff';

/** Regular-expression classes of the characters the server accepts, for patterns written by hand. */
export function textClasses(multiLine: boolean) {
  const controls = multiLine ? CONTROLS_IN_TEXT : CONTROLS_IN_LINE;
  return {
    /** Any accepted character. */
    any: `[^${controls}]`,
    /** Accepted white space (trim() removes it). */
    space: multiLine ? `[\\t\\n\\r${SPACES}]` : `[${SPACES}]`,
    /** An accepted character that is not white space. */
    visible: `[^${SPACES}${CONTROLS_IN_LINE}]`,
    /** Accepted, and neither white space nor one of `also`. */
    visibleBut: (also: string) => `[^${SPACES}${also}${CONTROLS_IN_LINE}]`,
    /** Accepted, and not one of `also`. */
    anyBut: (also: string) => `[^${also}${controls}]`,
  };
}

const LINE_PATTERN = `^${textClasses(false).any}*$`;
const TEXT_PATTERN = `^${textClasses(true).any}*$`;

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
  // A string with a pattern already says which characters it takes (written with textClasses, or a
  // list of allowed ones such as ^[a-z0-9-]+$); one pattern keeps it easy to generate from.
  const patterned = node.pattern !== undefined || node.allOf !== undefined || node.enum || node.const;
  if (types.includes('string') && node.format !== 'binary' && !patterned) {
    node.pattern = multiLine ? TEXT_PATTERN : LINE_PATTERN;
  }
  return node;
}

/** Every request parameter and body of the document's paths, with the text rule. */
export function withPlainTextRequests(paths: Record<string, Record<string, Schema>>): void {
  for (const operations of Object.values(paths)) {
    for (const operation of Object.values(operations)) {
      const parameters = operation.parameters as Schema[] | undefined;
      if (parameters) {
        // Headers and cookies are not read as text input; the path and the query are.
        operation.parameters = parameters.map((p) =>
          p.in !== 'query' && p.in !== 'path'
            ? p
            : {
                ...p,
                ...(p.schema ? { schema: plainText(p.schema, false) } : {}),
                // JSON in a query value (a list's filter) escapes its line breaks, and is read as a body's text.
                ...(p.content ? { content: contentWithPlainText(p.content as Schema, () => true) } : {}),
              },
        );
      }
      const body = operation.requestBody as Schema | undefined;
      if (body?.content) {
        // A body's text may hold lines, whatever its type (JSON, multipart, an Open311 form).
        operation.requestBody = { ...body, content: contentWithPlainText(body.content as Schema, () => true) };
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
