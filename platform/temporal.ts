/**
 * Connections to Temporal for the API (a lazy client, so the API starts and answers /healthz
 * while Temporal is down) and the registration of the case workflow's search attributes on a
 * cluster (the dev server gets them as start-up flags).
 */
import { Client, Connection } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import searchAttributes from '../workflows/search-attributes.json';
import type { Logger } from './logger';
import { payloadDataConverter, type PayloadKey } from './payload-codec';

export function createTemporalClient(options: {
  address: string;
  namespace: string;
  /** TEMPORAL_PAYLOAD_KEYS: payloads are encrypted with the first (platform/payload-codec.ts). */
  payloadKeys: readonly PayloadKey[] | undefined;
}): {
  client: Client;
  connection: Connection;
} {
  const connection = Connection.lazy({ address: options.address, connectTimeout: 5_000 });
  const client = new Client({
    connection,
    namespace: options.namespace,
    dataConverter: payloadDataConverter(options.payloadKeys),
  });
  return { client, connection };
}

const INDEXED_VALUE_TYPES: Record<string, temporal.api.enums.v1.IndexedValueType> = {
  Keyword: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
  Text: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_TEXT,
  Int: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_INT,
  Double: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_DOUBLE,
  Bool: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_BOOL,
  Datetime: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_DATETIME,
  KeywordList: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD_LIST,
};

/**
 * Adds the search attributes the namespace lacks. A cluster that cannot list or add them (a
 * restricted role, Temporal Cloud, the time-skipping test server) is logged, not fatal: the
 * operator registers them once, by hand.
 */
export async function ensureSearchAttributes(connection: Connection, namespace: string, logger: Logger): Promise<void> {
  const wanted = Object.entries(searchAttributes as Record<string, string>);
  let missing = wanted;
  try {
    const existing = await connection.operatorService.listSearchAttributes({ namespace });
    missing = wanted.filter(([name]) => !(name in (existing.customAttributes ?? {})));
    if (missing.length === 0) return;
    await connection.operatorService.addSearchAttributes({
      namespace,
      searchAttributes: Object.fromEntries(missing.map(([name, type]) => [name, INDEXED_VALUE_TYPES[type]!])),
    });
    logger.info({ added: missing.map(([name]) => name) }, 'registered search attributes');
  } catch (error) {
    logger.warn(
      { err: error, missing: missing.map(([name]) => name) },
      'could not register search attributes: ask the cluster operator to add them',
    );
  }
}
