# crash-producer.py: an acks=all idempotent librdkafka producer that prints the key of every record the
# broker acknowledged (one per line, as soon as the delivery report arrives) and retries through broker
# restarts. Usage: crash-producer.py BOOTSTRAP TOPIC COUNT PARTITIONS
import sys
import time
from confluent_kafka import Producer

bootstrap, topic, count, partitions = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])

producer = Producer({
    'bootstrap.servers': bootstrap,
    'enable.idempotence': True,
    'acks': 'all',
    'linger.ms': 5,
    'batch.num.messages': 1000,
    # Keep retrying through every restart: a record may only be reported once the broker has it.
    'message.timeout.ms': 600000,
    'reconnect.backoff.ms': 20,
    'reconnect.backoff.max.ms': 200,
    'topic.metadata.refresh.interval.ms': 1000,
})

failed = 0


def report(err, msg):
    global failed
    if err is None:
        sys.stdout.write(msg.key().decode() + '\n')
    else:
        failed += 1
        sys.stderr.write('delivery failed: %s\n' % err)


for i in range(count):
    while True:
        try:
            producer.produce(topic, key='k%d' % i, value='v%d' % i, partition=i % partitions, on_delivery=report)
            break
        except BufferError:
            producer.poll(0.05)
            sys.stdout.flush()
    if i % 200 == 0:
        producer.poll(0)
        sys.stdout.flush()

# Poll rather than flush(): acknowledgements must reach the test while the broker is being killed.
deadline = time.time() + 600
while len(producer) > 0 and time.time() < deadline:
    producer.poll(0.05)
    sys.stdout.flush()
left = len(producer)
sys.stdout.flush()
sys.stderr.write('DONE failed=%d undelivered=%d\n' % (failed, left))
sys.exit(0 if left == 0 else 2)
