package io.github.sfactions.emulator.soql;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SoqlLargeInputTest {

  @Test
  void hundredThousandRecordsAreFilteredSortedAndLimitedCorrectly() {
    List<Map<String, Object>> records = new ArrayList<>();
    for (int i = 0; i < 100_000; i++) {
      records.add(
          Records.record(
              "Id",
              String.format("5000000000%05d", i),
              "Units__c",
              BigDecimal.valueOf(i),
              "Subject",
              "case " + i));
    }
    SoqlQuery query =
        SoqlQuery.parse(
            "SELECT Id FROM Case WHERE Units__c >= 50000 AND Subject LIKE 'case %9' ORDER BY Units__c DESC LIMIT 3",
            TestSchema.INSTANCE);

    List<Map<String, Object>> result = query.apply(records);

    assertThat(result)
        .extracting(r -> r.get("Units__c").toString())
        .containsExactly("99999", "99989", "99979");
  }
}
