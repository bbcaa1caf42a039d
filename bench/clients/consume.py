"""librdkafka (confluent-kafka-python) consume catch-up throughput for bench/run.ts.

Usage: consume.py BOOTSTRAP TOPIC EXPECTED
Reads TOPIC from the beginning (no group commits) until EXPECTED messages arrived; prints one JSON line.
"""
import json
import sys
import time

from confluent_kafka import Consumer, TopicPartition, OFFSET_BEGINNING

bootstrap, topic, expected = sys.argv[1], sys.argv[2], int(sys.argv[3])
consumer = Consumer({
    'bootstrap.servers': bootstrap,
    'group.id': 'bench-catch-up',
    'enable.auto.commit': False,
    'fetch.max.bytes': 52_428_800,
    'max.partition.fetch.bytes': 10_485_760,
    'queued.max.messages.kbytes': 262_144,
})
consumer.assign([TopicPartition(topic, 0, OFFSET_BEGINNING)])
got = 0
size = 0
errors = 0
start = None
cpu0 = 0.0
deadline = time.monotonic() + 120
while got < expected and time.monotonic() < deadline:
    for msg in consumer.consume(num_messages=10_000, timeout=1.0):
        if msg.error():
            errors += 1
            continue
        if start is None:
            start = time.perf_counter()
            cpu0 = time.process_time()
        got += 1
        size += len(msg.value())
seconds = time.perf_counter() - (start or time.perf_counter())
cpu = time.process_time() - cpu0 if start else 0.0
consumer.close()
print(json.dumps({'messages': got, 'bytes': size, 'seconds': seconds, 'errors': errors + (expected - got), 'clientCpu': cpu / seconds if seconds else 0.0}))
