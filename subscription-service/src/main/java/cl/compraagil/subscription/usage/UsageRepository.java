package cl.compraagil.subscription.usage;

import java.sql.Date;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Usage counters per user and resource: one row per month (the seed's usage_tracking) and one per day. */
@Repository
class UsageRepository {

    private final JdbcClient jdbc;

    UsageRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds {@code times} uses of {@code resource} on {@code day} to the month's and the day's counters. */
    void count(long userId, String resource, LocalDate day, int times) {
        jdbc.sql("""
                INSERT INTO usage_tracking (user_id, resource_type, month, count) VALUES (:user, :resource, :month, :times)
                ON CONFLICT (user_id, resource_type, month)
                DO UPDATE SET count = usage_tracking.count + :times, updated_at = now()
                """)
                .param("user", userId).param("resource", resource).param("month", Date.valueOf(day.withDayOfMonth(1)))
                .param("times", times)
                .update();
        jdbc.sql("""
                INSERT INTO usage_daily (user_id, resource_type, day, count) VALUES (:user, :resource, :day, :times)
                ON CONFLICT (user_id, day, resource_type) DO UPDATE SET count = usage_daily.count + :times
                """)
                .param("user", userId).param("resource", resource).param("day", Date.valueOf(day))
                .param("times", times)
                .update();
    }

    Map<String, Integer> day(long userId, LocalDate day) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        jdbc.sql("SELECT resource_type, count FROM usage_daily WHERE user_id = :user AND day = :day ORDER BY resource_type")
                .param("user", userId).param("day", Date.valueOf(day))
                .query(rs -> {
                    counts.put(rs.getString("resource_type"), rs.getInt("count"));
                });
        return counts;
    }

    Map<String, Integer> month(long userId, LocalDate anyDayOfMonth) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        jdbc.sql("SELECT resource_type, count FROM usage_tracking WHERE user_id = :user AND month = :month ORDER BY resource_type")
                .param("user", userId).param("month", Date.valueOf(anyDayOfMonth.withDayOfMonth(1)))
                .query(rs -> {
                    counts.put(rs.getString("resource_type"), rs.getInt("count"));
                });
        return counts;
    }

    void delete(long userId) {
        jdbc.sql("DELETE FROM usage_daily WHERE user_id = :user").param("user", userId).update();
        jdbc.sql("DELETE FROM usage_tracking WHERE user_id = :user").param("user", userId).update();
    }

    /** Daily rows are only needed for "today"; older ones are pruned, the monthly rows keep the history. */
    int pruneDaysBefore(LocalDate day) {
        return jdbc.sql("DELETE FROM usage_daily WHERE day < :day").param("day", Date.valueOf(day)).update();
    }
}
