package cl.compraagil.launcher;

import java.util.List;

/**
 * The run cannot start for a reason people can fix (a busy port, a missing jar, a run already going). Its lines are
 * printed as they are and the launcher exits with code 2, without a stack trace.
 */
public class LaunchRefusedException extends RuntimeException {

    private final List<String> lines;

    public LaunchRefusedException(List<String> lines) {
        super(String.join(System.lineSeparator(), lines));
        this.lines = List.copyOf(lines);
    }

    public List<String> lines() {
        return lines;
    }
}
