package io.github.sfactions.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SalesforceIdsTest {

  @Test
  void checksumFollowsTheUppercaseBitsOfEachFiveCharacterChunk() {
    assertThat(SalesforceIds.to18("001D000000IqhSL").substring(15)).isEqualTo("IAZ");
    assertThat(SalesforceIds.to18("000000000000000").substring(15)).isEqualTo("AAA");
    assertThat(SalesforceIds.to18("AAAAAAAAAAAAAAA").substring(15)).isEqualTo("555");
  }

  @Test
  void normalizeExtendsFifteenCharacterIds() {
    assertThat(SalesforceIds.normalize("001D000000IqhSL").orElse("001D000000IqhSL"))
        .isEqualTo("001D000000IqhSLIAZ");
  }

  @Test
  void normalizeRestoresTheCaseOfAnEighteenCharacterIdFromItsChecksum() {
    assertThat(SalesforceIds.normalize("001d000000iqhsliaz").orElse("001d000000iqhsliaz"))
        .isEqualTo("001D000000IqhSLIAZ");
    assertThat(SalesforceIds.normalize("001D000000IQHSLIAZ").orElse("001D000000IQHSLIAZ"))
        .isEqualTo("001D000000IqhSLIAZ");
  }

  @Test
  void textThatIsNoIdIsLeftAlone() {
    assertThat(SalesforceIds.normalize("c1").orElse("c1")).isEqualTo("c1");
    assertThat(SalesforceIds.normalize("001D000000IqhSL99").orElse("001D000000IqhSL99"))
        .isEqualTo("001D000000IqhSL99");
    assertThat(SalesforceIds.normalize("001D000000IqhSL999").orElse("001D000000IqhSL999"))
        .isEqualTo("001D000000IqhSL999");
  }

  @Test
  void wellFormedMeansFifteenOrEighteenAsciiLettersOrDigits() {
    assertThat(SalesforceIds.isWellFormed("001D000000IqhSL")).isTrue();
    assertThat(SalesforceIds.isWellFormed("001D000000IqhSLIAZ")).isTrue();
    assertThat(SalesforceIds.isWellFormed("001D000000IqhS")).isFalse();
    assertThat(SalesforceIds.isWellFormed("001D000000Iqh-L")).isFalse();
    assertThat(SalesforceIds.isWellFormed(null)).isFalse();
  }
}
