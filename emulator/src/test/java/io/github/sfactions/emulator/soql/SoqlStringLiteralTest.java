package io.github.sfactions.emulator.soql;

import static io.github.sfactions.emulator.soql.Records.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SoqlStringLiteralTest {

  private static boolean subjectMatches(String whereLiteral, String storedSubject) {
    SoqlQuery query =
        SoqlQuery.parse("SELECT Id FROM Case WHERE Subject = " + whereLiteral, TestSchema.INSTANCE);
    return query.matches(record("Subject", storedSubject));
  }

  private static boolean subjectLike(String pattern, String storedSubject) {
    SoqlQuery query =
        SoqlQuery.parse("SELECT Id FROM Case WHERE Subject LIKE " + pattern, TestSchema.INSTANCE);
    return query.matches(record("Subject", storedSubject));
  }

  private static SoqlException errorOf(String soql) {
    return catchThrowableOfType(
        () -> SoqlQuery.parse(soql, TestSchema.INSTANCE), SoqlException.class);
  }

  @Test
  void escapedBackslashMatchesOneBackslash() {
    assertThat(subjectMatches("'C:\\\\temp'", "C:\\temp")).isTrue();
    assertThat(subjectMatches("'C:\\\\temp'", "C:\\\\temp")).isFalse();
  }

  @Test
  void unescapedBackslashBeforeTIsATab() {
    assertThat(subjectMatches("'C:\\temp'", "C:\temp")).isTrue();
    assertThat(subjectMatches("'C:\\temp'", "C:\\temp")).isFalse();
  }

  @Test
  void escapedSingleQuoteMatchesAnApostrophe() {
    assertThat(subjectMatches("'Krusty\\'s Krab'", "Krusty's Krab")).isTrue();
  }

  @Test
  void escapedDoubleQuoteMatchesADoubleQuote() {
    assertThat(subjectMatches("'say \\\"hi\\\"'", "say \"hi\"")).isTrue();
  }

  @Test
  void valueWithEveryReservedCharacterRoundTripsWhenEscapedBackslashFirst() {
    String value = "it's a \\ path 'quoted' \\\\share";
    String escaped = value.replace("\\", "\\\\").replace("'", "\\'");

    assertThat(subjectMatches("'" + escaped + "'", value)).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "\\n|10",
        "\\N|10",
        "\\r|13",
        "\\R|13",
        "\\t|9",
        "\\T|9",
        "\\b|7",
        "\\B|7",
        "\\f|12",
        "\\F|12",
        "\\u00e9|233",
        "\\u00C9|201"
      })
  void controlAndUnicodeEscapesDecodeToTheirCharacter(String escape, int codePoint) {
    String stored = "a" + (char) codePoint + "b";

    assertThat(subjectMatches("'a" + escape + "b'", stored)).isTrue();
  }

  @Test
  void percentAndUnderscoreAreOrdinaryCharactersOutsideLike() {
    assertThat(subjectMatches("'100%_done'", "100%_done")).isTrue();
    assertThat(subjectMatches("'100%_done'", "100 percent done")).isFalse();
  }

  @Test
  void escapedWildcardsInLikeMatchLiterally() {
    assertThat(subjectLike("'Ter\\%'", "Ter%")).isTrue();
    assertThat(subjectLike("'Ter\\%'", "Terminal")).isFalse();
    assertThat(subjectLike("'Ter\\%%'", "Ter%minal")).isTrue();
    assertThat(subjectLike("'Ter\\%%'", "Terminal")).isFalse();
    assertThat(subjectLike("'a\\_b'", "a_b")).isTrue();
    assertThat(subjectLike("'a\\_b'", "axb")).isFalse();
  }

  @Test
  void likePatternDecodesOtherEscapesToo() {
    assertThat(subjectLike("'%\\\\share%'", "C:\\share\\x")).isTrue();
    assertThat(subjectLike("'Krusty\\'s%'", "Krusty's Krab")).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"'a\\_b'", "'a\\%b'"})
  void wildcardEscapesOutsideLikeAreMalformed(String literal) {
    SoqlException error = errorOf("SELECT Id FROM Case WHERE Subject = " + literal);

    assertThat(error.errorCode()).isEqualTo("MALFORMED_QUERY");
    assertThat(error.getMessage())
        .contains("ERROR at Row:1:Column:37\n")
        .endsWith(
            "Invalid string literal "
                + literal
                + ". Illegal character sequence '"
                + literal.substring(2, 4)
                + "' in string literal.");
  }

  @ParameterizedTest
  @ValueSource(strings = {"'\\d'", "'C:\\path'", "'\\x41'", "'\\u12'", "'\\u12G4'", "'a\\ b'"})
  void unknownEscapeSequencesAreMalformed(String literal) {
    SoqlException error = errorOf("SELECT Id FROM Case WHERE Subject = " + literal);

    assertThat(error.errorCode()).isEqualTo("MALFORMED_QUERY");
    assertThat(error.getMessage()).contains("Illegal character sequence");
  }

  @Test
  void unknownEscapeInLikePatternIsMalformed() {
    assertThat(errorOf("SELECT Id FROM Case WHERE Subject LIKE 'a\\qb'").errorCode())
        .isEqualTo("MALFORMED_QUERY");
  }

  @Test
  void unknownEscapeInInListIsMalformed() {
    assertThat(errorOf("SELECT Id FROM Case WHERE Subject IN ('ok', 'bad\\z')").errorCode())
        .isEqualTo("MALFORMED_QUERY");
  }

  @Test
  void stringOfFourThousandCharactersIsAccepted() {
    String value = "x".repeat(4000);

    assertThat(subjectMatches("'" + value + "'", value)).isTrue();
  }

  @Test
  void stringLongerThanFourThousandCharactersIsMalformed() {
    SoqlException error = errorOf("SELECT Id FROM Case WHERE Subject = '" + "x".repeat(4001) + "'");

    assertThat(error.errorCode()).isEqualTo("MALFORMED_QUERY");
    assertThat(error.getMessage()).contains("ERROR at Row:1:Column:37\n");
  }

  @Test
  void escapedQuoteDoesNotEndTheString() {
    SoqlQuery query =
        SoqlQuery.parse(
            "SELECT Id FROM Case WHERE Subject = 'a\\' OR Subject = \\'b'", TestSchema.INSTANCE);

    assertThat(query.matches(record("Subject", "a' OR Subject = 'b"))).isTrue();
  }
}
