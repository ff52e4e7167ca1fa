package cl.compraagil.launcher;

/** A TCP port the local run needs, with the name people know its owner by. */
public record NamedPort(int number, String owner) {
}
