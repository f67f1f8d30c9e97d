package io.github.sfactions.client.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sfactions.client.AuthFlow;
import io.github.sfactions.client.ClientCredentialsFlow;
import io.github.sfactions.client.ConnectionSettings;
import io.github.sfactions.client.JwtBearerFlow;
import io.github.sfactions.client.PasswordFlow;
import io.github.sfactions.client.RefreshTokenFlow;
import io.github.sfactions.client.SalesforceApiException;
import io.github.sfactions.client.SalesforceClient;
import io.github.sfactions.client.http.StubSalesforce.Answer;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Failed logins give clear, classified errors that never carry a secret, even when the server echoes one. */
class LoginFailureTest {

    private static final String SECRET = "Cl1ent-Secret+value/1";
    private static final String PASSWORD = "Pa55word&more";
    private static final String SECURITY_TOKEN = "SecTok3nXYZ";
    private static final String REFRESH = "5Aep861refresh.token==";
    private static PrivateKey key;

    private StubSalesforce stub;

    @BeforeAll
    static void generateKey() throws Exception {
        KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
        gen.initialize(2048);
        key = gen.generateKeyPair().getPrivate();
    }

    @BeforeEach
    void start() throws Exception {
        stub = new StubSalesforce();
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    private List<AuthFlow> flows() {
        return List.of(new PasswordFlow("cid", SECRET, "user@acme.com", PASSWORD, SECURITY_TOKEN),
                new RefreshTokenFlow("cid", SECRET, REFRESH), new ClientCredentialsFlow("cid", SECRET),
                new JwtBearerFlow("cid", "user@acme.com", key));
    }

    private SalesforceApiException loginFailure(AuthFlow flow) {
        try (SalesforceClient client = SalesforceClient.create(ConnectionSettings.builder().loginUrl(stub.loginUrl())
                .allowLocalInstance(true).auth(flow).build())) {
            AtomicReference<SalesforceApiException> error = new AtomicReference<>();
            assertThatThrownBy(client::authenticate).isInstanceOfSatisfying(SalesforceApiException.class, error::set);
            return error.get();
        }
    }

    @Test
    void wrongCredentialsGiveAClearPermanentErrorNamingTheFlow() {
        stub.onToken(req -> Answer.json(400, "{\"error\":\"invalid_grant\",\"error_description\":\"authentication failure\"}"));
        for (AuthFlow flow : flows()) {
            SalesforceApiException e = loginFailure(flow);
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.errorCode()).isEqualTo("400");
            assertThat(e.retryable()).isFalse();
            assertThat(e.getMessage()).isEqualTo("authentication failure");
            assertThat(e.context()).contains("POST /services/oauth2/token", flow.flowName() + " flow", "client id cid",
                    "OAuth error invalid_grant");
        }
    }

    @Test
    void messagesNeverContainSecretsEvenWhenTheServerEchoesTheRequest() {
        List<String> assertions = new ArrayList<>();
        stub.onToken(req -> {
            if (req.form().containsKey("assertion")) {
                assertions.add(req.form().get("assertion"));
            }
            return Answer.json(400, "{\"error\":\"invalid_client\",\"error_description\":\"echo " + req.body() + " / "
                    + String.join(" ", req.form().values()) + "\"}");
        });
        for (AuthFlow flow : flows()) {
            SalesforceApiException e = loginFailure(flow);
            List<String> secrets = new ArrayList<>(List.of(SECRET, PASSWORD, SECURITY_TOKEN, REFRESH,
                    PASSWORD + SECURITY_TOKEN));
            secrets.addAll(assertions);
            String everything = e.getMessage() + " " + e.salesforceMessage() + " " + e;
            for (String secret : secrets) {
                assertThat(everything).as(flow.flowName()).doesNotContain(secret);
                assertThat(everything).doesNotContain(java.net.URLEncoder.encode(secret, java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        assertThat(assertions).hasSize(1);
    }

    @Test
    void concurrentRefreshSignalsAreRetryable() {
        for (String description : List.of("token request is already being processed", "expired authorization code")) {
            stub.onToken(req -> Answer.json(400, "{\"error\":\"invalid_grant\",\"error_description\":\"" + description + "\"}"));
            SalesforceApiException e = loginFailure(new RefreshTokenFlow("cid", SECRET, REFRESH));
            assertThat(e.retryable()).isTrue();
            assertThat(e.getMessage()).isEqualTo("Concurrent token refresh error. This request will be retried");
            assertThat(e.errorCode()).isEqualTo("RETRYABLE_ERROR");
            assertThat(e.authFlow()).isEqualTo("refresh token");
        }
    }

    @Test
    void tokenEndpointOutagesAreRetryable() {
        stub.onToken(req -> new Answer(503, "text/html", "<html>Service Unavailable</html>", java.util.Map.of()));
        SalesforceApiException e = loginFailure(new ClientCredentialsFlow("cid", SECRET));
        assertThat(e.status()).isEqualTo(503);
        assertThat(e.retryable()).isTrue();
        assertThat(e.getMessage()).isEqualTo("Failed to refresh access token");
        assertThat(e.errorCode()).isEqualTo("503");
        assertThat(e.context()).contains("status 503", "client credentials flow");
    }

    @Test
    void aTokenAnswerWithoutAccessTokenIsAClearError() {
        stub.onToken(req -> Answer.json(200, "{\"instance_url\":\"https://na1.salesforce.com\"}"));
        SalesforceApiException e = loginFailure(new ClientCredentialsFlow("cid", SECRET));
        assertThat(e.getMessage()).contains("no access_token");
        assertThat(e.retryable()).isFalse();
    }
}
