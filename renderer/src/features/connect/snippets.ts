/** Copy-paste starters for the common Kafka clients, pointed at a bootstrap address (PLAINTEXT, no auth). */
export interface Snippet {
  id: 'kafkajs' | 'java' | 'python' | 'franz-go' | 'kcat'
  label: string
  install: string
  code: string
}

export function snippets(bootstrap: string, topic = 'orders'): Snippet[] {
  return [
    {
      id: 'kafkajs', label: 'kafkajs (Node.js)', install: 'npm install kafkajs',
      code: `import { Kafka } from 'kafkajs'

const kafka = new Kafka({ clientId: 'my-app', brokers: ['${bootstrap}'] })

const producer = kafka.producer()
await producer.connect()
await producer.send({ topic: '${topic}', messages: [{ key: 'k1', value: 'hello' }] })
await producer.disconnect()

const consumer = kafka.consumer({ groupId: 'my-group' })
await consumer.connect()
await consumer.subscribe({ topic: '${topic}', fromBeginning: true })
await consumer.run({
  eachMessage: async ({ partition, message }) => {
    console.log(partition, message.offset, message.value?.toString())
  },
})`,
    },
    {
      id: 'java', label: 'Java (kafka-clients)', install: 'implementation("org.apache.kafka:kafka-clients:3.7.0")',
      code: `Properties p = new Properties();
p.put("bootstrap.servers", "${bootstrap}");
p.put("key.serializer", "org.apache.kafka.common.serialization.StringSerializer");
p.put("value.serializer", "org.apache.kafka.common.serialization.StringSerializer");
try (var producer = new KafkaProducer<String, String>(p)) {
  producer.send(new ProducerRecord<>("${topic}", "k1", "hello")).get();
}

Properties c = new Properties();
c.put("bootstrap.servers", "${bootstrap}");
c.put("group.id", "my-group");
c.put("auto.offset.reset", "earliest");
c.put("key.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
c.put("value.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
try (var consumer = new KafkaConsumer<String, String>(c)) {
  consumer.subscribe(List.of("${topic}"));
  while (true) {
    for (var r : consumer.poll(Duration.ofMillis(500))) {
      System.out.printf("%d %d %s%n", r.partition(), r.offset(), r.value());
    }
  }
}`,
    },
    {
      id: 'python', label: 'confluent-kafka (Python)', install: 'pip install confluent-kafka',
      code: `from confluent_kafka import Consumer, Producer

producer = Producer({"bootstrap.servers": "${bootstrap}"})
producer.produce("${topic}", key="k1", value="hello")
producer.flush()

consumer = Consumer({
    "bootstrap.servers": "${bootstrap}",
    "group.id": "my-group",
    "auto.offset.reset": "earliest",
})
consumer.subscribe(["${topic}"])
while True:
    msg = consumer.poll(1.0)
    if msg is None or msg.error():
        continue
    print(msg.partition(), msg.offset(), msg.value().decode())`,
    },
    {
      id: 'franz-go', label: 'franz-go (Go)', install: 'go get github.com/twmb/franz-go/pkg/kgo',
      code: `cl, err := kgo.NewClient(
	kgo.SeedBrokers("${bootstrap}"),
	kgo.ConsumerGroup("my-group"),
	kgo.ConsumeTopics("${topic}"),
	kgo.ConsumeResetOffset(kgo.NewOffset().AtStart()),
)
if err != nil {
	panic(err)
}
defer cl.Close()
ctx := context.Background()

if err := cl.ProduceSync(ctx, &kgo.Record{Topic: "${topic}", Key: []byte("k1"), Value: []byte("hello")}).FirstErr(); err != nil {
	panic(err)
}

for {
	fetches := cl.PollFetches(ctx)
	fetches.EachRecord(func(r *kgo.Record) {
		fmt.Println(r.Partition, r.Offset, string(r.Value))
	})
}`,
    },
    {
      id: 'kcat', label: 'kcat (CLI)', install: 'apt install kcat   # or: brew install kcat',
      code: `# list brokers, topics and partitions
kcat -b ${bootstrap} -L

# produce: one message per line, key and value split at ":"
echo 'k1:hello' | kcat -b ${bootstrap} -t ${topic} -P -K:

# consume from the beginning as a group member, then exit at the end
kcat -b ${bootstrap} -G my-group ${topic} -o beginning -e -f '%p %o %k %s\\n'`,
    },
  ]
}
