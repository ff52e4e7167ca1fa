package cl.compraagil.ml.storage;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Where the local object store keeps models ({@code ML_MODELS_DIR}). */
@ConfigurationProperties("ml.models")
public record StorageProperties(@DefaultValue(".data/ml-models") Path folder) {
}
