package io.github.sfactions.client.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scripted HTTP server on 127.0.0.1 for protocol-level client tests (exact request shapes, timeouts, scripted
 * error answers). Token requests answer with {@code instance_url = http://127.0.0.1:port} while the login URL
 * given to clients is {@code http://localhost:port}, so a client that ignores instance_url would be caught.
 * End-to-end behaviour is tested against the emulator.
 */
final class StubSalesforce implements AutoCloseable {

    /** A request as received. */
    record Received(String method, String path, String rawQuery, Map<String, List<String>> headers, String body) {
        String header(String name) {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }

        Map<String, String> form() {
            Map<String, String> form = new LinkedHashMap<>();
            for (String pair : body.split("&")) {
                int eq = pair.indexOf('=');
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
            return form;
        }
    }

    /** An answer. */
    record Answer(int status, String contentType, String body, Map<String, String> headers) {
        static Answer json(int status, String body) {
            return new Answer(status, "application/json;charset=UTF-8", body, Map.of());
        }

        static Answer empty(int status) {
            return new Answer(status, null, "", Map.of());
        }

        Answer withHeader(String name, String value) {
            Map<String, String> h = new LinkedHashMap<>(headers);
            h.put(name, value);
            return new Answer(status, contentType, body, h);
        }
    }

    @FunctionalInterface
    interface Handler {
        Answer handle(Received request) throws Exception;
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Handler> routes = new ConcurrentHashMap<>();
    private final AtomicInteger tokensIssued = new AtomicInteger();
    private volatile Handler tokenHandler;

    StubSalesforce() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::dispatch);
        tokenHandler = req -> Answer.json(200, "{\"access_token\":\"00Dstub!token-" + tokensIssued.incrementAndGet()
                + "\",\"instance_url\":\"" + instanceUrl() + "\",\"id\":\"" + loginUrl()
                + "/id/00D000000000001AAA/005000000000001AAA\",\"token_type\":\"Bearer\",\"issued_at\":\"1\"}");
        server.start();
    }

    String loginUrl() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    String instanceUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    int tokensIssued() {
        return tokensIssued.get();
    }

    void onToken(Handler handler) {
        tokenHandler = handler;
    }

    /** Routes "METHOD /path" (path without query) to a handler. */
    void on(String method, String path, Handler handler) {
        routes.put(method + " " + path, handler);
    }

    List<Received> received() {
        return Collections.unmodifiableList(new ArrayList<>(received));
    }

    List<Received> received(String pathPrefix) {
        return received.stream().filter(r -> r.path().startsWith(pathPrefix)).toList();
    }

    private void dispatch(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Received req = new Received(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery(), new LinkedHashMap<>(exchange.getRequestHeaders()), body);
            received.add(req);
            Handler handler = "/services/oauth2/token".equals(req.path()) ? tokenHandler
                    : routes.get(req.method() + " " + req.path());
            Answer answer;
            try {
                answer = handler == null ? Answer.json(404, "[{\"errorCode\":\"NOT_FOUND\",\"message\":\"no route\"}]")
                        : handler.handle(req);
            } catch (Exception e) {
                answer = Answer.json(500, "[{\"errorCode\":\"STUB_FAILURE\",\"message\":\"" + e + "\"}]");
            }
            answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            if (answer.contentType() != null) {
                exchange.getResponseHeaders().add("Content-Type", answer.contentType());
            }
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
