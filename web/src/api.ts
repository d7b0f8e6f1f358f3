// The suite's API as the page calls it: gRPC-Web (binary) on the page's own origin, through the gateway, with the
// clients generated from protos/ (web/buf.gen.yaml). Every call carries the bearer token; an UNAUTHENTICATED answer
// (expired or revoked token) sends the reader back to sign-in.
import { Code, ConnectError, createClient, type Client, type Interceptor } from "@connectrpc/connect";
import { createGrpcWebTransport } from "@connectrpc/connect-web";
import { OverviewService } from "./gen/industry/overview/v1/overview_service_pb.js";
import { ProjectService } from "./gen/industry/projects/v1/project_service_pb.js";
import { ReferenceService } from "./gen/industry/reference/v1/reference_service_pb.js";

export interface Api {
  overview: Client<typeof OverviewService>;
  projects: Client<typeof ProjectService>;
  reference: Client<typeof ReferenceService>;
  /** Whether the gateway refused the token: the page has gone back to sign-in, and nothing more is drawn. */
  refused(): boolean;
}

export function createApi(token: string, onUnauthenticated: () => void): Api {
  let refused = false;
  const bearer: Interceptor = (next) => async (request) => {
    request.header.set("authorization", `Bearer ${token}`);
    try {
      return await next(request);
    } catch (error) {
      if (ConnectError.from(error).code === Code.Unauthenticated && !refused) {
        refused = true;
        onUnauthenticated();
      }
      throw error;
    }
  };
  const transport = createGrpcWebTransport({
    baseUrl: location.origin,
    useBinaryFormat: true,
    interceptors: [bearer],
    defaultTimeoutMs: 30_000,
  });
  return {
    overview: createClient(OverviewService, transport),
    projects: createClient(ProjectService, transport),
    reference: createClient(ReferenceService, transport),
    refused: () => refused,
  };
}

/** A call's failure in the reader's words, with the gRPC code for whoever reports it. */
export function describeError(error: unknown): string {
  const connect = ConnectError.from(error);
  return `${Code[connect.code] ?? connect.code}: ${connect.rawMessage}`;
}
