package io.github.sfactions.camunda.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordKeyTest {

  @Test
  void matchersThatSoqlComparesAsEqualGiveOneKey() {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("Email", "Ann@Example.com");
    a.put("Phone", 42);
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("phone", "42");
    b.put("EMAIL", "ann@example.com");

    assertThat(RecordKey.of("default", "Lead", a, "OR"))
        .usingRecursiveComparison()
        .isEqualTo(RecordKey.of("default", "lead", b, null));
  }

  @Test
  void lookupsSharingATermShareItsLockRowAndKeepKeysOfTheirOwn() {
    RecordKey either = RecordKey.of("default", "Lead", Map.of("Email", "a@x", "Phone", "1"), "OR");
    RecordKey email = RecordKey.of("default", "Lead", Map.of("Email", "a@x"), "OR");

    assertThat(either.buckets()).contains(email.buckets()[0]).isSorted();
    assertThat(either.key()).isNotEqualTo(email.key()).hasSize(32);
  }

  @Test
  void theSameValuesOnAnotherObjectOrConnectionAreAnotherRecord() {
    RecordKey lead = RecordKey.of("default", "Lead", Map.of("Email", "a@x"), "OR");

    assertThat(RecordKey.of("default", "Contact", Map.of("Email", "a@x"), "OR").key())
        .isNotEqualTo(lead.key());
    assertThat(RecordKey.of("eu", "Lead", Map.of("Email", "a@x"), "OR").key())
        .isNotEqualTo(lead.key());
    assertThat(RecordKey.of("default", "Lead", Map.of("Email", "a@x"), "AND").key())
        .isNotEqualTo(lead.key());
  }
}
