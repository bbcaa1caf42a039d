"""DeleteRecords through librdkafka 2.0.2's Admin API (rd_kafka_DeleteRecords).

confluent-kafka-python 1.7.0 (Debian) has no AdminClient.delete_records (it arrived in the 2.x bindings), so
this calls the same system librdkafka that confluent_kafka is built on, through ctypes.
Usage: issue4-librdkafka-delete-records.py BOOTSTRAP TOPIC PARTITION OFFSET
Prints one JSON line: {"error": ..., "partition": ..., "low_watermark": ..., "partition_error": ...}.
"""
import ctypes
import json
import sys

import confluent_kafka  # noqa: F401  (loads the librdkafka that the binding uses)

bootstrap, topic, partition, offset = sys.argv[1], sys.argv[2].encode(), int(sys.argv[3]), int(sys.argv[4])
lib = ctypes.CDLL("librdkafka.so.1")


class TopicPartition(ctypes.Structure):
    _fields_ = [
        ("topic", ctypes.c_char_p),
        ("partition", ctypes.c_int32),
        ("offset", ctypes.c_int64),
        ("metadata", ctypes.c_void_p),
        ("metadata_size", ctypes.c_size_t),
        ("opaque", ctypes.c_void_p),
        ("err", ctypes.c_int),
        ("_private", ctypes.c_void_p),
    ]


class TopicPartitionList(ctypes.Structure):
    _fields_ = [("cnt", ctypes.c_int), ("size", ctypes.c_int), ("elems", ctypes.POINTER(TopicPartition))]


vp = ctypes.c_void_p
lib.rd_kafka_conf_new.restype = vp
lib.rd_kafka_conf_set.argtypes = [vp, ctypes.c_char_p, ctypes.c_char_p, ctypes.c_char_p, ctypes.c_size_t]
lib.rd_kafka_new.restype = vp
lib.rd_kafka_new.argtypes = [ctypes.c_int, vp, ctypes.c_char_p, ctypes.c_size_t]
lib.rd_kafka_topic_partition_list_new.restype = ctypes.POINTER(TopicPartitionList)
lib.rd_kafka_topic_partition_list_add.restype = ctypes.POINTER(TopicPartition)
lib.rd_kafka_topic_partition_list_add.argtypes = [ctypes.POINTER(TopicPartitionList), ctypes.c_char_p, ctypes.c_int32]
lib.rd_kafka_DeleteRecords_new.restype = vp
lib.rd_kafka_DeleteRecords_new.argtypes = [ctypes.POINTER(TopicPartitionList)]
lib.rd_kafka_queue_new.restype = vp
lib.rd_kafka_queue_new.argtypes = [vp]
lib.rd_kafka_DeleteRecords.argtypes = [vp, ctypes.POINTER(vp), ctypes.c_size_t, vp, vp]
lib.rd_kafka_queue_poll.restype = vp
lib.rd_kafka_queue_poll.argtypes = [vp, ctypes.c_int]
lib.rd_kafka_event_error.argtypes = [vp]
lib.rd_kafka_event_error_string.restype = ctypes.c_char_p
lib.rd_kafka_event_error_string.argtypes = [vp]
lib.rd_kafka_event_DeleteRecords_result.restype = vp
lib.rd_kafka_event_DeleteRecords_result.argtypes = [vp]
lib.rd_kafka_DeleteRecords_result_offsets.restype = ctypes.POINTER(TopicPartitionList)
lib.rd_kafka_DeleteRecords_result_offsets.argtypes = [vp]
for name in ("rd_kafka_event_destroy", "rd_kafka_queue_destroy", "rd_kafka_destroy", "rd_kafka_DeleteRecords_destroy"):
    getattr(lib, name).argtypes = [vp]

errstr = ctypes.create_string_buffer(512)
conf = lib.rd_kafka_conf_new()
lib.rd_kafka_conf_set(conf, b"bootstrap.servers", bootstrap.encode(), errstr, 512)
rk = lib.rd_kafka_new(0, conf, errstr, 512)  # RD_KAFKA_PRODUCER
if not rk:
    sys.exit("rd_kafka_new failed: " + errstr.value.decode())
offsets = lib.rd_kafka_topic_partition_list_new(1)
lib.rd_kafka_topic_partition_list_add(offsets, topic, partition).contents.offset = offset
request = vp(lib.rd_kafka_DeleteRecords_new(offsets))
queue = lib.rd_kafka_queue_new(rk)
lib.rd_kafka_DeleteRecords(rk, ctypes.byref(request), 1, None, queue)
event = lib.rd_kafka_queue_poll(queue, 30000)
out = {"error": "timeout"}
if event:
    out = {"error": lib.rd_kafka_event_error(event)}
    if out["error"]:
        out["message"] = lib.rd_kafka_event_error_string(event).decode()
    else:
        result = lib.rd_kafka_DeleteRecords_result_offsets(lib.rd_kafka_event_DeleteRecords_result(event)).contents
        first = result.elems[0]
        out.update({"partition": first.partition, "low_watermark": first.offset, "partition_error": first.err})
    lib.rd_kafka_event_destroy(event)
lib.rd_kafka_DeleteRecords_destroy(request)
lib.rd_kafka_topic_partition_list_destroy.argtypes = [ctypes.POINTER(TopicPartitionList)]
lib.rd_kafka_topic_partition_list_destroy(offsets)
lib.rd_kafka_queue_destroy(queue)
lib.rd_kafka_destroy(rk)
print(json.dumps(out), flush=True)
