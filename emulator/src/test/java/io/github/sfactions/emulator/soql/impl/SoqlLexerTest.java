package io.github.sfactions.emulator.soql.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SoqlLexerTest {

  private static List<TokenType> types(String soql) {
    return SoqlLexer.tokenize(soql).stream().map(Token::type).toList();
  }

  private static List<String> texts(String soql) {
    return SoqlLexer.tokenize(soql).stream().map(Token::text).toList();
  }

  @Test
  void splitsOperatorsWithOrWithoutSpaces() {
    assertThat(texts("a<=1 b>=2 c<>3 d!=4 e<5 f>6 g=7"))
        .containsExactly(
            "a", "<=", "1", "b", ">=", "2", "c", "<>", "3", "d", "!=", "4", "e", "<", "5", "f", ">",
            "6", "g", "=", "7", "<EOF>");
    assertThat(types("c<>3"))
        .containsExactly(
            TokenType.IDENTIFIER, TokenType.NOT_EQUALS, TokenType.NUMBER, TokenType.EOF);
  }

  @Test
  void readsSignedAndDecimalNumbers() {
    assertThat(texts("x>-3.5 y=.5 z=-.25 w=10")).containsSubsequence("-3.5", ".5", "-.25", "10");
    assertThat(types("-3.5")).containsExactly(TokenType.NUMBER, TokenType.EOF);
  }

  @Test
  void readsDatesAndDatetimesAsSingleTokens() {
    assertThat(
            types(
                "2024-05-01 2024-05-01T10:00:00Z 2024-05-01T10:00:00.000+0000 2024-05-01T10:00:00-08:00"))
        .containsExactly(
            TokenType.DATE,
            TokenType.DATETIME,
            TokenType.DATETIME,
            TokenType.DATETIME,
            TokenType.EOF);
  }

  @Test
  void keepsStringsRawWithTheirQuotesAndEscapes() {
    assertThat(texts("'it\\'s' 'C:\\\\x'")).containsExactly("'it\\'s'", "'C:\\\\x'", "<EOF>");
  }

  @Test
  void identifiersMayContainUnderscoresDigitsAndDots() {
    assertThat(texts("Ext__c Case.Subject _x1"))
        .containsExactly("Ext__c", "Case.Subject", "_x1", "<EOF>");
  }

  @Test
  void unknownCharactersBecomeOtherTokens() {
    assertThat(types("* ; \" !"))
        .containsExactly(
            TokenType.OTHER, TokenType.OTHER, TokenType.OTHER, TokenType.OTHER, TokenType.EOF);
  }

  @Test
  void unterminatedStringBecomesAnErrorTokenWithAnAntlrStylePosition() {
    Token error = SoqlLexer.tokenize("x = 'abc").get(2);

    assertThat(error.type()).isEqualTo(TokenType.ERROR);
    assertThat(error.detail()).isEqualTo("line 1:8 mismatched character '<EOF>' expecting '''");
  }

  @Test
  void endOfInputSitsRightAfterTheLastToken() {
    List<Token> tokens = SoqlLexer.tokenize("SELECT Id  \n\n");

    assertThat(tokens.get(2).type()).isEqualTo(TokenType.EOF);
    assertThat(tokens.get(2).start()).isEqualTo(9);
  }
}
