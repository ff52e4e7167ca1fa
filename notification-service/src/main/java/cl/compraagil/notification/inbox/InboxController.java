package cl.compraagil.notification.inbox;

import cl.compraagil.problem.ApiProblem;
import cl.compraagil.security.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's in-app inbox. */
@RestController
@RequestMapping("/api/v1/notifications")
class InboxController {

    private final Inbox inbox;

    InboxController(Inbox inbox) {
        this.inbox = inbox;
    }

    @GetMapping
    @Operation(summary = "Bandeja de notificaciones del usuario, más recientes primero, con cursor y conteo de no leídas")
    InboxPage list(AuthenticatedUser user,
            @RequestParam(required = false) @Pattern(regexp = "\\d{1,18}", message = "El cursor no es válido.") String cursor,
            @RequestParam(defaultValue = "20") @Min(value = 1, message = "El límite mínimo es 1.")
            @Max(value = 100, message = "El límite máximo es 100.") int limit,
            @RequestParam(name = "unread_only", defaultValue = "false") boolean unreadOnly) {
        Long before = cursor == null ? null : Long.valueOf(cursor);
        List<NotificationView> rows = inbox.page(user.id(), before, unreadOnly, limit + 1);
        boolean more = rows.size() > limit;
        List<NotificationView> items = more ? rows.subList(0, limit) : rows;
        String next = more ? Long.toString(items.get(items.size() - 1).id()) : null;
        return new InboxPage(items, next, inbox.unreadCount(user.id()));
    }

    @PostMapping("/{id}/read")
    NotificationView read(AuthenticatedUser user, @PathVariable long id) {
        return inbox.markRead(user.id(), id).orElseThrow(() -> ApiProblem.notFound("La notificación"));
    }

    @PostMapping("/read-all")
    Map<String, Integer> readAll(AuthenticatedUser user) {
        return Map.of("updated", inbox.markAllRead(user.id()));
    }
}
