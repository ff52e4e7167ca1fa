package cl.compraagil.ml;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Market history, price recommendation, win probability, competitors and AI analysis. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MlServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(MlServiceApplication.class, args);
    }
}
