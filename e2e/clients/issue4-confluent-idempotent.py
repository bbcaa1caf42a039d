"""confluent-kafka-python (librdkafka 2.0.2): idempotent producer, then a consumer that checks the log.

Usage: issue4-confluent-idempotent.py BOOTSTRAP TOPIC COUNT PARTITIONS
Produces COUNT messages (value = sequence number, key = sequence mod 16) with enable.idempotence=true and
acks=all, then reads every partition from the beginning and prints one JSON summary line on stdout.
"""
import json
import sys
import time

from confluent_kafka import OFFSET_BEGINNING, Consumer, KafkaError, Producer, TopicPartition

bootstrap, topic, count, partitions = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
summary = {"delivered": 0, "failed": 0, "errors": [], "events": []}


def on_delivery(err, msg):
    if err is None:
        summary["delivered"] += 1
    else:
        summary["failed"] += 1
        if len(summary["errors"]) < 5:
            summary["errors"].append(str(err))


def on_error(err):
    if len(summary["events"]) < 20:
        summary["events"].append(str(err))


producer = Producer({
    "bootstrap.servers": bootstrap,
    "enable.idempotence": True,
    "acks": "all",
    "linger.ms": 2,
    "batch.num.messages": 500,
    "message.timeout.ms": 120000,
    "reconnect.backoff.ms": 20,
    "reconnect.backoff.max.ms": 200,
    "error_cb": on_error,
})
for i in range(count):
    while True:
        try:
            producer.produce(topic, key=str(i % 16), value=str(i), on_delivery=on_delivery)
            break
        except BufferError:
            producer.poll(0.05)
    if i % 1000 == 0:
        producer.poll(0)
remaining = producer.flush(150)
summary["unflushed"] = remaining

consumer = Consumer({
    "bootstrap.servers": bootstrap,
    "group.id": "issue4-check-%d" % time.time_ns(),
    "enable.auto.commit": False,
    "enable.partition.eof": True,
})
consumer.assign([TopicPartition(topic, p, OFFSET_BEGINNING) for p in range(partitions)])
last = {}
seen = set()
duplicates = 0
order_violations = 0
eof = set()
deadline = time.time() + 120
while len(eof) < partitions and time.time() < deadline:
    msg = consumer.poll(1.0)
    if msg is None:
        continue
    if msg.error():
        if msg.error().code() == KafkaError._PARTITION_EOF:
            eof.add(msg.partition())
        continue
    eof.discard(msg.partition())
    value = int(msg.value())
    if value in seen:
        duplicates += 1
    seen.add(value)
    if last.get(msg.partition(), -1) >= value:
        order_violations += 1
    last[msg.partition()] = value
consumer.close()
summary.update({
    "consumed": len(seen) + duplicates,
    "distinct": len(seen),
    "duplicates": duplicates,
    "order_violations": order_violations,
    "missing": count - len(seen),
})
print(json.dumps(summary), flush=True)
