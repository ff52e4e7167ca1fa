package cl.compraagil.licitacion;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Compra Agil and licitaciones ingested from Mercado Publico, search and saved licitaciones. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LicitacionServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(LicitacionServiceApplication.class, args);
    }
}
