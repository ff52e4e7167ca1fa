package cl.compraagil.notification.alert;

import cl.compraagil.notification.events.UserErasure;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Alert rules in PostgreSQL; every change bumps the index version so each replica rebuilds its matcher. */
@Repository
class AlertRuleRepository implements UserErasure {

    private static final String COLUMNS = """
            id, user_id, organization_id, name, keywords, excluded_keywords, regions, organismos, unspsc_codes,
            min_amount, max_amount, tipo, channels, quiet_start, quiet_end, timezone, daily_cap, delivery, is_active,
            created_at, updated_at""";

    private final JdbcClient jdbc;

    AlertRuleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<AlertRule> ofUser(long userId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM alert_rules WHERE user_id = :user ORDER BY id")
                .param("user", userId).query(MAPPER).list();
    }

    /** The caller's own rules and, inside an organization, the rules its members created there. */
    List<AlertRule> visibleTo(long userId, Long organizationId) {
        if (organizationId == null) {
            return ofUser(userId);
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM alert_rules WHERE user_id = :user OR organization_id = :org ORDER BY id")
                .param("user", userId).param("org", organizationId).query(MAPPER).list();
    }

    /** One rule, if it is the caller's or was created in the caller's organization. */
    Optional<AlertRule> findVisible(long userId, Long organizationId, long id) {
        if (organizationId == null) {
            return find(userId, id);
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM alert_rules WHERE id = :id AND (user_id = :user OR organization_id = :org)")
                .param("id", id).param("user", userId).param("org", organizationId).query(MAPPER).optional();
    }

    Optional<AlertRule> find(long userId, long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM alert_rules WHERE id = :id AND user_id = :user")
                .param("id", id).param("user", userId).query(MAPPER).optional();
    }

    List<AlertRule> allActive() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM alert_rules WHERE is_active").query(MAPPER).list();
    }

    /** Counts the user's rules under a per-user transaction lock, so two concurrent creates cannot both pass the limit. */
    long countForUpdate(long userId) {
        jdbc.sql("SELECT 1 FROM (SELECT pg_advisory_xact_lock(:key)) AS locked").param("key", 7_000_000_000L + userId)
                .query(Integer.class).single();
        return jdbc.sql("SELECT count(*) FROM alert_rules WHERE user_id = :user").param("user", userId).query(Long.class).single();
    }

    long insert(AlertRule rule) {
        long id = jdbc.sql("""
                INSERT INTO alert_rules (user_id, organization_id, name, keywords, excluded_keywords, regions, organismos,
                    unspsc_codes, min_amount, max_amount, tipo, channels, quiet_start, quiet_end, timezone, daily_cap,
                    delivery, is_active)
                VALUES (:user, :org, :name, :keywords, :excluded, :regions, :organismos, :unspsc, :min, :max, :tipo,
                    :channels, :quietStart, :quietEnd, :timezone, :cap, :delivery, :active)
                RETURNING id
                """)
                .params(params(rule)).query(Long.class).single();
        bumpVersion();
        return id;
    }

    boolean update(AlertRule rule) {
        int updated = jdbc.sql("""
                UPDATE alert_rules SET name = :name, keywords = :keywords, excluded_keywords = :excluded, regions = :regions,
                    organismos = :organismos, unspsc_codes = :unspsc, min_amount = :min, max_amount = :max, tipo = :tipo,
                    channels = :channels, quiet_start = :quietStart, quiet_end = :quietEnd, timezone = :timezone,
                    daily_cap = :cap, delivery = :delivery, is_active = :active, updated_at = now()
                WHERE id = :id AND user_id = :user
                """)
                .params(params(rule)).param("id", rule.id()).update();
        bumpVersion();
        return updated == 1;
    }

    boolean delete(long userId, long id) {
        int deleted = jdbc.sql("DELETE FROM alert_rules WHERE id = :id AND user_id = :user")
                .param("id", id).param("user", userId).update();
        bumpVersion();
        return deleted == 1;
    }

    @Override
    public void eraseUser(long userId) {
        jdbc.sql("DELETE FROM alert_rules WHERE user_id = :user").param("user", userId).update();
        bumpVersion();
    }

    /** Turns every rule tagged with the organization into its creator's personal rule. */
    int detachFromOrganization(long organizationId) {
        return detach(jdbc.sql("UPDATE alert_rules SET organization_id = NULL, updated_at = now() WHERE organization_id = :org")
                .param("org", organizationId).update());
    }

    /** Turns the rules one member created inside the organization into that member's personal rules. */
    int detachFromOrganization(long organizationId, long userId) {
        return detach(jdbc.sql("""
                UPDATE alert_rules SET organization_id = NULL, updated_at = now()
                WHERE organization_id = :org AND user_id = :user
                """).param("org", organizationId).param("user", userId).update());
    }

    private int detach(int changed) {
        if (changed > 0) {
            bumpVersion();
        }
        return changed;
    }

    long version() {
        return jdbc.sql("SELECT version FROM alert_rule_index_version WHERE id = 1").query(Long.class).single();
    }

    private void bumpVersion() {
        jdbc.sql("UPDATE alert_rule_index_version SET version = version + 1 WHERE id = 1").update();
    }

    private static java.util.Map<String, Object> params(AlertRule rule) {
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        params.put("user", rule.userId());
        params.put("org", rule.organizationId());
        params.put("name", rule.name());
        params.put("keywords", rule.keywords().toArray(String[]::new));
        params.put("excluded", rule.excludedKeywords().toArray(String[]::new));
        params.put("regions", rule.regions().toArray(String[]::new));
        params.put("organismos", rule.organismos().toArray(String[]::new));
        params.put("unspsc", rule.unspscCodes().toArray(String[]::new));
        params.put("min", rule.minAmount());
        params.put("max", rule.maxAmount());
        params.put("tipo", rule.tipo());
        params.put("channels", rule.channels().toArray(String[]::new));
        params.put("quietStart", rule.quietStart() == null ? null : Time.valueOf(rule.quietStart()));
        params.put("quietEnd", rule.quietEnd() == null ? null : Time.valueOf(rule.quietEnd()));
        params.put("timezone", rule.timezone());
        params.put("cap", rule.dailyCap());
        params.put("delivery", rule.delivery());
        params.put("active", rule.active());
        return params;
    }

    private static final RowMapper<AlertRule> MAPPER = (rs, n) -> new AlertRule(
            rs.getLong("id"), rs.getLong("user_id"), (Long) rs.getObject("organization_id", Long.class), rs.getString("name"),
            strings(rs, "keywords"), strings(rs, "excluded_keywords"), strings(rs, "regions"), strings(rs, "organismos"),
            strings(rs, "unspsc_codes"), (Long) rs.getObject("min_amount", Long.class), (Long) rs.getObject("max_amount", Long.class),
            rs.getString("tipo"), strings(rs, "channels"),
            rs.getTime("quiet_start") == null ? null : rs.getTime("quiet_start").toLocalTime(),
            rs.getTime("quiet_end") == null ? null : rs.getTime("quiet_end").toLocalTime(),
            rs.getString("timezone"), rs.getInt("daily_cap"), rs.getString("delivery"), rs.getBoolean("is_active"),
            rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());

    private static List<String> strings(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
