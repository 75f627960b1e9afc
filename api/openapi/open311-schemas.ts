/** Answers of Open311 GeoReport v2 (api/openapi/open311-paths.ts) as JSON Schema, as the standard words them. */
type Schema = Record<string, unknown>;

const string = { type: 'string' } as const;
const nullableString = { type: ['string', 'null'] } as const;

export const OPEN311_SCHEMAS: Record<string, Schema> = {
  Open311Errors: {
    type: 'array',
    minItems: 1,
    items: {
      type: 'object',
      required: ['code', 'description'],
      properties: { code: { type: 'integer' }, description: string },
    },
  },
  Open311Discovery: {
    type: 'object',
    required: ['changeset', 'contact', 'key_service', 'endpoints'],
    properties: {
      changeset: { type: 'string', format: 'date-time' },
      contact: string,
      key_service: string,
      endpoints: {
        type: 'array',
        items: {
          type: 'object',
          required: ['specification', 'url', 'changeset', 'type', 'formats'],
          properties: {
            specification: string,
            url: string,
            changeset: { type: 'string', format: 'date-time' },
            type: { enum: ['production', 'test'] },
            formats: { type: 'array', items: { enum: ['text/xml', 'application/json'] } },
          },
        },
      },
    },
  },
  Open311Service: {
    type: 'object',
    required: ['service_code', 'service_name', 'metadata', 'type'],
    properties: {
      service_code: string,
      service_name: string,
      description: nullableString,
      metadata: { type: 'boolean' },
      type: { enum: ['realtime', 'batch', 'blackbox'] },
      keywords: nullableString,
      group: nullableString,
    },
  },
  Open311ServiceDefinition: {
    type: 'object',
    required: ['service_code', 'attributes'],
    properties: {
      service_code: string,
      attributes: {
        type: 'array',
        items: { type: 'object', required: ['code', 'datatype', 'required', 'order'] },
      },
    },
  },
  Open311Request: {
    type: 'object',
    required: ['service_request_id', 'status', 'service_code', 'requested_datetime'],
    properties: {
      service_request_id: string,
      status: { enum: ['open', 'closed'] },
      service_code: string,
      requested_datetime: { type: 'string', format: 'date-time' },
    },
  },
  Open311Submitted: {
    type: 'object',
    required: ['service_request_id'],
    properties: { service_request_id: string, service_notice: string },
  },
  Open311Token: {
    type: 'object',
    required: ['service_request_id'],
    properties: { service_request_id: string, token: string },
  },
  Open311RequestUpdate: {
    type: 'object',
    required: ['update_id', 'service_request_id', 'status', 'updated_datetime'],
    properties: {
      update_id: string,
      service_request_id: string,
      status: { enum: ['open', 'closed'] },
      updated_datetime: { type: 'string', format: 'date-time' },
    },
  },
};
