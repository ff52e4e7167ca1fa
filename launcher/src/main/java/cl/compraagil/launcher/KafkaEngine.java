package cl.compraagil.launcher;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Kafka 4 broker in KRaft combined mode (broker and controller in one node) inside the launcher's JVM.
 * Its log folder is formatted once with a fresh cluster id, which {@code meta.properties} then keeps.
 */
final class KafkaEngine implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaEngine.class);
    private static final int NODE_ID = 1;
    private static final String CONTROLLER = "CONTROLLER";

    private final KafkaRaftServer server;

    private KafkaEngine(KafkaRaftServer server) {
        this.server = server;
    }

    static KafkaEngine start(EngineSettings settings) throws Exception {
        Path logDir = settings.kafkaDir();
        Files.createDirectories(logDir);
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            format(logDir);
        }
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(properties(settings), false), Time.SYSTEM);
        // returns once the broker has registered with its controller and is unfenced, ready for clients
        server.startup();
        return new KafkaEngine(server);
    }

    private static void format(Path logDir) throws Exception {
        String clusterId = Uuid.randomUuid().toString();
        new Formatter()
                .setNodeId(NODE_ID)
                .setClusterId(clusterId)
                .setControllerListenerName(CONTROLLER)
                .setMetadataLogDirectory(logDir.toString())
                .addDirectory(logDir.toString())
                .setReleaseVersion(MetadataVersion.latestProduction())
                // a static single-voter quorum: nothing to reconfigure on a developer machine
                .setHasDynamicQuorum(false)
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                .run();
        LOG.info("Formatted Kafka storage {} for cluster {}", logDir, clusterId);
    }

    private static Properties properties(EngineSettings settings) {
        String loopback = "127.0.0.1";
        Properties properties = new Properties();
        properties.putAll(Map.ofEntries(
                Map.entry("node.id", String.valueOf(NODE_ID)),
                Map.entry("process.roles", "broker,controller"),
                Map.entry("listeners", "PLAINTEXT://" + loopback + ":" + settings.kafkaPort()
                        + "," + CONTROLLER + "://" + loopback + ":" + settings.kafkaControllerPort()),
                Map.entry("advertised.listeners", "PLAINTEXT://" + loopback + ":" + settings.kafkaPort()),
                Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER + ":PLAINTEXT"),
                Map.entry("inter.broker.listener.name", "PLAINTEXT"),
                Map.entry("controller.listener.names", CONTROLLER),
                Map.entry("controller.quorum.voters", NODE_ID + "@" + loopback + ":" + settings.kafkaControllerPort()),
                Map.entry("log.dirs", settings.kafkaDir().toString()),
                Map.entry("auto.create.topics.enable", "true"),
                Map.entry("num.partitions", "1"),
                Map.entry("default.replication.factor", "1"),
                // internal topics sized for one node: one partition each instead of 50 keeps start-up and memory small
                Map.entry("offsets.topic.num.partitions", "1"),
                Map.entry("offsets.topic.replication.factor", "1"),
                Map.entry("transaction.state.log.num.partitions", "1"),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                Map.entry("share.coordinator.state.topic.num.partitions", "1"),
                Map.entry("share.coordinator.state.topic.replication.factor", "1"),
                Map.entry("share.coordinator.state.topic.min.isr", "1"),
                Map.entry("group.initial.rebalance.delay.ms", "0"),
                // few threads and a small cleaner buffer: the broker shares the launcher's small heap
                Map.entry("num.network.threads", "2"),
                Map.entry("num.io.threads", "2"),
                Map.entry("background.threads", "2"),
                Map.entry("num.recovery.threads.per.data.dir", "1"),
                Map.entry("log.cleaner.threads", "1"),
                Map.entry("log.cleaner.dedupe.buffer.size", String.valueOf(4 * 1024 * 1024)),
                Map.entry("group.coordinator.threads", "1"),
                Map.entry("share.coordinator.threads", "1")));
        return properties;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }
}
