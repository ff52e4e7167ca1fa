package cl.compraagil.gateway.bench;

import cl.compraagil.testkit.EmbeddedEngines;
import cl.compraagil.testkit.TestTokens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import redis.clients.jedis.Jedis;

/**
 * Engines for bench/gateway.sh, not a test: Redis and Kafka on free ports, a JWKS server, a one-hour token
 * of user 1 and that user's plan limits (high enough that the benchmark never hits them, so every request
 * is checked and counted). Writes them as shell variables to the file named by the first argument, then
 * waits until killed.
 */
public final class BenchEngines {

    private BenchEngines() {
    }

    public static void main(String[] args) throws Exception {
        int redisPort = EmbeddedEngines.redisPort();
        String kafka = EmbeddedEngines.kafkaBootstrapServers();
        TestTokens tokens = TestTokens.shared();
        String token = tokens.token(tokens.claims(1, List.of("user"))
                .expirationTime(Date.from(Instant.now().plusSeconds(3600))).build());
        try (Jedis redis = new Jedis("localhost", redisPort)) {
            redis.hset("rl:{u1}:plan", java.util.Map.of("plan", "profesional", "changed_at", "0",
                    "limit:searches", "1000000000", "limit:ai_analysis", "1000000000", "limit:api_calls", "1000000000"));
        }
        Files.writeString(Path.of(args[0]), "REDIS_PORT=" + redisPort + "\nKAFKA=" + kafka + "\nJWKS_URI="
                + tokens.jwksUri() + "\nTOKEN=" + token + "\n");
        Thread.currentThread().join();
    }
}
