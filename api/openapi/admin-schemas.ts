/** Answers of the back-office API (api/openapi/admin-paths.ts) as JSON Schema. */
type Schema = Record<string, unknown>;

const count = { type: 'integer', minimum: 0 } as const;

export const ADMIN_SCHEMAS: Record<string, Schema> = {
  AdminRecord: {
    type: 'object',
    description: 'A back-office record (react-admin reads its fields by name).',
    required: ['id'],
    properties: { id: { type: 'string' } },
  },
  CaseDiagram: {
    type: 'object',
    required: ['bpmnXml', 'elements'],
    properties: {
      bpmnXml: { type: 'string' },
      elements: { type: 'object', additionalProperties: { type: 'object', required: ['state'] } },
    },
  },
  TaskCounts: {
    type: 'object',
    required: ['mine', 'unitUnclaimed', 'overdue'],
    properties: { mine: count, unitUnclaimed: count, overdue: count },
  },
  UnreadCount: {
    type: 'object',
    required: ['count'],
    additionalProperties: false,
    properties: { count },
  },
};
