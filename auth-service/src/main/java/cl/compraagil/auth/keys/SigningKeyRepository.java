package cl.compraagil.auth.keys;

import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.GeneralSecurityException;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Signing keys in the auth database; private keys only ever stored encrypted. */
@Repository
class SigningKeyRepository {

    private final JdbcClient jdbc;
    private final KeyEncryption encryption;

    SigningKeyRepository(JdbcClient jdbc, KeyEncryption encryption) {
        this.jdbc = jdbc;
        this.encryption = encryption;
    }

    /** Serialises key creation across replicas for the rest of the transaction. */
    void lock() {
        jdbc.sql("SELECT pg_advisory_xact_lock(81081081)").query().singleRow();
    }

    List<SigningKey> findPublished(Instant now) {
        return jdbc.sql("""
                SELECT kid, public_key, private_key_encrypted, created_at, retired_at, published_until
                FROM signing_keys WHERE published_until IS NULL OR published_until > :now
                ORDER BY created_at DESC
                """)
                .param("now", Timestamp.from(now))
                .query(this::map)
                .list();
    }

    void insert(String kid, KeyPair pair, Instant now) {
        jdbc.sql("""
                INSERT INTO signing_keys (kid, public_key, private_key_encrypted, created_at)
                VALUES (:kid, :publicKey, :privateKey, :now)
                """)
                .param("kid", kid)
                .param("publicKey", pair.getPublic().getEncoded())
                .param("privateKey", encryption.encrypt(kid, pair.getPrivate().getEncoded()))
                .param("now", Timestamp.from(now))
                .update();
    }

    void retireAllBut(String kid, Instant now, Instant publishedUntil) {
        jdbc.sql("""
                UPDATE signing_keys SET retired_at = :now, published_until = :until
                WHERE retired_at IS NULL AND kid <> :kid
                """)
                .param("now", Timestamp.from(now))
                .param("until", Timestamp.from(publishedUntil))
                .param("kid", kid)
                .update();
    }

    private SigningKey map(ResultSet rs, int row) throws SQLException {
        String kid = rs.getString("kid");
        try {
            KeyFactory factory = KeyFactory.getInstance("RSA");
            RSAPublicKey publicKey = (RSAPublicKey) factory.generatePublic(new X509EncodedKeySpec(rs.getBytes("public_key")));
            byte[] privateBytes = encryption.decrypt(kid, rs.getBytes("private_key_encrypted"));
            return new SigningKey(kid, publicKey, factory.generatePrivate(new PKCS8EncodedKeySpec(privateBytes)),
                    rs.getTimestamp("created_at").toInstant(), instant(rs.getTimestamp("retired_at")),
                    instant(rs.getTimestamp("published_until")));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Unreadable signing key " + kid, e);
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
