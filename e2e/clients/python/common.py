"""Shared bits of the Python client drivers: argument parsing and the JSON record shape the tests compare."""
import argparse
import json
import sys


def parse_args(description):
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument('command', choices=['create', 'produce', 'consume'])
    parser.add_argument('--bootstrap', required=True)
    parser.add_argument('--topic', required=True)
    parser.add_argument('--partitions', type=int, default=3)
    parser.add_argument('--count', type=int, default=10000)
    parser.add_argument('--base-timestamp', type=int, default=0, help='record i gets timestamp base+i; 0 = now')
    parser.add_argument('--origin', default='python')
    parser.add_argument('--group', default=None, help='consume with this consumer group instead of assign()')
    parser.add_argument('--compression', default=None, help='producer compression codec (gzip, snappy, lz4, zstd)')
    parser.add_argument('--timeout', type=float, default=40.0)
    return parser.parse_args()


def message(i, origin):
    """The i-th test message: key, value, headers (every client test uses the same scheme)."""
    return f'k{i}', f'v{i}-{origin}', [('seq', str(i)), ('origin', origin)]


def text(data):
    return None if data is None else data.decode('utf-8')


def record(partition, offset, key, value, headers, timestamp):
    return {
        'partition': partition,
        'offset': offset,
        'key': text(key),
        'value': text(value),
        'headers': [[k, text(v)] for k, v in (headers or [])],
        'timestamp': timestamp,
    }


def emit(obj):
    json.dump(obj, sys.stdout)
    sys.stdout.write('\n')
    sys.stdout.flush()
