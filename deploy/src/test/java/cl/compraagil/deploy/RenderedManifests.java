package cl.compraagil.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.StreamSupport;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The objects `kubectl kustomize` renders for one kustomization directory, rendered once per test run. */
record RenderedManifests(String kustomization, List<YamlNode> objects) {

    private static final Map<String, RenderedManifests> RENDERED = new ConcurrentHashMap<>();

    static RenderedManifests of(String kustomization) {
        return RENDERED.computeIfAbsent(kustomization, RenderedManifests::render);
    }

    private static RenderedManifests render(String kustomization) {
        ExternalTool.Result result = ExternalTool.KUBECTL.run(Repository.root(), "kustomize", kustomization);
        assertThat(result.exitCode())
                .as("kubectl kustomize %s failed:%n%s", kustomization, result.stderr())
                .isZero();
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        List<YamlNode> objects = StreamSupport.stream(yaml.loadAll(result.stdout()).spliterator(), false)
                .map(YamlNode::new)
                .filter(node -> !node.isMissing())
                .toList();
        return new RenderedManifests(kustomization, objects);
    }

    List<YamlNode> ofKind(String kind) {
        return objects.stream().filter(object -> kind.equals(object.path("kind").text())).toList();
    }

    List<YamlNode> deployments() {
        return ofKind("Deployment");
    }

    YamlNode find(String kind, String name) {
        return ofKind(kind).stream()
                .filter(object -> name.equals(name(object)))
                .findFirst()
                .orElse(YamlNode.MISSING);
    }

    static String name(YamlNode object) {
        return object.path("metadata", "name").text();
    }

    @Override
    public String toString() {
        return kustomization;
    }
}
