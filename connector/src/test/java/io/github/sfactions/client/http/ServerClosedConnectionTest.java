package io.github.sfactions.client.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sfactions.client.ApiCall;
import io.github.sfactions.client.ApiOperation;
import io.github.sfactions.client.ConnectionSettings;
import io.github.sfactions.client.PasswordFlow;
import io.github.sfactions.client.SalesforceClient;
import io.github.sfactions.client.http.StubSalesforce.Answer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A server that announces the end of a connection ({@code Connection: close}) after an answer. */
class ServerClosedConnectionTest {

    private static final String V = "/services/data/v62.0";

    private StubSalesforce stub;
    private SalesforceClient client;
    private final List<ApiCall> calls = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        stub = new StubSalesforce();
        client = SalesforceClient.create(ConnectionSettings.builder().loginUrl(stub.loginUrl())
                .allowLocalInstance(true)
                .auth(new PasswordFlow("client-id", "client-secret-123", "user@acme.com", "password-123", "TOKEN"))
                .build(), calls::add);
    }

    @AfterEach
    void stop() {
        client.close();
        stub.close();
    }

    @Test
    void aConnectionTheServerClosesAfterItsAnswerIsNotReusedSoTheNextPostGoesOutOnceOnANewOne() {
        stub.on("GET", V + "/limits", req -> Answer.json(200,
                "{\"DailyApiRequests\":{\"Max\":100,\"Remaining\":99}}").withHeader("Connection", "close"));
        stub.on("POST", V + "/sobjects/Lead", req -> Answer.json(201,
                "{\"id\":\"00Q000000000001AAA\",\"success\":true,\"errors\":[]}").withHeader("Connection", "close"));
        for (int i = 0; i < 3; i++) {
            client.limits();
            client.create("Lead", Map.of("LastName", "Doe", "Company", "Acme"));
        }

        assertThat(stub.received(V + "/sobjects/Lead")).hasSize(3);
        assertThat(calls).filteredOn(c -> c.operation() != ApiOperation.TOKEN).extracting(ApiCall::status)
                .containsExactly(200, 201, 200, 201, 200, 201);
    }
}
