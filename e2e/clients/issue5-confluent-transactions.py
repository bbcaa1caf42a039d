"""confluent-kafka-python (librdkafka 2.0.2): transactional producer against Brooklet.

Usage: issue5-confluent-transactions.py BOOTSTRAP TOPIC INPUT_TOPIC
TOPIC has 2 partitions, INPUT_TOPIC 1. Runs: a committed and an aborted transaction (then plain sentinel
messages), reads TOPIC with read_committed and read_uncommitted consumers, sends offsets inside a
transaction for a live consumer group, and fences a producer with a second one using the same
transactional.id. Prints one JSON summary line on stdout.
"""
import json
import sys
import time

from confluent_kafka import OFFSET_BEGINNING, Consumer, KafkaError, KafkaException, Producer, TopicPartition

bootstrap, topic, input_topic = sys.argv[1], sys.argv[2], sys.argv[3]
summary = {"errors": []}
base = {"bootstrap.servers": bootstrap, "reconnect.backoff.ms": 20, "reconnect.backoff.max.ms": 200}


def tx_producer(txid):
    p = Producer({**base, "transactional.id": txid, "linger.ms": 5, "transaction.timeout.ms": 30000})
    p.init_transactions(20)
    return p


def produce_all(p, prefix):
    for i in range(4):
        p.produce(topic, value="%s%d" % (prefix, i), partition=i % 2)
    p.flush(20)


def read(isolation, partitions, t, deadline_s=20):
    c = Consumer({**base, "group.id": "issue5-reader-%d" % time.time_ns(), "enable.auto.commit": False,
                  "enable.partition.eof": True, "isolation.level": isolation})
    c.assign([TopicPartition(t, p, OFFSET_BEGINNING) for p in range(partitions)])
    seen, sentinels = [], set()
    deadline = time.time() + deadline_s
    while len(sentinels) < partitions and time.time() < deadline:
        m = c.poll(0.2)
        if m is None or m.error():
            continue
        v = m.value().decode()
        seen.append(v)
        if v.startswith("end-"):
            sentinels.add(v)
    c.close()
    return sorted(seen)


# 1. commit then abort, then plain sentinels.
p = tx_producer("issue5-confluent-%d" % time.time_ns())
p.begin_transaction()
produce_all(p, "c")
p.commit_transaction(20)
p.begin_transaction()
produce_all(p, "a")
p.abort_transaction(20)
plain = Producer(base)
for part in range(2):
    plain.produce(topic, value="end-%d" % part, partition=part)
plain.flush(20)
summary["read_committed"] = read("read_committed", 2, topic)
summary["read_uncommitted"] = read("read_uncommitted", 2, topic)

# 2. send_offsets_to_transaction for a live group member (TxnOffsetCommit v3 carries its generation).
group = "issue5-confluent-group-%d" % time.time_ns()
member = Consumer({**base, "group.id": group, "enable.auto.commit": False, "isolation.level": "read_committed",
                   "auto.offset.reset": "earliest", "session.timeout.ms": 10000})
member.subscribe([input_topic])
deadline = time.time() + 20
while not member.assignment() and time.time() < deadline:
    member.poll(0.2)
summary["assigned"] = len(member.assignment())
p.begin_transaction()
p.produce(topic, value="with-offsets", partition=0)
p.send_offsets_to_transaction([TopicPartition(input_topic, 0, 5)], member.consumer_group_metadata(), 20)
# A read_uncommitted view of the group sees the old offset; the read_committed member asks with
# require_stable and keeps getting UNSTABLE_OFFSET_COMMIT (KIP-447) until the transaction ends.
checker = Consumer({**base, "group.id": group, "enable.auto.commit": False, "isolation.level": "read_uncommitted"})
before = checker.committed([TopicPartition(input_topic, 0)], 10)[0].offset
try:
    member.committed([TopicPartition(input_topic, 0)], 2)
    summary["stable_wait"] = "answered while pending"
except KafkaException as e:
    summary["stable_wait"] = e.args[0].name()
checker.close()
p.commit_transaction(20)
after = member.committed([TopicPartition(input_topic, 0)], 10)[0].offset
summary["offsets"] = {"before_commit": before, "after_commit": after}
p.begin_transaction()
p.send_offsets_to_transaction([TopicPartition(input_topic, 0, 9)], member.consumer_group_metadata(), 20)
p.abort_transaction(20)
summary["offsets"]["after_abort"] = member.committed([TopicPartition(input_topic, 0)], 10)[0].offset
member.close()

# 3. fencing: a second producer with the same transactional.id.
txid = "issue5-confluent-fence-%d" % time.time_ns()
first = tx_producer(txid)
first.begin_transaction()
first.produce(topic, value="zombie", partition=1)
first.flush(20)
# ListOffsets honours the isolation level: read_committed's high end is the last stable offset.
marks = {}
for iso in ("read_committed", "read_uncommitted"):
    c = Consumer({**base, "group.id": "issue5-marks", "isolation.level": iso})
    marks[iso] = c.get_watermark_offsets(TopicPartition(topic, 1), 10, False)[1]
    c.close()
summary["high_while_open"] = marks
second = tx_producer(txid)
second.begin_transaction()
second.produce(topic, value="fresh", partition=1)
second.commit_transaction(20)
try:
    first.commit_transaction(20)
    summary["fenced"] = "no error"
except KafkaException as e:
    err = e.args[0]
    summary["fenced"] = {"name": err.name(), "fatal": err.fatal()}
print(json.dumps(summary))
