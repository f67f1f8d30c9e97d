package io.github.sfactions.client.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sfactions.client.SalesforceApiException;
import java.util.List;
import org.junit.jupiter.api.Test;

class InstanceUrlRulesTest {

  @Test
  void acceptsSalesforceHostsOverHttps() {
    for (String url :
        List.of(
            "https://na1.salesforce.com/",
            "https://krusty-krab.my.salesforce.com/",
            "https://sometesting-instanceurl-93244--staging.sandbox.my.salesforce.com/",
            "https://acme.my.site.force.com",
            "https://acme.my.salesforce.mil",
            "https://acme.my.sfcrmproducts.cn",
            "https://NA1.Salesforce.COM")) {
      assertThat(InstanceUrlRules.validateInstanceUrl(url, false).encodedPath()).isEqualTo("/");
    }
  }

  @Test
  void rejectsLookalikesPlainHttpAndForeignHosts() {
    for (String url :
        List.of(
            "https://evil.salesforce.com.attacker.io/",
            "https://www.google.com",
            "http://how-to-salesforce.com",
            "http://thisisnotsalesforce.com",
            "http://salesforce-tips.co",
            "http://na1.salesforce.com/",
            "www.website.com",
            "ijoewhnukdsfj,",
            "https://salesforce.com",
            "https://evilsalesforce.com",
            "https://user:pw@na1.salesforce.com",
            "")) {
      assertThatThrownBy(() -> InstanceUrlRules.validateInstanceUrl(url, false))
          .as(url)
          .isInstanceOf(SalesforceApiException.class)
          .satisfies(
              e -> {
                SalesforceApiException s = (SalesforceApiException) e;
                assertThat(s.errorCode()).isEqualTo(InstanceUrlRules.INVALID_INSTANCE_URL);
                assertThat(s.getMessage())
                    .isEqualTo(
                        url.isEmpty()
                            ? "Empty Salesforce instance URL. Please login through OAuth."
                            : "Invalid Salesforce instance URL. Please login through OAuth again.");
                assertThat(s.status()).isEqualTo(400);
                assertThat(s.retryable()).isFalse();
              });
    }
  }

  @Test
  void allowsLoopbackOnlyWhenConfigured() {
    assertThatThrownBy(() -> InstanceUrlRules.validateInstanceUrl("http://localhost:8080", false))
        .hasMessage(InstanceUrlRules.INVALID_MESSAGE)
        .extracting(e -> ((SalesforceApiException) e).detail())
        .asString()
        .contains("local address");
    assertThatThrownBy(() -> InstanceUrlRules.validateInstanceUrl("http://127.0.0.1:8080", false))
        .extracting(e -> ((SalesforceApiException) e).detail())
        .asString()
        .contains("local address");
    assertThat(InstanceUrlRules.validateInstanceUrl("http://127.0.0.1:8080/", true).toString())
        .isEqualTo("http://127.0.0.1:8080/");
    assertThat(InstanceUrlRules.validateInstanceUrl("http://localhost:9/", true).port())
        .isEqualTo(9);
    assertThatThrownBy(() -> InstanceUrlRules.validateInstanceUrl("http://10.0.0.1:8080", true))
        .hasMessage(InstanceUrlRules.INVALID_MESSAGE)
        .extracting(e -> ((SalesforceApiException) e).detail())
        .asString()
        .contains("scheme must be https");
  }

  @Test
  void recognisesSandboxLoginUrls() {
    assertThat(InstanceUrlRules.isSandboxLoginUrl("https://test.salesforce.com")).isTrue();
    assertThat(InstanceUrlRules.isSandboxLoginUrl("https://acme--uat.sandbox.my.salesforce.com"))
        .isTrue();
    assertThat(InstanceUrlRules.isSandboxLoginUrl("https://login.salesforce.com")).isFalse();
    assertThat(InstanceUrlRules.isSandboxLoginUrl("https://acme.my.salesforce.com")).isFalse();
  }
}
