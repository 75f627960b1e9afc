/** Pieces every part of the OpenAPI document uses: references, JSON answers, errors, common headers. */
export type Operation = Record<string, unknown>;

export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
export const json = (schema: unknown, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
export const error = (description: string) => json(ref('Error'), description);

export const language = {
  name: 'Accept-Language',
  in: 'header',
  required: false,
  schema: { type: 'string', examples: ['vi', 'en'] },
  description: 'Messages and labels in Vietnamese (default) or English.',
};

export const idempotencyKey = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  schema: { type: 'string', maxLength: 200 },
  description: 'The same key always yields the same result; retries change nothing twice.',
};

/** A multipart/form-data body with one file in the field `file`. */
export const oneFile = {
  required: true,
  content: {
    'multipart/form-data': {
      schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } },
    },
  },
};

/**
 * A report's body: its JSON (`schema`, converted from the zod schema the route parses with), or
 * multipart/form-data with the same JSON in `report` and the files in `media`.
 */
export const reportBody = (schema: unknown) => ({
  required: true,
  content: {
    'application/json': { schema },
    'multipart/form-data': {
      schema: {
        type: 'object',
        required: ['report'],
        properties: {
          report: { type: 'string', description: 'The JSON report.' },
          media: { type: 'array', items: { type: 'string', format: 'binary' } },
        },
      },
    },
  },
});

/** What refuses a report before anything is recorded, whoever sends it. */
export const reportFailures = {
  413: error('A file or the body is too large, or too many files.'),
  415: error('A file is not a supported photo or video (checked by content).'),
  422: error('The report does not fit, or the Idempotency-Key was used for a different report.'),
  503: error('Temporarily unavailable; nothing was recorded. Send it again after Retry-After seconds.'),
};

/** A download of one table: Excel (.xlsx) or CSV with a UTF-8 byte order mark. */
export const spreadsheet = (description: string) => ({
  description,
  headers: {
    'Content-Disposition': { description: '`attachment; filename="<name>.<format>"`', schema: { type: 'string' } },
  },
  content: {
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
      schema: { type: 'string', format: 'binary' },
    },
    'text/csv; charset=utf-8': { schema: { type: 'string' } },
  },
});
