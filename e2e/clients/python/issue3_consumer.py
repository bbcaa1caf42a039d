"""Group consumer for brooklet's issue-3 e2e tests (run with Debian's /usr/bin/python3).

usage: issue3_consumer.py LIB BOOTSTRAP GROUP TOPIC [--instance ID] [--assignor NAME] [--session-ms N] [--max-seconds N] [--debug]
LIB is 'confluent' (confluent-kafka 1.7 on librdkafka 2.0.2) or 'kafkapython' (kafka-python 2.0.2).
Prints one JSON object per line: {"e":"assign"|"revoke","partitions":[..]}, {"e":"m","p":..,"o":..,"v":..},
{"e":"closed"}. SIGTERM closes the consumer cleanly (commit + LeaveGroup); the process always exits after
--max-seconds so a broken broker cannot hang the test suite.
"""
import argparse
import json
import signal
import sys
import time

stop = False


def out(obj):
    sys.stdout.write(json.dumps(obj) + "\n")
    sys.stdout.flush()


def on_term(_sig, _frame):
    global stop
    stop = True


def run_confluent(a):
    from confluent_kafka import Consumer

    conf = {
        "bootstrap.servers": a.bootstrap,
        "group.id": a.group,
        "client.id": "issue3-confluent",
        "auto.offset.reset": "earliest",
        "enable.auto.commit": True,
        "auto.commit.interval.ms": 300,
        "session.timeout.ms": a.session_ms,
        "heartbeat.interval.ms": 500,
        "topic.metadata.refresh.interval.ms": 2000,
    }
    if a.instance:
        conf["group.instance.id"] = a.instance
    if a.assignor:
        conf["partition.assignment.strategy"] = a.assignor
    if a.debug:
        conf["debug"] = "cgrp,protocol"
    c = Consumer(conf)

    owned = set()

    cooperative = a.assignor == "cooperative-sticky"

    # With cooperative-sticky (KIP-429) the callbacks carry only the increment, so track the full set; the
    # binding itself calls (incremental_)assign after the callback.
    def assigned(_c, parts):
        if not cooperative:
            owned.clear()
        owned.update(p.partition for p in parts)
        out({"e": "assign", "partitions": sorted(owned)})

    def revoked(_c, parts):
        if cooperative:
            owned.difference_update(p.partition for p in parts)
        else:
            owned.clear()
        out({"e": "assign" if owned else "revoke", "partitions": sorted(owned)})

    c.subscribe([a.topic], on_assign=assigned, on_revoke=revoked)
    deadline = time.time() + a.max_seconds
    while not stop and time.time() < deadline:
        msg = c.poll(0.2)
        if msg is None:
            continue
        if msg.error():
            out({"e": "error", "error": str(msg.error())})
            continue
        out({"e": "m", "p": msg.partition(), "o": msg.offset(), "v": (msg.value() or b"").decode()})
    c.close()
    out({"e": "closed"})


def run_kafkapython(a):
    from kafka import KafkaConsumer, ConsumerRebalanceListener

    class Listener(ConsumerRebalanceListener):
        def on_partitions_assigned(self, assigned):
            out({"e": "assign", "partitions": sorted(p.partition for p in assigned)})

        def on_partitions_revoked(self, revoked):
            out({"e": "revoke", "partitions": sorted(p.partition for p in revoked)})

    c = KafkaConsumer(
        bootstrap_servers=a.bootstrap,
        group_id=a.group,
        client_id="issue3-kafkapython",
        auto_offset_reset="earliest",
        enable_auto_commit=True,
        auto_commit_interval_ms=300,
        session_timeout_ms=a.session_ms,
        heartbeat_interval_ms=500,
        metadata_max_age_ms=2000,
    )
    c.subscribe([a.topic], listener=Listener())
    deadline = time.time() + a.max_seconds
    while not stop and time.time() < deadline:
        batches = c.poll(timeout_ms=200)
        for tp, records in batches.items():
            for r in records:
                out({"e": "m", "p": tp.partition, "o": r.offset, "v": (r.value or b"").decode()})
    c.close(autocommit=True)
    out({"e": "closed"})


def main():
    p = argparse.ArgumentParser()
    p.add_argument("lib", choices=["confluent", "kafkapython"])
    p.add_argument("bootstrap")
    p.add_argument("group")
    p.add_argument("topic")
    p.add_argument("--instance", default=None)
    p.add_argument("--session-ms", type=int, default=6000)
    p.add_argument("--max-seconds", type=float, default=50)
    p.add_argument("--assignor", default=None, help="confluent only: partition.assignment.strategy")
    p.add_argument("--debug", action="store_true")
    a = p.parse_args()
    signal.signal(signal.SIGTERM, on_term)
    if a.debug:
        import logging
        logging.basicConfig(level=logging.DEBUG, stream=sys.stderr)
    run_confluent(a) if a.lib == "confluent" else run_kafkapython(a)


if __name__ == "__main__":
    main()
