package cl.compraagil.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EventLoopCountTest {

    @Test
    void onIoUringTheGatewayRunsOneLoopPerAvailableCore() {
        assertThat(EventLoopCount.choose(null, null, true, 2)).contains(2);
        assertThat(EventLoopCount.choose(null, "true", true, 8)).contains(8);
    }

    @Test
    void aContainerLimitedToLessThanOneCoreStillGetsOneLoop() {
        assertThat(EventLoopCount.choose(null, null, true, 0)).contains(1);
    }

    @Test
    void onEpollReactorNettysOwnDefaultStays() {
        assertThat(EventLoopCount.choose(null, null, false, 2)).isEmpty();
    }

    @Test
    void theOperatorsLoopCountWins() {
        assertThat(EventLoopCount.choose("4", null, true, 2)).isEmpty();
    }

    @Test
    void withNativeTransportsSwitchedOffReactorNettyRunsNioAndKeepsItsDefault() {
        assertThat(EventLoopCount.choose(null, "false", true, 2)).isEmpty();
    }
}
