package cl.compraagil.launcher;

/** A service that exited or never became ready while the suite was starting; carries the process for its log. */
public final class ServiceFailedException extends Exception {

    private final transient ServiceProcess process;

    ServiceFailedException(ServiceProcess process, String reason) {
        super(process.spec().module() + " " + reason);
        this.process = process;
    }

    public ServiceProcess process() {
        return process;
    }
}
