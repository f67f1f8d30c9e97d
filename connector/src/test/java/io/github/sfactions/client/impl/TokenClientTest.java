package io.github.sfactions.client.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokenClientTest {

    @Test
    void scrubsEverySecretLongEnoughToBeRecognised() {
        String text = "failed for s3cr3t-value and pw-123456 with abc";
        assertThat(TokenClient.scrub(text, List.of("s3cr3t-value", "pw-123456", "abc")))
                .isEqualTo("failed for *** and *** with abc");
        assertThat(TokenClient.scrub(null, List.of("x"))).isNull();
    }
}
