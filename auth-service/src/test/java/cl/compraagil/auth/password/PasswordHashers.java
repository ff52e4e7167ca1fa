package cl.compraagil.auth.password;

/** Lets benchmarks outside this package build the service's hasher from bound properties. */
public final class PasswordHashers {

    private PasswordHashers() {
    }

    public static PasswordHasher of(PasswordHashingProperties properties) {
        return new PasswordHasher(properties);
    }
}
