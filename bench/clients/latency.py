"""End-to-end latency at a fixed rate (OpenMessaging Benchmark's 1-topic-16-partitions-1kb shape) for bench/latency.ts.

Usage: latency.py consume BOOTSTRAP TOPIC PARTITIONS COUNT WARMUP_SECONDS
       latency.py produce BOOTSTRAP TOPIC RATE SECONDS SIZE WARMUP_SECONDS
The producer sends record i at its scheduled time start + i / RATE and writes that *scheduled* time (ns, wall
clock) into the first 8 bytes of the value. When it falls behind it sends late records at once but keeps
their scheduled stamps, so a stall counts against every record it delayed (no coordinated omission).
The consumer (its own process, creates the topic, is assigned to every partition from the beginning, printing READY once the
first fetch round-trip is done) records receive time - scheduled time, skips records scheduled in the first
WARMUP_SECONDS (connections, first fetches and batches per partition settle there: 100-600 ms outliers) and
prints one JSON line with percentiles in milliseconds.
"""
import json
import os
import struct
import sys
import time

from confluent_kafka import Consumer, Producer, TopicPartition, OFFSET_BEGINNING
from confluent_kafka.admin import AdminClient, NewTopic


def consume(bootstrap, topic, partitions, count, warmup_seconds):
    warmup_ns = int(warmup_seconds * 1e9)
    admin = AdminClient({'bootstrap.servers': bootstrap})  # kept referenced until the futures resolve
    for future in admin.create_topics([NewTopic(topic, partitions, 1)]).values():
        future.result(15)
    config = {'bootstrap.servers': bootstrap, 'group.id': 'bench-latency', 'enable.auto.commit': False}
    # Experiments only: BENCH_FETCH_WAIT_MS overrides librdkafka's fetch.wait.max.ms (500) to test long-poll wake-ups.
    if os.environ.get('BENCH_FETCH_WAIT_MS'):
        config['fetch.wait.max.ms'] = int(os.environ['BENCH_FETCH_WAIT_MS'])
    consumer = Consumer(config)
    consumer.assign([TopicPartition(topic, p, OFFSET_BEGINNING) for p in range(partitions)])
    consumer.poll(0.5)
    print('READY', flush=True)
    latencies = []
    slow = []  # (partition, scheduled ns, latency ns) of records later than 50 ms, to see where the tail comes from
    got = 0
    first_scheduled = 0
    errors = 0
    deadline = time.monotonic() + 30
    while got < count and time.monotonic() < deadline:
        # poll() returns as soon as one message is there (consume(n) would wait for n or its timeout).
        msg = consumer.poll(0.1)
        if msg is None:
            continue
        now = time.time_ns()
        if msg.error():
            errors += 1
            continue
        got += 1
        scheduled = struct.unpack_from('>q', msg.value())[0]
        if got == 1:
            first_scheduled = scheduled
        if scheduled - first_scheduled >= warmup_ns:
            lat = now - scheduled
            latencies.append(lat)
            if lat > 50_000_000:
                slow.append((msg.partition(), scheduled, lat))
        # The producer's schedule bounds the run; allow 30 s after the last message arrived.
        deadline = time.monotonic() + 30
    consumer.close()
    if slow and os.environ.get('BENCH_LATENCY_SLOW'):
        t0 = first_scheduled
        by_part = {}
        for p, sched, lat in slow:
            by_part.setdefault(p, []).append((round((sched - t0) / 1e6), round(lat / 1e6)))
        for p, v in sorted(by_part.items()):
            print(f'slow partition {p}: {len(v)} records, first at +{v[0][0]} ms ({v[0][1]} ms), last at +{v[-1][0]} ms ({v[-1][1]} ms)', file=sys.stderr)
    latencies.sort()
    n = len(latencies)
    pct = lambda q: latencies[min(n - 1, int(q * n))] / 1e6 if n else None
    print(json.dumps({'received': got, 'measured': n, 'errors': errors + (count - got),
                      'p50': pct(0.5), 'p99': pct(0.99), 'p999': pct(0.999), 'max': latencies[-1] / 1e6 if n else None,
                      'mean': sum(latencies) / n / 1e6 if n else None}))


def percentiles(values):
    values.sort()
    n = len(values)
    at = lambda q: values[min(n - 1, int(q * n))] / 1e6 if n else None
    return {'p50': at(0.5), 'p99': at(0.99), 'p999': at(0.999), 'max': values[-1] / 1e6 if n else None}


def produce(bootstrap, topic, rate, seconds, size, warmup_seconds):
    # OMB's Kafka driver settings: acks=all, linger.ms=1, 1 MB batches.
    producer = Producer({'bootstrap.servers': bootstrap, 'acks': 'all', 'linger.ms': 1, 'batch.size': 1_048_576,
                         'enable.idempotence': False, 'compression.type': 'none'})
    errors = [0]
    acked = []  # delivery report time - scheduled time: the produce half of the end-to-end latency

    def on_delivery(err, msg):
        if err is not None:
            errors[0] += 1
            return
        scheduled = struct.unpack_from('>q', msg.value())[0]
        if scheduled - start >= warmup_ns:
            acked.append(time.time_ns() - scheduled)

    pad = bytes(size - 8)
    total = int(rate * seconds)
    start = time.time_ns() + 50_000_000
    warmup_ns = int(warmup_seconds * 1e9)
    interval = 1e9 / rate
    behind = 0
    i = 0
    while i < total:
        now = time.time_ns()
        # Send every record whose scheduled time has come, stamped with that scheduled time.
        while i < total and start + int(i * interval) <= now:
            scheduled = start + int(i * interval)
            behind = max(behind, now - scheduled)
            producer.produce(topic, struct.pack('>q', scheduled) + pad, on_delivery=on_delivery)
            i += 1
        producer.poll(0)
        if i < total:
            wait = (start + int(i * interval) - time.time_ns()) / 1e9
            if wait > 0:
                time.sleep(min(wait, 0.001))
    remaining = producer.flush(30)
    print(json.dumps({'sent': total, 'errors': errors[0] + remaining, 'maxSendDelayMs': behind / 1e6, 'ack': percentiles(acked)}))


if sys.argv[1] == 'consume':
    consume(sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]), float(sys.argv[6]))
else:
    produce(sys.argv[2], sys.argv[3], float(sys.argv[4]), float(sys.argv[5]), int(sys.argv[6]), float(sys.argv[7]))
