package cl.compraagil.deploy;

import java.nio.file.Path;

/** Locates files of the repository root, where docker-compose.yml and k8s/ live beside the Maven modules. */
final class Repository {

    private Repository() {
    }

    static Path root() {
        // set by the module's surefire configuration; the fallback covers running a test from an IDE in deploy/
        String configured = System.getProperty("deploy.repository-root", "..");
        return Path.of(configured).toAbsolutePath().normalize();
    }

    static Path file(String relativePath) {
        return root().resolve(relativePath);
    }
}
