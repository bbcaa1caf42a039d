"""confluent-kafka-python 1.7 AdminClient (librdkafka 2.0.2): topic configs on create, describe and alter.

Usage: issue4-confluent-configs.py BOOTSTRAP TOPIC
Prints one JSON line with what the client saw.
"""
import json
import sys

from confluent_kafka.admin import AdminClient, ConfigResource, NewTopic

bootstrap, topic = sys.argv[1], sys.argv[2]
admin = AdminClient({"bootstrap.servers": bootstrap})
out = {}


def outcome(future):
    try:
        future.result(timeout=30)
        return "ok"
    except Exception as e:  # KafkaException wraps a KafkaError; anything else is reported as is
        err = e.args[0] if e.args else None
        if hasattr(err, "name"):
            return {"name": err.name(), "message": err.str()}
        return {"name": type(e).__name__, "message": str(e)}


bad = admin.create_topics([NewTopic(topic + "-bad", 1, 1, config={"retention.ms": "-5"})])
out["create_invalid"] = outcome(bad[topic + "-bad"])
good = admin.create_topics([NewTopic(topic, 1, 1, config={"cleanup.policy": "compact", "retention.ms": "3600000"})])
out["create"] = outcome(good[topic])

resource = ConfigResource(ConfigResource.Type.TOPIC, topic)
entries = admin.describe_configs([resource])[resource].result(timeout=30)
out["describe"] = {
    name: {
        "value": e.value, "source": e.source, "is_default": e.is_default, "is_read_only": e.is_read_only,
        "synonyms": [[s.name, s.value, s.source] for s in e.synonyms.values()],
    }
    for name, e in entries.items() if name in ("retention.ms", "cleanup.policy", "delete.retention.ms", "max.message.bytes")
}
out["describe_count"] = len(entries)

invalid = ConfigResource(ConfigResource.Type.TOPIC, topic, set_config={"min.cleanable.dirty.ratio": "2"})
out["alter_invalid"] = outcome(admin.alter_configs([invalid])[invalid])
change = ConfigResource(ConfigResource.Type.TOPIC, topic, set_config={"cleanup.policy": "compact,delete", "retention.bytes": "1000000"})
out["alter"] = outcome(admin.alter_configs([change])[change])
after = admin.describe_configs([resource])[resource].result(timeout=30)
out["after"] = {n: after[n].value for n in ("cleanup.policy", "retention.bytes", "retention.ms")}

broker = ConfigResource(ConfigResource.Type.BROKER, "1")
broker_entries = admin.describe_configs([broker])[broker].result(timeout=30)
out["broker"] = {n: broker_entries[n].value for n in ("log.retention.check.interval.ms", "message.max.bytes") if n in broker_entries}
print(json.dumps(out), flush=True)
