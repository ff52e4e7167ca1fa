package cl.compraagil.ml.winmodel;

import cl.compraagil.ml.storage.ObjectStore;
import com.google.protobuf.InvalidProtocolBufferException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.protos.core.ModelProto;
import tools.jackson.databind.ObjectMapper;

/**
 * Versions of the win model: artifacts in the object store, entries in {@code model_versions}, and the one
 * serving requests held in an atomic reference, so a new version replaces the old between two requests.
 */
@Component
class ModelRegistry {

    static final String NAME = "win_probability";
    private static final Logger log = LoggerFactory.getLogger(ModelRegistry.class);
    private static final DateTimeFormatter VERSION = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    private final JdbcClient jdbc;
    private final ObjectStore store;
    private final ObjectMapper mapper;
    private final AtomicReference<WinProbabilityModel> current = new AtomicReference<>();

    ModelRegistry(JdbcClient jdbc, ObjectStore store, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.store = store;
        this.mapper = mapper;
    }

    Optional<WinProbabilityModel> current() {
        return Optional.ofNullable(current.get());
    }

    /** Stores, registers and activates a trained model; requests switch to it immediately. */
    @Transactional
    public String publish(TrainedModel trained) {
        String version = ZonedDateTime.now(ZoneOffset.UTC).format(VERSION);
        String key = "models/" + NAME + "/" + version + ".tribuo";
        store.put(key, trained.model().serialize().toByteArray());
        jdbc.sql("UPDATE model_versions SET active = false WHERE name = :name AND active").param("name", NAME).update();
        jdbc.sql("""
                INSERT INTO model_versions (name, version, storage_key, train_from, train_to, test_from, test_to,
                                            train_size, test_size, metrics, active)
                VALUES (:name, :version, :key, :trainFrom, :trainTo, :testFrom, :testTo, :trainSize, :testSize,
                        CAST(:metrics AS jsonb), true)
                """)
                .param("name", NAME).param("version", version).param("key", key)
                .param("trainFrom", trained.trainFrom()).param("trainTo", trained.trainTo())
                .param("testFrom", trained.testFrom()).param("testTo", trained.testTo())
                .param("trainSize", trained.trainSize()).param("testSize", trained.testSize())
                .param("metrics", mapper.writeValueAsString(trained.metrics())).update();
        current.set(new WinProbabilityModel(trained.model(), version));
        return version;
    }

    /** Loads the active version at start (or after another instance trained one). */
    void loadActive() {
        List<Map<String, Object>> rows = jdbc.sql("""
                SELECT version, storage_key FROM model_versions WHERE name = :name AND active
                """).param("name", NAME).query().listOfRows();
        if (rows.isEmpty()) {
            return;
        }
        String version = (String) rows.get(0).get("version");
        WinProbabilityModel loaded = current.get();
        if (loaded != null && loaded.version().equals(version)) {
            return;
        }
        store.get((String) rows.get(0).get("storage_key")).ifPresentOrElse(bytes -> {
            try {
                Model<?> model = Model.deserialize(ModelProto.parseFrom(bytes));
                if (model.validate(Label.class)) {
                    @SuppressWarnings("unchecked")
                    Model<Label> labelModel = (Model<Label>) model;
                    current.set(new WinProbabilityModel(labelModel, version));
                    log.info("Loaded win model {}", version);
                }
            } catch (InvalidProtocolBufferException e) {
                log.warn("Win model {} is unreadable: {}", version, e.getMessage());
            }
        }, () -> log.warn("Win model {} is missing from the object store", version));
    }

    List<ModelVersionView> list() {
        return jdbc.sql("""
                SELECT name, version, train_from, train_to, test_from, test_to, train_size, test_size, metrics::text,
                       active, created_at FROM model_versions ORDER BY created_at DESC LIMIT 20
                """)
                .query((rs, n) -> new ModelVersionView(rs.getString(1), rs.getString(2),
                        rs.getObject(3, java.time.LocalDate.class), rs.getObject(4, java.time.LocalDate.class),
                        rs.getObject(5, java.time.LocalDate.class), rs.getObject(6, java.time.LocalDate.class),
                        rs.getInt(7), rs.getInt(8), mapper.readTree(rs.getString(9)), rs.getBoolean(10),
                        rs.getObject(11, java.time.OffsetDateTime.class)))
                .list();
    }
}
