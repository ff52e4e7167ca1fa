package cl.compraagil.notification.inbox;

import java.util.List;

/** A page of the inbox, newest first; {@code nextCursor} is null on the last page. */
public record InboxPage(List<NotificationView> items, String nextCursor, long unreadCount) {
}
