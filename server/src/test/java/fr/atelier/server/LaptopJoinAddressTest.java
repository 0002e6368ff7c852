package fr.atelier.server;

import static org.assertj.core.api.Assertions.assertThat;

import fr.atelier.server.http.QrCodes;
import fr.atelier.server.infra.LocalNetwork;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A facilitator who opens http://localhost:8080 on the laptop that runs Atelier: the QR code and the
 * join link must carry the laptop's address on the room's network, not "localhost".
 */
class LaptopJoinAddressTest {
    static TestNode node;
    static String lan;

    @BeforeAll
    static void start() {
        // Listening on every interface, as the product does by default (tests otherwise bind loopback only).
        node = TestNode.start(TestConfig.fastest().withHttpHost("0.0.0.0"));
        lan = new LocalNetwork().lanAddress().orElse(null);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void pagesOpenedOnLocalhostGiveTheRoomNetworkAddress() throws IOException {
        String json = body(request("GET", "/api/join-base", "localhost:" + node.port(), ""));
        if (lan == null) {
            assertThat(json).contains("\"phonesCanReach\":false").contains("localhost:" + node.port());
            return;
        }
        String expected = "http://" + lan + ":" + node.port();
        assertThat(json).contains("\"base\":\"" + expected + "\"").contains("\"phonesCanReach\":true");

        String created = body(request("POST", "/api/sessions", "localhost:" + node.port(), "{\"format\":\"poll\",\"title\":\"Salle sans internet\"}"));
        assertThat(created).contains("\"joinUrl\":\"" + expected + "/j/");
        String code = created.replaceAll("(?s).*\"code\":\"([A-Z0-9]+)\".*", "$1");
        String qr = body(request("GET", "/api/sessions/" + code + "/qr.svg", "127.0.0.1:" + node.port(), ""));
        assertThat(qr).as("the QR code encodes the room-network join link").isEqualTo(QrCodes.svg(expected + "/j/" + code));
    }

    @Test
    void behindAProxyOrOnARealNameNothingChanges() throws IOException {
        assertThat(body(request("GET", "/api/join-base", "atelier.example.org", "")))
                .contains("\"base\":\"http://atelier.example.org\"");
        assertThat(body(requestWith("X-Forwarded-Host: atelier.example.org\r\n", "localhost:" + node.port())))
                .contains("\"base\":\"http://localhost:" + node.port() + "\"");
    }

    private static String request(String method, String path, String host, String body) throws IOException {
        return raw(method + " " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n"
                + (body.isEmpty() ? "" : "Content-Type: application/json\r\nContent-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n")
                + "\r\n" + body);
    }

    private static String requestWith(String extraHeaders, String host) throws IOException {
        return raw("GET /api/join-base HTTP/1.1\r\nHost: " + host + "\r\n" + extraHeaders + "Connection: close\r\n\r\n");
    }

    /** One HTTP/1.1 exchange over a plain socket: the only way to send any Host header we like. */
    private static String raw(String request) throws IOException {
        try (Socket s = new Socket("127.0.0.1", node.port())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String body(String response) {
        assertThat(response).startsWith("HTTP/1.1 20");
        String body = response.substring(response.indexOf("\r\n\r\n") + 4);
        if (response.toLowerCase().contains("transfer-encoding: chunked")) {
            StringBuilder out = new StringBuilder();
            String rest = body;
            while (true) {
                int eol = rest.indexOf("\r\n");
                int size = Integer.parseInt(rest.substring(0, eol).trim(), 16);
                if (size == 0) {
                    break;
                }
                out.append(rest, eol + 2, eol + 2 + size);
                rest = rest.substring(eol + 2 + size + 2);
            }
            return out.toString();
        }
        return body;
    }
}
