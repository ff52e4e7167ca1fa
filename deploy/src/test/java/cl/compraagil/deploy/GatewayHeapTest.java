package cl.compraagil.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The gateway runs the serial collector with a fixed young generation (docs/gateway.md, "Heap"); whatever memory
 * limit an overlay gives it, the old generation keeps room for its live data.
 */
class GatewayHeapTest {

    @EveryKustomization
    void theGatewaysYoungGenerationLeavesTheOldGenerationRoom(String kustomization) {
        Workload gateway = new Workload(RenderedManifests.of(kustomization).find("Deployment", "gateway"));
        YamlNode container = gateway.containers().get(0);
        String options = gateway.envValues(container, "JAVA_TOOL_OPTIONS").stream()
                .findFirst().orElseThrow(() -> new AssertionError("the gateway sets no JAVA_TOOL_OPTIONS of its own"));
        long limit = Quantity.parse(container.path("resources", "limits", "memory").text()).longValueExact();

        assertSized(new GatewayHeap(limit, options), kustomization);
    }

    @Test
    void sizesAreReadAsTheJvmAndComposeWriteThem() {
        assertThat(GatewayHeap.bytes("512m")).isEqualTo(512L << 20);
        assertThat(GatewayHeap.bytes("1g")).isEqualTo(1L << 30);
        assertThat(GatewayHeap.bytes("1536M")).isEqualTo(1536L << 20);
        assertThat(GatewayHeap.bytes("1073741824")).isEqualTo(1L << 30);

        GatewayHeap heap = new GatewayHeap(1L << 30, "-XX:MaxRAMPercentage=70 -XX:+UseSerialGC -Xmn512m");
        assertThat(heap.heapBytes()).isEqualTo(751_619_277L);
        assertThat(heap.oldBytes()).isEqualTo(751_619_277L - (512L << 20));
        assertThat(new GatewayHeap(768L << 20, "-XX:MaxRAMPercentage=70 -Xmn512m").oldBytes())
                .isLessThan(GatewayHeap.MIN_OLD_GENERATION);
    }

    static void assertSized(GatewayHeap heap, String where) {
        assertThat(heap.collectsSerially()).as("%s: the gateway names the serial collector", where).isTrue();
        assertThat(heap.youngBytes()).as("%s: the gateway fixes its young generation", where).isPresent();
        assertThat(heap.oldBytes()).as("%s: old generation left by -Xmn", where)
                .isGreaterThanOrEqualTo(GatewayHeap.MIN_OLD_GENERATION);
    }
}
