package cl.compraagil.launcher;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * Stands in for a Spring Boot service in launcher tests: listens on SERVER_PORT and answers its health paths after
 * a short delay, or dies at start-up when FAKE_SERVICE_FAIL is set. With FAKE_ROUTES_AFTER_MS it also stands in for
 * the gateway's routes to the services' API documents.
 */
public final class FakeService {

    private FakeService() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (System.getenv("FAKE_SERVICE_FAIL") != null) {
            System.out.println("boom: cannot connect to the database");
            System.exit(3);
        }
        int port = Integer.parseInt(System.getenv("SERVER_PORT"));
        HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
        // not ready at once, as a real service that still runs its migrations
        Thread.sleep(500);
        server.createContext("/actuator/health", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        String routesAfter = System.getenv("FAKE_ROUTES_AFTER_MS");
        if (routesAfter != null) {
            // a gateway that learns of the services a while after it is ready, or never (-1): 503 until then
            long afterMillis = Long.parseLong(routesAfter);
            long routesFrom = System.nanoTime() + afterMillis * 1_000_000;
            boolean never = afterMillis < 0;
            server.createContext("/v3/api-docs/", exchange -> {
                exchange.sendResponseHeaders(!never && System.nanoTime() >= routesFrom ? 200 : 503, -1);
                exchange.close();
            });
        }
        server.start();
        System.out.println("fake service listening on " + port + " with DB_URL=" + System.getenv("DB_URL"));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("fake service stopping")));
    }
}
