"""Quickstart: one authenticated gRPC call through the gateway (grpcio) and one event (pika).

Binds a queue to the ClusterCreated exchange, creates a cluster and reads it back over gRPC, then waits for the
ClusterCreated event about that cluster and decodes it into the generated class. Prints three lines (README.md) and
exits 0; on any failure prints "quickstart failed: ..." on stderr and exits 1.
Settings come from INDUSTRY_GATEWAY_GRPC, INDUSTRY_TOKEN and INDUSTRY_AMQP_URL (examples/README.md).
"""
import os
import sys
import time
import uuid
from urllib.parse import urlparse

# The classes generate.sh wrote beside this file.
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "gen"))

import grpc  # noqa: E402
import pika  # noqa: E402
from google.protobuf import json_format  # noqa: E402

from industry.clusters.v1 import cluster_pb2, cluster_service_pb2, cluster_service_pb2_grpc, events_pb2  # noqa: E402

EXCHANGE = "industry.clusters.v1.cluster-created"  # docs/events.md §6
CALL_TIMEOUT_SECONDS = 15
EVENT_TIMEOUT_SECONDS = 30


class QuickstartError(Exception):
    """A failure with a message for the user."""


def setting(name, default=None):
    value = os.environ.get(name, default)
    if not value:
        raise QuickstartError(f"{name} is not set (see examples/README.md)")
    return value


def gateway_channel(address):
    """http://host:port is plaintext HTTP/2 (the local suite); https://host:port uses TLS."""
    url = urlparse(address)
    if url.scheme not in ("http", "https") or not url.netloc:
        raise QuickstartError(f"INDUSTRY_GATEWAY_GRPC must look like http://host:port, not {address!r}")
    if url.scheme == "https":
        return grpc.secure_channel(url.netloc, grpc.ssl_channel_credentials())
    return grpc.insecure_channel(url.netloc)


def wait_for_event(channel, queue, subject):
    """The ClusterCreated whose subject is the cluster we created; other clusters' events are skipped."""
    deadline = time.monotonic() + EVENT_TIMEOUT_SECONDS
    for method, properties, body in channel.consume(queue, inactivity_timeout=1):
        if method is not None:
            channel.basic_ack(method.delivery_tag)
            event = json_format.Parse(body, events_pb2.ClusterCreated(), ignore_unknown_fields=True)
            if event.metadata.subject == subject:
                channel.cancel()
                return event, properties
        if time.monotonic() > deadline:
            channel.cancel()
            raise QuickstartError(f"no {EXCHANGE} event about {subject} within {EVENT_TIMEOUT_SECONDS} s")


def run():
    token = setting("INDUSTRY_TOKEN")
    grpc_address = setting("INDUSTRY_GATEWAY_GRPC", "http://127.0.0.1:7000")
    amqp_url = setting("INDUSTRY_AMQP_URL", "amqp://guest:guest@127.0.0.1:5672/")
    auth = [("authorization", f"Bearer {token}")]

    # Subscribe before writing: a fanout exchange drops what it publishes while no queue is bound.
    broker = urlparse(amqp_url)
    try:
        connection = pika.BlockingConnection(pika.URLParameters(amqp_url))
    except pika.exceptions.AMQPConnectionError as error:
        raise QuickstartError(f"cannot connect to the broker at {broker.hostname}:{broker.port}: {error!r}") from error
    try:
        channel = connection.channel()
        queue = channel.queue_declare(queue="", exclusive=True).method.queue
        channel.queue_bind(queue=queue, exchange=EXCHANGE)

        cluster_id = f"quickstart-{uuid.uuid4().hex[:12]}"
        with gateway_channel(grpc_address) as grpc_channel:
            clusters = cluster_service_pb2_grpc.ClusterServiceStub(grpc_channel)
            created = clusters.CreateCluster(
                cluster_service_pb2.CreateClusterRequest(
                    cluster_id=cluster_id,
                    cluster=cluster_pb2.Cluster(
                        display_name=f"快速入门集群 {cluster_id}",
                        kind=cluster_pb2.CLUSTER_KIND_ADVANCED_MANUFACTURING,
                        industry="industries/IT",
                        lead_division_code="340104",
                    ),
                    request_id=str(uuid.uuid4()),  # a retry with the same id cannot create a second cluster
                ),
                metadata=auth,
                timeout=CALL_TIMEOUT_SECONDS,
            )
            print(f"created {created.name}", flush=True)
            read = clusters.GetCluster(
                cluster_service_pb2.GetClusterRequest(name=created.name), metadata=auth, timeout=CALL_TIMEOUT_SECONDS
            )
            print(f"read {read.name} state={cluster_pb2.ClusterState.Name(read.state)} city={read.city_code}", flush=True)

        event, properties = wait_for_event(channel, queue, created.name)
        print(
            f"event {event.metadata.event_type} subject={event.metadata.subject} "
            f"version={event.metadata.subject_version} id={properties.message_id}",
            flush=True,
        )
    finally:
        if connection.is_open:
            connection.close()


def main():
    try:
        run()
    except QuickstartError as error:
        message = str(error)
    except grpc.RpcError as error:
        message = f"gRPC call failed: {error.code().name}: {error.details()}"
    except (pika.exceptions.AMQPError, json_format.ParseError) as error:
        message = f"{type(error).__name__}: {error}"
    else:
        return 0
    print(f"quickstart failed: {message}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
