package io.github.sfactions.emulator.soql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SoqlErrorsTest {

  private static final String CUSTOM_FIELD_HINT =
      " If you are attempting to use a custom field, be sure to append"
          + " the '__c' after the custom field name. Please reference your WSDL or the describe call for the"
          + " appropriate names.";

  private static SoqlException errorOf(String soql) {
    SoqlException error =
        catchThrowableOfType(() -> SoqlQuery.parse(soql, TestSchema.INSTANCE), SoqlException.class);
    assertThat(error).as("error for %s", soql).isNotNull();
    return error;
  }

  @Test
  void unknownFieldIsInvalidFieldWithExcerptCaretAndPosition() {
    SoqlException error = errorOf("SELECT Bacon__c FROM Account LIMIT 2");

    assertThat(error.errorCode()).isEqualTo("INVALID_FIELD");
    assertThat(error.getMessage())
        .isEqualTo(
            "\nSELECT Bacon__c FROM Account LIMIT 2\n       ^\n"
                + "ERROR at Row:1:Column:8\nNo such column 'Bacon__c' on entity 'Account'."
                + CUSTOM_FIELD_HINT);
  }

  @Test
  void excerptOfALongQueryIsFourTokensEitherSideOfTheError() {
    SoqlException error = errorOf("SELECT Id,Ext__c,TPI_Product__c,Subject,Status FROM Case");

    assertThat(error.getMessage())
        .isEqualTo(
            "\nId,Ext__c,TPI_Product__c,Subject,Status\n"
                + "          ^\nERROR at Row:1:Column:18\nNo such column 'TPI_Product__c' on entity 'Case'."
                + CUSTOM_FIELD_HINT);
  }

  @Test
  void unknownFieldInWhereAndOrderByIsReportedAtItsPosition() {
    assertThat(errorOf("SELECT Id FROM Case WHERE Nope = 'x'").getMessage())
        .contains("ERROR at Row:1:Column:27\nNo such column 'Nope' on entity 'Case'.");
    assertThat(errorOf("SELECT Id FROM Case ORDER BY Nope").getMessage())
        .contains("ERROR at Row:1:Column:30\nNo such column 'Nope' on entity 'Case'.");
  }

  @Test
  void rowAndColumnCountLinesOfAMultiLineQuery() {
    SoqlException error = errorOf("SELECT Id\nFROM Case\nWHERE  Bogus__c = 1");

    assertThat(error.getMessage())
        .startsWith("\nWHERE  Bogus__c = 1\n       ^\nERROR at Row:3:Column:8\n");
  }

  @Test
  void nonFilterableFieldInWhereIsInvalidField() {
    SoqlException error = errorOf("SELECT Id FROM Case WHERE Description = 'x'");

    assertThat(error.errorCode()).isEqualTo("INVALID_FIELD");
    assertThat(error.getMessage())
        .isEqualTo(
            "\nId FROM Case WHERE Description = 'x'\n"
                + "                   ^\nERROR at Row:1:Column:27\n"
                + "field 'Description' can not be filtered in a query call");
  }

  @Test
  void nonFilterableFieldIsRefusedInLikeAndInToo() {
    assertThat(errorOf("SELECT Id FROM Case WHERE description LIKE '%x%'").getMessage())
        .endsWith("\nfield 'Description' can not be filtered in a query call");
    assertThat(errorOf("SELECT Id FROM Account WHERE Description IN ('a')").errorCode())
        .isEqualTo("INVALID_FIELD");
  }

  @Test
  void nonSortableFieldInOrderByIsInvalidField() {
    SoqlException error = errorOf("SELECT Id FROM Case ORDER BY Description");

    assertThat(error.errorCode()).isEqualTo("INVALID_FIELD");
    assertThat(error.getMessage())
        .endsWith(
            "ERROR at Row:1:Column:30\n" + "field 'Description' can not be sorted in a query call");
  }

  @Test
  void unknownObjectIsInvalidType() {
    SoqlException error = errorOf("SELECT Id FROM Nope__c");

    assertThat(error.errorCode()).isEqualTo("INVALID_TYPE");
    assertThat(error.getMessage())
        .isEqualTo(
            "\nSELECT Id FROM Nope__c\n               ^\n"
                + "ERROR at Row:1:Column:16\nsObject type 'Nope__c' is not supported. If you are attempting to use"
                + " a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL"
                + " or the describe call for the appropriate names.");
  }

  @Test
  void unknownObjectIsReportedBeforeUnknownFields() {
    assertThat(errorOf("SELECT Bogus FROM Foo").errorCode()).isEqualTo("INVALID_TYPE");
  }

  @Test
  void syntaxErrorIsMalformedQueryNamingTheToken() {
    SoqlException error = errorOf("SELECT Id FRM Case");

    assertThat(error.errorCode()).isEqualTo("MALFORMED_QUERY");
    assertThat(error.getMessage())
        .isEqualTo(
            "\nSELECT Id FRM Case\n          ^\n"
                + "ERROR at Row:1:Column:11\nunexpected token: 'FRM'");
  }

  @Test
  void syntaxErrorsWinOverUnknownNames() {
    assertThat(errorOf("SELECT Bogus FROM Foo WHERE").errorCode()).isEqualTo("MALFORMED_QUERY");
  }

  @Test
  void mixingAndWithOrWithoutParenthesesIsMalformed() {
    SoqlException error =
        errorOf("SELECT Id FROM Case WHERE Subject = 'x' AND Status = 'y' OR Ext__c = 'z'");

    assertThat(error.errorCode()).isEqualTo("MALFORMED_QUERY");
    assertThat(error.getMessage()).endsWith("ERROR at Row:1:Column:58\nunexpected token: 'OR'");
  }

  @Test
  void mixingOrWithAndWithoutParenthesesIsMalformed() {
    SoqlException error =
        errorOf("SELECT Id FROM Case WHERE Subject = 'x' OR Status = 'y' and Ext__c = 'z'");

    assertThat(error.getMessage()).endsWith("\nunexpected token: 'and'");
  }

  @Test
  void endOfInputIsReportedAsEof() {
    SoqlException error = errorOf("SELECT Id FROM");

    assertThat(error.errorCode()).isEqualTo("MALFORMED_QUERY");
    assertThat(error.getMessage())
        .isEqualTo(
            "\nSELECT Id FROM\n              ^\n"
                + "ERROR at Row:1:Column:15\nunexpected token: '<EOF>'");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "   ",
        "Id FROM Case",
        "SELECT FROM Case",
        "SELECT * FROM Case",
        "SELECT Id, FROM Case",
        "SELECT Id FROM Case;",
        "SELECT Id FROM Case c",
        "SELECT Id FROM Case WHERE",
        "SELECT Id FROM Case WHERE Subject",
        "SELECT Id FROM Case WHERE Subject 'x'",
        "SELECT Id FROM Case WHERE Subject == 'x'",
        "SELECT Id FROM Case WHERE Subject = ",
        "SELECT Id FROM Case WHERE (Subject = 'x'",
        "SELECT Id FROM Case WHERE Subject = 'x')",
        "SELECT Id FROM Case WHERE Subject IN ()",
        "SELECT Id FROM Case WHERE Subject IN 'x'",
        "SELECT Id FROM Case WHERE Subject NOT LIKE 'x'",
        "SELECT Id FROM Case WHERE Subject LIKE 5",
        "SELECT Id FROM Case WHERE CreatedDate = THIS_FISCAL_YEAR",
        "SELECT Id FROM Case WHERE Subject = \"x\"",
        "SELECT Id FROM Case WHERE Subject ! 'x'",
        "SELECT Id FROM Case ORDER Subject",
        "SELECT Id FROM Case ORDER BY",
        "SELECT Id FROM Case ORDER BY Subject NULLS",
        "SELECT Id FROM Case LIMIT",
        "SELECT Id FROM Case LIMIT -1",
        "SELECT Id FROM Case LIMIT 1.5",
        "SELECT Id FROM Case LIMIT 'x'",
        "SELECT Id FROM Case OFFSET 2 LIMIT 1",
        "SELECT Id FROM Case LIMIT 5 WHERE Subject = 'x'",
        "SELECT COUNT(Id FROM Case",
        "SELECT COUNT(), Id FROM Case",
        "SELECT Id, COUNT() FROM Case",
        "SELECT Id FROM Case WHERE Subject = 'unterminated",
        "SELECT Id FROM Case WHERE Due__c = 2024-02-30",
        "SELECT Id FROM Case WHERE ClosedDate = 2024-05-01T25:00:00Z",
        "SELECT Id FROM Case WHERE ClosedDate = 2024-05-01T10:00Z",
        "SELECT Id FROM Case WHERE ClosedDate = 2024-05-01T",
      })
  void malformedQueriesAreRefusedAsMalformedQuery(String soql) {
    assertThat(errorOf(soql).errorCode()).isEqualTo("MALFORMED_QUERY");
  }

  @Test
  void doubleQuotedStringIsMalformed() {
    SoqlException error = errorOf("SELECT Id FROM Case WHERE Subject = \"x\"");

    assertThat(error.getMessage()).endsWith("ERROR at Row:1:Column:37\nunexpected token: '\"'");
  }

  @Test
  void unterminatedStringIsReportedWhereItStarts() {
    SoqlException error = errorOf("SELECT Id FROM Case WHERE Subject = 'abc");

    assertThat(error.getMessage())
        .contains("ERROR at Row:1:Column:37\n")
        .endsWith("mismatched character '<EOF>' expecting '''");
  }

  @Test
  void datetimeWithoutZoneIsMalformedWithAClearMessage() {
    SoqlException error = errorOf("SELECT Id FROM Case WHERE ClosedDate > 2024-05-01T10:00:00");

    assertThat(error.errorCode()).isEqualTo("MALFORMED_QUERY");
    assertThat(error.getMessage())
        .endsWith("ERROR at Row:1:Column:40\nInvalid datetime: 2024-05-01T10:00:00");
  }

  @Test
  void absurdlyDeepNestingIsMalformedNotAStackOverflow() {
    String deep =
        "SELECT Id FROM Case WHERE " + "(".repeat(5000) + "Subject = 'x'" + ")".repeat(5000);
    String manyNots = "SELECT Id FROM Case WHERE " + "NOT ".repeat(5000) + "Subject = 'x'";

    assertThat(errorOf(deep).getMessage())
        .endsWith("Query is nested too deeply: at most 100 levels of" + " parentheses and NOT");
    assertThat(errorOf(manyNots).errorCode()).isEqualTo("MALFORMED_QUERY");
  }

  @Test
  void reasonableNestingIsAccepted() {
    String soql =
        "SELECT Id FROM Case WHERE " + "(".repeat(50) + "NOT Subject = 'x'" + ")".repeat(50);

    assertThat(SoqlQuery.parse(soql, TestSchema.INSTANCE).matches(Records.record("Subject", "y")))
        .isTrue();
  }

  @Test
  void limitOutOfIntegerRangeIsMalformed() {
    SoqlException error = errorOf("SELECT Id FROM Case LIMIT 2147483648");

    assertThat(error.errorCode()).isEqualTo("MALFORMED_QUERY");
    assertThat(error.getMessage()).endsWith("numeric value out of range: 2147483648");
  }

  @Test
  void quotedNumberIsInvalidQueryFilterOperator() {
    SoqlException error = errorOf("SELECT Id FROM Case WHERE Units__c = '5'");

    assertThat(error.errorCode()).isEqualTo("INVALID_QUERY_FILTER_OPERATOR");
    assertThat(error.getMessage())
        .endsWith(
            "ERROR at Row:1:Column:38\nvalue of filter criterion for field"
                + " 'Units__c' must be of type integer and should not be enclosed in quotes");
  }

  @Test
  void quotedBooleanIsInvalidQueryFilterOperator() {
    SoqlException error = errorOf("SELECT Id FROM Case WHERE IsEscalated = 'true'");

    assertThat(error.errorCode()).isEqualTo("INVALID_QUERY_FILTER_OPERATOR");
    assertThat(error.getMessage())
        .endsWith(
            "value of filter criterion for field 'IsEscalated' must be of"
                + " type boolean and should not be enclosed in quotes");
  }

  @Test
  void unquotedValueForTextFieldIsInvalidQueryFilterOperator() {
    SoqlException error = errorOf("SELECT Id FROM Case WHERE Subject = 5");

    assertThat(error.errorCode()).isEqualTo("INVALID_QUERY_FILTER_OPERATOR");
    assertThat(error.getMessage())
        .endsWith(
            "value of filter criterion for field 'Subject' must be of type"
                + " string and should be enclosed in quotes");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "SELECT Id FROM Case WHERE Amount__c = '10.5'",
        "SELECT Id FROM Case WHERE Amount__c = TRUE",
        "SELECT Id FROM Case WHERE IsEscalated = 1",
        "SELECT Id FROM Case WHERE Due__c = '2024-05-01'",
        "SELECT Id FROM Case WHERE Due__c = 2024-05-01T10:00:00Z",
        "SELECT Id FROM Case WHERE ClosedDate = 2024-05-01",
        "SELECT Id FROM Case WHERE ClosedDate = '2024-05-01T10:00:00Z'",
        "SELECT Id FROM Case WHERE Subject = TRUE",
        "SELECT Id FROM Case WHERE Subject = 2024-05-01",
        "SELECT Id FROM Case WHERE AccountId = 5",
        "SELECT Id FROM Case WHERE Units__c IN (1, '2')",
        "SELECT Id FROM Case WHERE Subject NOT IN ('a', 2)",
      })
  void valuesOfTheWrongTypeAreInvalidQueryFilterOperator(String soql) {
    assertThat(errorOf(soql).errorCode()).isEqualTo("INVALID_QUERY_FILTER_OPERATOR");
  }

  @Test
  void malformedIdValueIsInvalidQueryFilterOperator() {
    SoqlException error = errorOf("SELECT Id FROM Case WHERE Id = '500-not-an-id'");

    assertThat(error.errorCode()).isEqualTo("INVALID_QUERY_FILTER_OPERATOR");
    assertThat(error.getMessage()).endsWith("\ninvalid ID field: 500-not-an-id");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "SELECT Id FROM Case WHERE IsEscalated > false",
        "SELECT Id FROM Case WHERE IsEscalated LIKE 'x'",
        "SELECT Id FROM Case WHERE Units__c LIKE '1%'",
        "SELECT Id FROM Case WHERE Id LIKE '500%'",
        "SELECT Id FROM Case WHERE Due__c LIKE '2024%'",
        "SELECT Id FROM Case WHERE Units__c > null",
      })
  void operatorsAFieldTypeDoesNotSupportAreInvalidQueryFilterOperator(String soql) {
    assertThat(errorOf(soql).errorCode()).isEqualTo("INVALID_QUERY_FILTER_OPERATOR");
  }

  @Test
  void duplicateSelectedFieldIsInvalidField() {
    SoqlException error = errorOf("SELECT Id, Subject, subject FROM Case");

    assertThat(error.errorCode()).isEqualTo("INVALID_FIELD");
    assertThat(error.getMessage()).isEqualTo("duplicate field selected: Subject");
  }

  @Test
  void relationshipPathsAreRefusedAsInvalidField() {
    SoqlException error = errorOf("SELECT Account.Name FROM Case");

    assertThat(error.errorCode()).isEqualTo("INVALID_FIELD");
    assertThat(error.getMessage())
        .contains("Didn't understand relationship 'Account' in field path.");
  }

  @Test
  void errorMessagesNeverLeakJavaExceptionText() {
    assertThat(errorOf("SELECT Id FROM Case WHERE Units__c = 5 AND Subject = 'x' OR").getMessage())
        .doesNotContain("Exception")
        .doesNotContain("java.");
  }
}
