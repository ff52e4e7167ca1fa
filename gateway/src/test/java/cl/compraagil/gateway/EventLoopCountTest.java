package cl.compraagil.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

class EventLoopCountTest {

    private static final BooleanSupplier IO_URING = () -> true;
    private static final BooleanSupplier EPOLL_ONLY = () -> false;
    private static final BooleanSupplier NOT_TO_BE_ASKED = () -> {
        throw new AssertionError("io_uring was probed although the answer could not change the count");
    };

    @Test
    void onIoUringTheGatewayRunsOneLoopPerAvailableCore() {
        assertThat(EventLoopCount.choose(null, null, IO_URING, 2)).contains(2);
        assertThat(EventLoopCount.choose(null, "true", IO_URING, 8)).contains(8);
    }

    @Test
    void aContainerLimitedToLessThanOneCoreStillGetsOneLoop() {
        assertThat(EventLoopCount.choose(null, null, IO_URING, 0)).contains(1);
    }

    @Test
    void onEpollReactorNettysOwnDefaultStays() {
        assertThat(EventLoopCount.choose(null, null, EPOLL_ONLY, 2)).isEmpty();
    }

    @Test
    void theOperatorsLoopCountWins() {
        assertThat(EventLoopCount.choose("4", null, NOT_TO_BE_ASKED, 2)).isEmpty();
    }

    @Test
    void withNativeTransportsSwitchedOffReactorNettyRunsNioAndKeepsItsDefault() {
        assertThat(EventLoopCount.choose(null, "false", NOT_TO_BE_ASKED, 2)).isEmpty();
    }
}
