package cl.compraagil.auth.admin;

import cl.compraagil.auth.audit.AuditLog;
import cl.compraagil.auth.token.RefreshTokens;
import cl.compraagil.auth.user.User;
import cl.compraagil.auth.user.UserRepository;
import cl.compraagil.problem.ApiProblem;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Admin actions on accounts; each one is audited in its own transaction. */
@Component
class Administration {

    private final UserRepository users;
    private final RefreshTokens refreshTokens;
    private final AuditLog audit;
    private final TransactionTemplate transactions;

    Administration(UserRepository users, RefreshTokens refreshTokens, AuditLog audit, TransactionTemplate transactions) {
        this.users = users;
        this.refreshTokens = refreshTokens;
        this.audit = audit;
        this.transactions = transactions;
    }

    /** An admin reading another account is itself an audited action (ASVS: access to personal data is logged). */
    User view(long adminId, long userId, String ip) {
        return transactions.execute(status -> {
            User target = existing(userId);
            audit.record("user_viewed", adminId, target.id(), null, ip, Map.of());
            return target;
        });
    }

    /** Deactivation ends every session at once; access tokens already issued expire within 15 minutes. */
    void setActive(long adminId, long userId, boolean active, String ip) {
        transactions.executeWithoutResult(status -> {
            User target = existing(userId);
            refuseSelf(adminId, userId);
            users.setActive(target.id(), active);
            int revoked = active ? 0 : refreshTokens.revokeAll(target.id());
            audit.record(active ? "user_reactivated" : "user_deactivated", adminId, target.id(), null, ip,
                    Map.of("sessions_revoked", revoked));
        });
    }

    void setAdmin(long adminId, long userId, boolean admin, String ip) {
        transactions.executeWithoutResult(status -> {
            User target = existing(userId);
            refuseSelf(adminId, userId);
            users.setAdmin(target.id(), admin);
            audit.record(admin ? "admin_granted" : "admin_revoked", adminId, target.id(), null, ip, Map.of());
        });
    }

    private User existing(long userId) {
        return users.findById(userId).orElseThrow(() -> ApiProblem.notFound("El usuario"));
    }

    /** An admin cannot lock themselves out; another admin must do it. */
    private static void refuseSelf(long adminId, long userId) {
        if (adminId == userId) {
            throw ApiProblem.conflict("self_action", "No puedes aplicarte esta acción a ti mismo.");
        }
    }
}
