package cl.compraagil.notification.events;

/** A feature's store of rows about users; {@link UserDeletions} calls each one when auth-service deletes a user. */
public interface UserErasure {

    void eraseUser(long userId);
}
