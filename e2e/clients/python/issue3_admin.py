"""Group admin calls of confluent-kafka-python 1.7 (librdkafka 2.0.2) for brooklet's issue-3 e2e tests.

usage: issue3_admin.py BOOTSTRAP [GROUP]
confluent-kafka 1.7's AdminClient has list_groups() only (ListGroups + DescribeGroups underneath);
list_consumer_groups / describe_consumer_groups / delete_consumer_groups arrived in later releases.
Prints one JSON object: {"api": [...group calls present...], "all": [...], "one": [...]}.
"""
import json
import sys

from confluent_kafka.admin import AdminClient


def describe(g):
    return {
        "id": g.id,
        "error": None if g.error is None else g.error.code(),
        "state": g.state,
        "protocol_type": g.protocol_type,
        "protocol": g.protocol,
        "members": [{"id": m.id, "client_id": m.client_id, "client_host": m.client_host,
                     "assignment_len": len(m.assignment or b"")} for m in g.members],
    }


def main():
    bootstrap = sys.argv[1]
    group = sys.argv[2] if len(sys.argv) > 2 else None
    admin = AdminClient({"bootstrap.servers": bootstrap})
    calls = [n for n in ("list_groups", "list_consumer_groups", "describe_consumer_groups", "delete_consumer_groups")
             if hasattr(admin, n)]
    result = {"api": calls, "all": [describe(g) for g in admin.list_groups(timeout=10)]}
    if group:
        result["one"] = [describe(g) for g in admin.list_groups(group, timeout=10)]
    print(json.dumps(result))


if __name__ == "__main__":
    main()
