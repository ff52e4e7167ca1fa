package cl.compraagil.deploy;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** One rendered Deployment seen through the properties the hardening rules talk about. */
record Workload(YamlNode deployment) {

    String name() {
        return RenderedManifests.name(deployment);
    }

    YamlNode podSpec() {
        return deployment.path("spec", "template", "spec");
    }

    Map<String, String> podLabels() {
        return deployment.path("spec", "template", "metadata", "labels").textFields();
    }

    List<YamlNode> containers() {
        return podSpec().get("containers").items().toList();
    }

    /** Port names and numbers of every container, as a Service targetPort or a probe port may name them. */
    Set<String> containerPorts() {
        return containers().stream()
                .flatMap(container -> container.get("ports").items())
                .flatMap(port -> Stream.of(port.get("name").text(), port.get("containerPort").text()))
                .filter(Objects::nonNull)
                .collect(Collectors.toSet());
    }

    /** A container setting wins over the pod's, as the kubelet applies them. */
    String effectiveSecurity(YamlNode container, String field) {
        YamlNode own = container.path("securityContext", field);
        return own.isMissing() ? podSpec().path("securityContext", field).text() : own.text();
    }

    Set<String> emptyDirMountPaths(YamlNode container) {
        Set<String> emptyDirVolumes = podSpec().get("volumes").items()
                .filter(volume -> !volume.get("emptyDir").isMissing())
                .map(volume -> volume.get("name").text())
                .collect(Collectors.toSet());
        return container.get("volumeMounts").items()
                .filter(mount -> emptyDirVolumes.contains(mount.get("name").text()))
                .map(mount -> mount.get("mountPath").text())
                .collect(Collectors.toSet());
    }

    /** The values {@code container} gives the environment variable {@code name} in its own {@code env} list. */
    List<String> envValues(YamlNode container, String name) {
        return container.get("env").items()
                .filter(variable -> name.equals(variable.get("name").text()))
                .map(variable -> variable.get("value").text())
                .toList();
    }

    boolean selectedBy(YamlNode labelSelector) {
        Map<String, String> wanted = labelSelector.textFields();
        return !wanted.isEmpty() && podLabels().entrySet().containsAll(wanted.entrySet());
    }
}
