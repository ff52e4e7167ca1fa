package cl.compraagil.gateway.quota;

import java.time.LocalDate;

/**
 * Redis key names. Every key of one user shares the hash tag {@code {u<id>}}, so the limiter script
 * touches a single Redis Cluster slot.
 */
final class QuotaKeys {

    private QuotaKeys() {
    }

    static String plan(long userId) {
        return "rl:{u" + userId + "}:plan";
    }

    static String userBucket(long userId) {
        return "rl:{u" + userId + "}:burst";
    }

    static String apiKeyBucket(long userId, long apiKeyId) {
        return "rl:{u" + userId + "}:key:" + apiKeyId;
    }

    static String ipBucket(String address) {
        return "rl:{ip:" + address + "}:burst";
    }

    static String counter(long userId, String resource, LocalDate day) {
        return "rl:{u" + userId + "}:" + resource + ":" + day;
    }
}
