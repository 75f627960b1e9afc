/**
 * Workflow histories in proto3 JSON, the form Temporal's tools read and write (`temporal workflow
 * show --output json`, the replayer); used by the history export and the recorded test histories.
 *
 * Why not historyToJSON/historyFromJSON from @temporalio/common/lib/proto-utils: in this install
 * both throw "type must be a Type". The root node_modules holds protobufjs 7 (for @grpc/proto-loader),
 * so npm gives @temporalio/common, /proto and /worker each their own copy of protobufjs 8, and
 * common's JSON converter checks `instanceof Type` against its copy while the History type comes
 * from proto's. Here the converter is taken from the copy @temporalio/proto uses. When the tree
 * dedupes (one protobufjs 8 at the root), the SDK's helpers work again and this file can go.
 */
import path from 'node:path';
import * as proto from '@temporalio/proto';
import { patchProtobufRoot } from '@temporalio/proto/lib/patch-protobuf-root';

export type History = proto.temporal.api.history.v1.IHistory;

interface ProtoJson {
  toJson(type: unknown, message: unknown): unknown;
  fromJson(type: unknown, json: unknown, options?: { ignoreUnknownFields?: boolean }): unknown;
}

// Through this module system's require, so that Jest's registry holds one copy of each.
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

export function historyFromJSON(json: unknown): History {
  // Tolerates fields a newer server adds, as the SDK's own reader does.
  return protojson.fromJson(historyType, json, { ignoreUnknownFields: true }) as History;
}
