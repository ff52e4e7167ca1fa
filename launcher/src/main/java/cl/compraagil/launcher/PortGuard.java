package cl.compraagil.launcher;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;

/**
 * Checks every port before anything starts, so a busy port ends the run with one clear line per port instead of a
 * half-started suite and a bind stack trace from whichever engine hit it first.
 */
public final class PortGuard {

    private PortGuard() {
    }

    public static void requireFree(List<NamedPort> ports) {
        List<String> problems = ports.stream().filter(port -> !isFree(port.number())).map(PortGuard::message).toList();
        if (!problems.isEmpty()) {
            throw new PortInUseException(problems);
        }
    }

    static String message(NamedPort port) {
        return "Port " + port.number() + " (" + port.owner() + ") is already in use; stop what uses it or run ./dev down";
    }

    /** Binding the wildcard address collides with a listener on any local address, IPv4 or IPv6. */
    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Thrown when one or more ports are taken, with one line per port. */
    public static final class PortInUseException extends LaunchRefusedException {

        PortInUseException(List<String> lines) {
            super(lines);
        }
    }
}
