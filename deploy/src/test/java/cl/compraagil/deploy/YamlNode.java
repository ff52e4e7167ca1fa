package cl.compraagil.deploy;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Null-safe navigation through parsed YAML: a missing key yields a missing node instead of an exception. */
record YamlNode(Object value) {

    static final YamlNode MISSING = new YamlNode(null);

    YamlNode path(String... keys) {
        YamlNode node = this;
        for (String key : keys) {
            node = node.get(key);
        }
        return node;
    }

    YamlNode get(String key) {
        return value instanceof Map<?, ?> map ? new YamlNode(map.get(key)) : MISSING;
    }

    boolean isMissing() {
        return value == null;
    }

    String text() {
        return value == null ? null : value.toString();
    }

    Stream<YamlNode> items() {
        return value instanceof List<?> list ? list.stream().map(YamlNode::new) : Stream.empty();
    }

    Map<String, YamlNode> fields() {
        if (!(value instanceof Map<?, ?> map)) {
            return Map.of();
        }
        return map.entrySet().stream()
                .filter(entry -> entry.getValue() != null)
                .collect(Collectors.toMap(
                        entry -> Objects.toString(entry.getKey()), entry -> new YamlNode(entry.getValue())));
    }

    Map<String, String> textFields() {
        return fields().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().text()));
    }

    @Override
    public String toString() {
        return String.valueOf(value);
    }
}
