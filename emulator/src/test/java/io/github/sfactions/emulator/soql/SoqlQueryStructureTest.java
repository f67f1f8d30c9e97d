package io.github.sfactions.emulator.soql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SoqlQueryStructureTest {

  private static SoqlQuery parse(String soql) {
    return SoqlQuery.parse(soql, TestSchema.INSTANCE);
  }

  @Test
  void selectListIsCanonicalisedInSelectOrder() {
    SoqlQuery query = parse("SELECT subject, ID, ext__C, case.status FROM case");

    assertThat(query.objectName()).isEqualTo("Case");
    assertThat(query.selectFields()).containsExactly("Subject", "Id", "Ext__c", "Status");
    assertThat(query.isCount()).isFalse();
    assertThat(query.limit()).isEmpty();
  }

  @Test
  void keywordsAreCaseInsensitive() {
    SoqlQuery query =
        parse("select Id from Case where Subject = 'a' order by Subject desc nulls first limit 3");

    assertThat(query.objectName()).isEqualTo("Case");
    assertThat(query.limit()).hasValue(3);
  }

  @Test
  void mixedCaseKeywordsAndLineBreaksAreAccepted() {
    SoqlQuery query = parse("SeLeCt Id,\n  Subject\nFrOm Case\nWhErE Status != null\nLiMiT 0");

    assertThat(query.selectFields()).containsExactly("Id", "Subject");
    assertThat(query.limit()).hasValue(0);
  }

  @Test
  void countQueryHasNoSelectFields() {
    SoqlQuery query = parse("SELECT COUNT() FROM Case WHERE IsEscalated = true");

    assertThat(query.isCount()).isTrue();
    assertThat(query.selectFields()).isEmpty();
  }

  @Test
  void idIsValidEvenWhenTheMetadataOmitsIt() {
    SoqlQuery query = parse("SELECT id, Body__c FROM note__C WHERE Id != null ORDER BY Id");

    assertThat(query.objectName()).isEqualTo("Note__c");
    assertThat(query.selectFields()).containsExactly("Id", "Body__c");
  }

  @Test
  void nonFilterableFieldsMayBeSelected() {
    assertThat(parse("SELECT Description FROM Case").selectFields()).containsExactly("Description");
  }

  @Test
  void extraWhitespaceAroundOperatorsAndListsIsIgnored() {
    SoqlQuery query =
        parse(
            "  SELECT   Id , Subject   FROM  Case  WHERE ( Subject='a'OR Subject IN('b' ,'c') )  ");

    assertThat(query.selectFields()).containsExactly("Id", "Subject");
    assertThat(query.matches(Records.record("Subject", "C"))).isTrue();
  }
}
