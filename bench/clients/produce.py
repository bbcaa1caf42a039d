"""librdkafka (confluent-kafka-python) produce throughput for bench/run.ts.

Usage: produce.py BOOTSTRAP TOPIC COUNT SIZE ACKS [PARTITIONS]
PARTITIONS > 1 creates TOPIC first (CreateTopics); records without keys spread over the partitions.
Prints one JSON line: messages, bytes, seconds (first produce() to the last delivery report), errors.
"""
import json
import os
import sys
import time

from confluent_kafka import Producer
from confluent_kafka.admin import AdminClient, NewTopic

bootstrap, topic, count, size, acks = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
partitions = int(sys.argv[6]) if len(sys.argv) > 6 else 1
if partitions > 1:
    admin = AdminClient({'bootstrap.servers': bootstrap})  # kept referenced until the futures resolve
    for future in admin.create_topics([NewTopic(topic, partitions, 1)]).values():
        future.result(15)
producer = Producer({
    'bootstrap.servers': bootstrap,
    'acks': acks,
    'linger.ms': 5,
    # librdkafka's defaults already allow 1 MB batches; a deep queue keeps the socket busy.
    'batch.size': 1_000_000,
    'queue.buffering.max.messages': 1_000_000,
    'queue.buffering.max.kbytes': 1_048_576,
    'compression.type': 'none',
    'enable.idempotence': False,
})
errors = 0


def on_delivery(err, _msg):
    global errors
    if err is not None:
        errors += 1


# Warm-up: metadata, topic auto-creation and the first connection are not part of the figure.
producer.produce(topic, b'warm-up', on_delivery=on_delivery)
producer.flush(15)

values = [os.urandom(size) for _ in range(16)]
start = time.perf_counter()
cpu0 = time.process_time()
for i in range(count):
    while True:
        try:
            producer.produce(topic, values[i & 15], on_delivery=on_delivery)
            break
        except BufferError:
            producer.poll(0.001)
    if i & 1023 == 0:
        producer.poll(0)
remaining = producer.flush(120)
seconds = time.perf_counter() - start
print(json.dumps({'messages': count, 'bytes': count * size, 'seconds': seconds, 'errors': errors + remaining, 'clientCpu': (time.process_time() - cpu0) / seconds}))
