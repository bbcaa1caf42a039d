"""confluent-kafka-python (librdkafka) driver for e2e/clients tests: create | produce | consume, JSON on stdout."""
import time

from confluent_kafka import Consumer, KafkaError, OFFSET_BEGINNING, Producer, TopicPartition
from confluent_kafka.admin import AdminClient, NewTopic

from common import emit, message, parse_args, record


def create(args):
    admin = AdminClient({'bootstrap.servers': args.bootstrap})
    futures = admin.create_topics([NewTopic(args.topic, num_partitions=args.partitions, replication_factor=1)])
    for future in futures.values():
        future.result(timeout=args.timeout)
    emit({'created': args.topic})


def produce(args):
    config = {'bootstrap.servers': args.bootstrap, 'linger.ms': 5, 'acks': 'all'}
    if args.compression:
        config['compression.type'] = args.compression
    producer = Producer(config)
    acks, errors = [], []

    def on_delivery(err, msg):
        if err is not None:
            errors.append(str(err))
        else:
            acks.append([msg.partition(), msg.offset()])

    base = args.base_timestamp or int(time.time() * 1000)
    for i in range(args.count):
        key, value, headers = message(i, args.origin)
        while True:
            try:
                producer.produce(args.topic, key=key, value=value, headers=headers, timestamp=base + i, on_delivery=on_delivery)
                break
            except BufferError:
                producer.poll(0.05)
        producer.poll(0)
    unflushed = producer.flush(args.timeout)
    emit({'acks': acks, 'errors': errors, 'unflushed': unflushed})


def consume(args):
    config = {'bootstrap.servers': args.bootstrap, 'group.id': args.group or 'e2e-assign', 'enable.auto.commit': False,
              'auto.offset.reset': 'earliest', 'enable.partition.eof': False}
    consumer = Consumer(config)
    if args.group:
        consumer.subscribe([args.topic])
    else:
        partitions = consumer.list_topics(args.topic, timeout=10).topics[args.topic].partitions
        consumer.assign([TopicPartition(args.topic, p, OFFSET_BEGINNING) for p in partitions])
    records = []
    deadline = time.time() + args.timeout
    while len(records) < args.count and time.time() < deadline:
        for msg in consumer.consume(num_messages=1000, timeout=0.5):
            if msg.error() is not None:
                if msg.error().code() == KafkaError._PARTITION_EOF:
                    continue
                raise RuntimeError(str(msg.error()))
            records.append(record(msg.partition(), msg.offset(), msg.key(), msg.value(), msg.headers(), msg.timestamp()[1]))
    consumer.close()
    emit(records)


if __name__ == '__main__':
    parsed = parse_args(__doc__)
    {'create': create, 'produce': produce, 'consume': consume}[parsed.command](parsed)
