// Quickstart: one authenticated gRPC call through the gateway (Connect) and one event (amqplib), with the
// @industry/contracts npm package. Binds a queue to the ClusterCreated exchange, creates a cluster and reads it back
// over gRPC, then waits for the ClusterCreated event about that cluster and decodes it into the generated type.
// Prints three lines (README.md) and exits 0; on any failure prints "quickstart failed: ..." on stderr and exits 1.
// Settings come from INDUSTRY_GATEWAY_GRPC, INDUSTRY_TOKEN and INDUSTRY_AMQP_URL (examples/README.md).
import { randomUUID } from "node:crypto";
import { fromJson } from "@bufbuild/protobuf";
import { Code, ConnectError, createClient } from "@connectrpc/connect";
import { createGrpcTransport } from "@connectrpc/connect-node";
import amqp from "amqplib";
import { ClusterKind, ClusterStateSchema, type ClusterState } from "@industry/contracts/industry/clusters/v1/cluster_pb";
import { ClusterService } from "@industry/contracts/industry/clusters/v1/cluster_service_pb";
import { ClusterCreatedSchema, type ClusterCreated } from "@industry/contracts/industry/clusters/v1/events_pb";

const EXCHANGE = "industry.clusters.v1.cluster-created"; // docs/events.md §6
const CALL_TIMEOUT_MS = 15_000;
const EVENT_TIMEOUT_MS = 30_000;

class QuickstartError extends Error {}

function setting(name: string, fallback?: string): string {
  const value = process.env[name] || fallback;
  if (!value) {
    throw new QuickstartError(`${name} is not set (see examples/README.md)`);
  }
  return value;
}

/** The enum value's name as the proto (and the JSON mapping) spells it: CLUSTER_STATE_CULTIVATING. */
function protoName(state: ClusterState): string {
  return ClusterStateSchema.values.find((v) => v.number === state)?.name ?? String(state);
}

/** gRPC status codes as the protocol names them (Unauthenticated -> UNAUTHENTICATED). */
function upperSnake(code: Code): string {
  return Code[code].replace(/(?<=[a-z])(?=[A-Z])/g, "_").toUpperCase();
}

async function run(): Promise<void> {
  const token = setting("INDUSTRY_TOKEN");
  const gateway = setting("INDUSTRY_GATEWAY_GRPC", "http://127.0.0.1:7000");
  const broker = setting("INDUSTRY_AMQP_URL", "amqp://guest:guest@127.0.0.1:5672/");
  const headers = { authorization: `Bearer ${token}` };

  // Subscribe before writing: a fanout exchange drops what it publishes while no queue is bound.
  const connection = await amqp.connect(broker);
  try {
    const channel = await connection.createChannel();
    const { queue } = await channel.assertQueue("", { exclusive: true, autoDelete: true });
    await channel.bindQueue(queue, EXCHANGE, "");
    // Events are kept by subject as they arrive: ours may come before the create call's answer does.
    const events = new Map<string, [ClusterCreated, string]>();
    let arrivedOne = () => {};
    await channel.consume(queue, (message) => {
      if (message === null) {
        return;
      }
      channel.ack(message);
      // ignoreUnknownFields: v1 may add fields.
      const event = fromJson(ClusterCreatedSchema, JSON.parse(message.content.toString("utf8")), { ignoreUnknownFields: true });
      events.set(event.metadata?.subject ?? "", [event, String(message.properties.messageId)]);
      arrivedOne();
    });

    // http:// is plaintext HTTP/2 (the local suite); https:// uses TLS.
    const clusters = createClient(ClusterService, createGrpcTransport({ baseUrl: gateway }));
    const clusterId = `quickstart-${randomUUID().replaceAll("-", "").slice(0, 12)}`;
    const created = await clusters.createCluster(
      {
        clusterId,
        cluster: {
          displayName: `快速入门集群 ${clusterId}`,
          kind: ClusterKind.ADVANCED_MANUFACTURING,
          industry: "industries/IT",
          leadDivisionCode: "340104",
        },
        requestId: randomUUID(), // a retry with the same id cannot create a second cluster
      },
      { headers, timeoutMs: CALL_TIMEOUT_MS },
    );
    console.log(`created ${created.name}`);
    const read = await clusters.getCluster({ name: created.name }, { headers, timeoutMs: CALL_TIMEOUT_MS });
    console.log(`read ${read.name} state=${protoName(read.state)} city=${read.cityCode}`);

    // Other clusters' events arrive on the same exchange: wait for the one about ours.
    const [event, messageId] = await new Promise<[ClusterCreated, string]>((resolve, reject) => {
      const timer = setTimeout(() => reject(new QuickstartError(`no ${EXCHANGE} event about ${created.name} within ${EVENT_TIMEOUT_MS / 1000} s`)), EVENT_TIMEOUT_MS);
      arrivedOne = () => {
        const ours = events.get(created.name);
        if (ours) {
          clearTimeout(timer);
          resolve(ours);
        }
      };
      arrivedOne();
    });
    const metadata = event.metadata!;
    console.log(`event ${metadata.eventType} subject=${metadata.subject} version=${metadata.subjectVersion} id=${messageId}`);
  } finally {
    await connection.close();
  }
}

try {
  await run();
} catch (error) {
  const message = error instanceof ConnectError ? `gRPC call failed: ${upperSnake(error.code)}: ${error.rawMessage}`
    : error instanceof Error ? error.message
    : String(error);
  console.error(`quickstart failed: ${message}`);
  process.exitCode = 1;
}
