"""kafka-python 2.0.2 driver for e2e/clients tests: create | produce | consume, JSON on stdout."""
import time

from kafka import KafkaConsumer, KafkaProducer, TopicPartition
from kafka.admin import KafkaAdminClient, NewTopic

from common import emit, message, parse_args, record


def create(args):
    admin = KafkaAdminClient(bootstrap_servers=args.bootstrap, request_timeout_ms=int(args.timeout * 1000))
    admin.create_topics([NewTopic(args.topic, num_partitions=args.partitions, replication_factor=1)])
    admin.close()
    emit({'created': args.topic})


def produce(args):
    producer = KafkaProducer(bootstrap_servers=args.bootstrap, linger_ms=5, acks=1, compression_type=args.compression)
    base = args.base_timestamp or int(time.time() * 1000)
    futures = []
    for i in range(args.count):
        key, value, headers = message(i, args.origin)
        futures.append(producer.send(args.topic, key=key.encode(), value=value.encode(),
                                     headers=[(k, v.encode()) for k, v in headers], timestamp_ms=base + i))
    producer.flush(args.timeout)
    acks, errors = [], []
    for future in futures:
        try:
            meta = future.get(timeout=args.timeout)
            acks.append([meta.partition, meta.offset])
        except Exception as err:  # the test reports every failed send
            errors.append(repr(err))
    producer.close(timeout=10)
    emit({'acks': acks, 'errors': errors, 'unflushed': 0})


def consume(args):
    if args.group:
        consumer = KafkaConsumer(args.topic, bootstrap_servers=args.bootstrap, group_id=args.group,
                                 auto_offset_reset='earliest', enable_auto_commit=False)
    else:
        consumer = KafkaConsumer(bootstrap_servers=args.bootstrap, group_id=None, enable_auto_commit=False)
        partitions = [TopicPartition(args.topic, p) for p in sorted(consumer.partitions_for_topic(args.topic) or [])]
        consumer.assign(partitions)
        consumer.seek_to_beginning(*partitions)
    records = []
    deadline = time.time() + args.timeout
    while len(records) < args.count and time.time() < deadline:
        for batch in consumer.poll(timeout_ms=500, max_records=5000).values():
            for msg in batch:
                records.append(record(msg.partition, msg.offset, msg.key, msg.value, msg.headers, msg.timestamp))
    consumer.close()
    emit(records)


if __name__ == '__main__':
    parsed = parse_args(__doc__)
    {'create': create, 'produce': produce, 'consume': consume}[parsed.command](parsed)
