package cl.compraagil.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The only public entry to the suite. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

    /** Netty's leak detector, unless the operator chose a level ({@code -Dio.netty.leakDetection.level}). */
    static final String LEAK_DETECTION = "io.netty.leakDetection.level";

    public static void main(String[] args) {
        // By default Netty tracks one buffer in 128 and records a stack trace at each of its uses: with the reactive
        // chain's deep stacks that was about 3 us per proxied request. Leaks are looked for in test runs
        // (-Dio.netty.leakDetection.level=paranoid), not on every production request.
        if (System.getProperty(LEAK_DETECTION) == null) {
            System.setProperty(LEAK_DETECTION, "disabled");
        }
        EventLoopCount.apply();
        SpringApplication.run(GatewayApplication.class, args);
    }
}
