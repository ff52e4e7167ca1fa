package cl.compraagil.auth.organization;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Which organization a user acts in and with which role; read when tokens are issued. */
@Component
public class Memberships {

    private final JdbcClient jdbc;

    Memberships(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return the role code, empty when the user is not a member */
    public Optional<String> roleOf(long organizationId, long userId) {
        return jdbc.sql("SELECT role FROM organization_members WHERE organization_id = :org AND user_id = :user")
                .param("org", organizationId).param("user", userId).query(String.class).optional();
    }

    /** The organization a fresh login acts in: the one the user joined first. */
    public Optional<Long> defaultOrganization(long userId) {
        return jdbc.sql("SELECT organization_id FROM organization_members WHERE user_id = :user ORDER BY joined_at, id LIMIT 1")
                .param("user", userId).query(Long.class).optional();
    }
}
