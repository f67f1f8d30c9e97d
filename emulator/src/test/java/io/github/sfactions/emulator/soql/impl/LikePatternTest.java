package io.github.sfactions.emulator.soql.impl;

import static io.github.sfactions.emulator.soql.impl.StringLiteralDecoder.ANY_CHARACTER;
import static io.github.sfactions.emulator.soql.impl.StringLiteralDecoder.ANY_SEQUENCE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LikePatternTest {

  private static LikePattern pattern(Object... parts) {
    List<Integer> list = new ArrayList<>();
    for (Object part : parts) {
      if (part instanceof Integer code) {
        list.add(code);
      } else {
        ((String) part).chars().forEach(list::add);
      }
    }
    return new LikePattern(list.stream().mapToInt(Integer::intValue).toArray());
  }

  @Test
  void literalPatternMustMatchTheWholeValueIgnoringCase() {
    assertThat(pattern("Abc").matches("aBC")).isTrue();
    assertThat(pattern("Abc").matches("abcd")).isFalse();
    assertThat(pattern("Abc").matches("ab")).isFalse();
  }

  @Test
  void percentMatchesAnySequenceIncludingEmpty() {
    assertThat(pattern(ANY_SEQUENCE).matches("")).isTrue();
    assertThat(pattern("a", ANY_SEQUENCE, "c").matches("ac")).isTrue();
    assertThat(pattern("a", ANY_SEQUENCE, "c").matches("abbbc")).isTrue();
    assertThat(pattern("a", ANY_SEQUENCE, "c").matches("abbbcd")).isFalse();
    assertThat(pattern(ANY_SEQUENCE, "ab", ANY_SEQUENCE, "ab").matches("xabyabab")).isTrue();
  }

  @Test
  void underscoreMatchesExactlyOneCharacter() {
    assertThat(pattern("a", ANY_CHARACTER, "c").matches("abc")).isTrue();
    assertThat(pattern("a", ANY_CHARACTER, "c").matches("ac")).isFalse();
    assertThat(pattern(ANY_CHARACTER, ANY_SEQUENCE).matches("")).isFalse();
  }

  @Test
  void nullNeverMatches() {
    assertThat(pattern(ANY_SEQUENCE).matches(null)).isFalse();
  }

  @Test
  void pathologicalPatternStaysFast() {
    String value = "a".repeat(20_000) + "b";
    LikePattern manyStars =
        pattern(ANY_SEQUENCE, "a", ANY_SEQUENCE, "a", ANY_SEQUENCE, "a", ANY_SEQUENCE, "c");

    assertThat(manyStars.matches(value)).isFalse();
  }
}
