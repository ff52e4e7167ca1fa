package cl.compraagil.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Sends one inline command over the Redis protocol and returns the first reply line; enough for PING, SET and GET. */
final class RedisWire {

    private RedisWire() {
    }

    static String command(int port, String inline) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write((inline + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String reply = in.readLine();
            // a bulk string reply ($<length>) carries its value on the next line
            return reply.startsWith("$") && !reply.equals("$-1") ? in.readLine() : reply;
        }
    }
}
