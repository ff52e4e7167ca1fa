package cl.compraagil.launcher;

/**
 * One line of {@code ./dev status}: an engine or a service, its pid (0 when not running), state, and resident memory
 * both as RSS and as PSS (shared pages split between the processes that share them).
 */
public record ComponentStatus(String name, long pid, String state, long residentBytes, long proportionalBytes) {

    public boolean running() {
        return pid > 0;
    }
}
