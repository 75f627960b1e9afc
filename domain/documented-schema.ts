/**
 * What JSON Schema can say about a zod refinement or transform, kept beside it: `.refine()` and
 * `.transform()` are invisible to zod-to-json-schema, so the OpenAPI document (api/openapi/) would
 * accept what the server refuses. `documented(schema, keywords)` adds JSON Schema keywords that
 * say the same as the refinement; `documentedAs(schema, jsonSchema)` says all of it (a query value
 * the server splits and trims, say). Either may be a function of the converter, to reuse the zod
 * schemas the refinement itself checks with. The document applies them wherever the schema appears.
 */
import type { z } from 'zod';

type JsonSchema = Record<string, unknown>;
type Keywords = JsonSchema | ((toJsonSchema: (schema: z.ZodTypeAny) => JsonSchema) => JsonSchema);

interface Documentation {
  keywords: Keywords;
  replaces: boolean;
}

const documentation = new WeakMap<object, Documentation>();

export function documented<S extends z.ZodTypeAny>(schema: S, keywords: Keywords): S {
  documentation.set(schema._def as object, { keywords, replaces: false });
  return schema;
}

export function documentedAs<S extends z.ZodTypeAny>(schema: S, jsonSchema: Keywords): S {
  documentation.set(schema._def as object, { keywords: jsonSchema, replaces: true });
  return schema;
}

/** The JSON Schema of this zod definition, given what was documented for it (if anything). */
export function withDocumentation<J extends object | undefined>(
  def: object,
  converted: J,
  toJsonSchema: (schema: z.ZodTypeAny) => JsonSchema,
): J {
  const found = documentation.get(def);
  if (!found) return converted;
  const keywords = typeof found.keywords === 'function' ? found.keywords(toJsonSchema) : found.keywords;
  return (found.replaces ? keywords : { ...converted, ...keywords }) as J;
}
