package cl.compraagil.deploy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Evaluates the rendered NetworkPolicies for traffic between two pods of the same namespace, as a CNI that
 * enforces them would: a pod no policy selects accepts everything; a selected pod accepts only what some ingress
 * rule of a selecting policy admits. Ports are not modelled, and the application namespace is assumed to be one
 * that no labelled namespaceSelector picks (the `monitoring` namespace is another).
 */
record NetworkFence(List<YamlNode> policies) {

    static NetworkFence of(RenderedManifests manifests) {
        return new NetworkFence(manifests.ofKind("NetworkPolicy"));
    }

    boolean admits(Map<String, String> source, Map<String, String> target) {
        List<YamlNode> selecting = policies.stream()
                .filter(NetworkFence::governsIngress)
                .filter(policy -> matches(policy.path("spec", "podSelector"), target))
                .toList();
        return selecting.isEmpty() || selecting.stream()
                .flatMap(policy -> policy.path("spec", "ingress").items())
                .anyMatch(rule -> ruleAdmits(rule, source));
    }

    private static boolean governsIngress(YamlNode policy) {
        YamlNode types = policy.path("spec", "policyTypes");
        return types.isMissing() || types.items().anyMatch(type -> "Ingress".equals(type.text()));
    }

    private static boolean ruleAdmits(YamlNode rule, Map<String, String> source) {
        List<YamlNode> peers = rule.get("from").items().toList();
        return peers.isEmpty() || peers.stream().anyMatch(peer -> peerAdmits(peer, source));
    }

    private static boolean peerAdmits(YamlNode peer, Map<String, String> source) {
        YamlNode namespaces = peer.get("namespaceSelector");
        if (!namespaces.isMissing() && !namespaces.fields().isEmpty()) {
            return false;
        }
        YamlNode pods = peer.get("podSelector");
        if (pods.isMissing()) {
            // an ipBlock, or an empty namespaceSelector alone: any pod of any namespace
            return peer.get("ipBlock").isMissing();
        }
        return matches(pods, source);
    }

    /** Kubernetes label-selector semantics; an empty selector selects every pod. */
    static boolean matches(YamlNode selector, Map<String, String> labels) {
        boolean labelsMatch = selector.get("matchLabels").textFields().entrySet().stream()
                .allMatch(wanted -> wanted.getValue().equals(labels.get(wanted.getKey())));
        return labelsMatch && selector.get("matchExpressions").items()
                .allMatch(expression -> expressionMatches(expression, labels));
    }

    private static boolean expressionMatches(YamlNode expression, Map<String, String> labels) {
        String value = labels.get(expression.get("key").text());
        Set<String> values = expression.get("values").items().map(YamlNode::text).collect(Collectors.toSet());
        return switch (expression.get("operator").text()) {
            case "In" -> values.contains(value);
            case "NotIn" -> !values.contains(value);
            case "Exists" -> value != null;
            case "DoesNotExist" -> value == null;
            default -> throw new IllegalArgumentException("unknown selector operator in " + expression);
        };
    }
}
