package cl.compraagil.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassDataSharingTest {

    @TempDir
    Path root;

    @Test
    void aJarThatIsNotASpringBootJarStartsAsItIs() throws Exception {
        Workspace workspace = new Workspace(root);
        Path jar = FakeServiceJar.writeFor(workspace, "plain-service");

        ClassDataSharing.Plan plan = ClassDataSharing.prepare(new ServiceSpec("plain-service", 1, "/", jar, Map.of()), workspace);

        assertEquals(ClassDataSharing.Plan.plain(jar), plan);
        assertFalse(Files.exists(workspace.runDir().resolve("cds")));
    }

    @Test
    void aServiceStartsWithoutArchiveUntilOneHasBeenTrainedAndWithItAfterwards() throws Exception {
        Path archive = root.resolve("classes.jsa");
        ClassDataSharing.Plan plan = new ClassDataSharing.Plan(root.resolve("app.jar"), archive);

        assertTrue(plan.canTrain());
        assertEquals(List.of(), plan.jvmFlags());

        Files.writeString(archive, "trained");

        assertFalse(plan.canTrain());
        assertEquals(List.of("-XX:SharedArchiveFile=" + archive), plan.jvmFlags());
    }

    @Test
    void aPlainJarHasNothingToTrain() {
        assertFalse(ClassDataSharing.Plan.plain(root.resolve("app.jar")).canTrain());
    }
}
