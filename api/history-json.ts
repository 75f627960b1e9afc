/**
 * A workflow history in proto3 JSON, the form Temporal's tools read and write (`temporal workflow
 * show --output json`, the replayer). Not the SDK's historyToJSON: in this install it throws "type
 * must be a Type" (two copies of protobufjs; tests/support/history-json.ts explains it), so the
 * converter is taken from the copy @temporalio/proto uses.
 */
import path from 'node:path';
import * as proto from '@temporalio/proto';
import { patchProtobufRoot } from '@temporalio/proto/lib/patch-protobuf-root';

export type History = proto.temporal.api.history.v1.IHistory;

interface ProtoJson {
  toJson(type: unknown, message: unknown): unknown;
}

const protojsonPath = require.resolve('protobufjs/ext/protojson', {
  paths: [path.dirname(require.resolve('@temporalio/proto'))],
});
// eslint-disable-next-line @typescript-eslint/no-require-imports
const protojson = require(protojsonPath) as ProtoJson;
const historyType = (patchProtobufRoot(proto) as unknown as { lookupType(name: string): unknown }).lookupType(
  'temporal.api.history.v1.History',
);

export function historyToJSON(history: History): unknown {
  return protojson.toJson(historyType, proto.temporal.api.history.v1.History.fromObject(history));
}
