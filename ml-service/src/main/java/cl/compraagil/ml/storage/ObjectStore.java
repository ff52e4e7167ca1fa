package cl.compraagil.ml.storage;

import java.util.Optional;

/**
 * Where files and trained models live: a local folder by default, any S3-compatible store in production
 * behind the same two operations.
 */
public interface ObjectStore {

    void put(String key, byte[] content);

    Optional<byte[]> get(String key);
}
