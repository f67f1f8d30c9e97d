package io.github.sfactions.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sfactions.client.BulkBatchSplitter;
import io.github.sfactions.client.BulkCsvWriter;
import io.github.sfactions.client.BulkOperation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BulkBatchBuilderTest {

  private static ActionRequest.Builder account(String syncMode) {
    return ActionRequest.builder(ActionType.ACCOUNT).syncMode(syncMode).useBulkApi(true);
  }

  private static String csv(BulkJobPlan plan, int batch) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    plan.batches().get(batch).csv().writeTo(out);
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void columnsAreCollectedFromTheLastPayloadToTheFirstLikeTheReference() throws IOException {
    Map<String, Object> food = new LinkedHashMap<>();
    food.put("FavoriteFood__c", "Krabby");
    BulkJobPlan plan = BulkBatchBuilder.create()
        .add(account("add").field("Name", "A").field("Description", "d").otherFields(food).build())
        .add(account("add").field("Name", "B").field("Phone", "123").build())
        .add(account("add").field("Name", "C").field("BillingState", "BE").build())
        .build();
    assertThat(plan.job()).isEqualTo(new BulkRecord.JobKey("Account", BulkOperation.INSERT, null));
    assertThat(plan.batches()).hasSize(1);
    assertThat(plan.batches().get(0).columns())
        .containsExactly("Name", "BillingState", "Phone", "Description", "FavoriteFood__c");
    assertThat(csv(plan, 0)).isEqualTo("Name,BillingState,Phone,Description,FavoriteFood__c\n"
        + "A,,,d,Krabby\n"
        + "B,,123,,\n"
        + "C,BE,,,\n");
  }

  @Test
  void absentFieldsAreEmptyCellsAndExplicitNullsAreNaDeviation3() throws IOException {
    Map<String, Object> cleared = new HashMap<>();
    cleared.put("Note__c", null);
    BulkJobPlan plan = BulkBatchBuilder.create()
        .add(account("update").field("Name", "A").otherFields(cleared).bulkUpdateRecordId("001000000000001AAA").build())
        .add(account("update").field("Phone", "1").bulkUpdateRecordId("001000000000002AAA").build())
        .build();
    assertThat(csv(plan, 0)).isEqualTo("Phone,Name,Note__c,Id\n"
        + ",A,#N/A,001000000000001AAA\n"
        + "1,,,001000000000002AAA\n");
  }

  @Test
  void upsertUsesTheExternalIdOfTheFirstPayloadAsLastColumnAndEachRecordsValue() throws IOException {
    BulkJobPlan plan = BulkBatchBuilder.create()
        .add(account("upsert").field("Name", "A").bulkUpsertExternalId("Ext__c", "e-1").build())
        .add(account("upsert").field("Name", "B, Inc.").bulkUpsertExternalId("Other__c", "e-2").build())
        .build();
    assertThat(plan.job()).isEqualTo(new BulkRecord.JobKey("Account", BulkOperation.UPSERT, "Ext__c"));
    assertThat(csv(plan, 0)).isEqualTo("Name,Ext__c\nA,e-1\n\"B, Inc.\",e-2\n");
  }

  @Test
  void batchesAreCutByRecordCount() {
    BulkBatchBuilder builder = BulkBatchBuilder.create().splitter(new BulkBatchSplitter(2, 1_000_000));
    for (int i = 0; i < 5; i++) {
      builder.add(account("add").field("Name", "N" + i).build());
    }
    BulkJobPlan plan = builder.build();
    assertThat(plan.batches()).extracting(b -> b.records().size()).containsExactly(2, 2, 1);
    assertThat(plan.recordCount()).isEqualTo(5);
  }

  @Test
  void batchesAreCutByCsvSize() {
    BulkBatchBuilder builder = BulkBatchBuilder.create().splitter(new BulkBatchSplitter(5000, 40));
    for (int i = 0; i < 4; i++) {
      builder.add(account("add").field("Name", "Name-" + i + "-xxxxxxxx").build());
    }
    BulkJobPlan plan = builder.build();
    assertThat(plan.batches().size()).isGreaterThan(1);
    assertThat(plan.batches()).allSatisfy(b -> assertThat(b.csvBytes()).isLessThanOrEqualTo(40));
  }

  @Test
  void upsertChecksRequiredFieldsOfTheFirstPayloadOnly() {
    assertThatThrownBy(() -> BulkBatchBuilder.create()
        .add(account("upsert").bulkUpsertExternalId("Ext__c", "1").build()).build())
        .isInstanceOf(ActionException.class).hasMessage("Missing name value");
    BulkJobPlan plan = BulkBatchBuilder.create()
        .add(account("upsert").field("Name", "A").bulkUpsertExternalId("Ext__c", "1").build())
        .add(account("upsert").bulkUpsertExternalId("Ext__c", "2").field("Phone", "1").build())
        .build();
    assertThat(plan.recordCount()).isEqualTo(2);
  }

  @Test
  void createBatchesAreNeverCheckedForRequiredFields() {
    assertThat(BulkBatchBuilder.create().add(account("add").field("Phone", "1").build()).build().recordCount())
        .isEqualTo(1);
  }

  @Test
  void rejectionsUseTheReferenceMessagesAndCodes() {
    assertThatThrownBy(() -> BulkBatchBuilder.record(account("delete").build()))
        .hasMessage("Unsupported operation: Bulk API does not support the delete operation")
        .extracting("code", "status").containsExactly("Unsupported operation", 400);
    assertThatThrownBy(() -> BulkBatchBuilder.record(account("upsert").field("Name", "A").build()))
        .hasMessage("Undefined bulkUpsertExternalId.externalIdName or externalIdValue when using bulkUpsert operation")
        .extracting("code").isEqualTo("Undefined bulkUpsertExternalId.externalIdName externalIdValue");
    assertThatThrownBy(() -> BulkBatchBuilder.record(account("update").build()))
        .hasMessage("Undefined bulkUpdateRecordId when using bulkUpdate operation")
        .extracting("code").isEqualTo("Undefined bulkUpdateRecordId");
    assertThatThrownBy(() -> BulkBatchBuilder.record(account("add").useBulkApi(false).build()))
        .hasMessage("Bulk operation triggered where enable_batching is false.");
    assertThatThrownBy(() -> BulkBatchBuilder.record(ActionRequest.builder(ActionType.LEAD).syncMode("")
        .useBulkApi(true).build()))
        .hasMessage("syncMode is required").extracting("code").isEqualTo("Undefined syncMode");
  }

  @Test
  void customObjectNeedsItsObjectAndOtherFields() {
    assertThatThrownBy(() -> BulkBatchBuilder.record(ActionRequest.builder(ActionType.CUSTOM_OBJECT)
        .syncMode("add").useBulkApi(true).otherFields(Map.of("A__c", 1)).build()))
        .hasMessageStartingWith("Missing sobject value");
    assertThatThrownBy(() -> BulkBatchBuilder.record(ActionRequest.builder(ActionType.CUSTOM_OBJECT)
        .sobject("Invoice__c").syncMode("add").useBulkApi(true).build()))
        .hasMessage("Custom fields are required for this operation.");
    BulkRecord record = BulkBatchBuilder.record(ActionRequest.builder(ActionType.CUSTOM_OBJECT)
        .sobject("Invoice__c").syncMode("add").delivery("bulk").otherFields(Map.of("A__c", 1)).build());
    assertThat(record.sobject()).isEqualTo("Invoice__c");
    assertThat(record.row()).containsEntry("A__c", 1);
  }

  @Test
  void aCommaInAnOtherFieldNameIsTheReferenceError() {
    assertThatThrownBy(() -> BulkBatchBuilder.record(account("add").field("Name", "A")
        .otherFields(Map.of("Bad,Name", 1)).build()))
        .hasMessage("Invalid character in field name: Bad,Name");
  }

  @Test
  void otherInvalidColumnNamesAreRejectedClearly() {
    assertThatThrownBy(() -> BulkBatchBuilder.record(account("add").field("Name", "A")
        .otherFields(Map.of("Bad Name", 1)).build()))
        .isInstanceOf(ActionException.class).hasMessageContaining("Invalid bulk CSV column");
  }

  @Test
  void rowsRenderThroughTheClientCsvWriter() {
    BulkRecord record = BulkBatchBuilder.record(account("upsert").field("Name", "A\"B")
        .bulkUpsertExternalId("Ext__c", 7).build());
    assertThat(BulkCsvWriter.row(java.util.List.of("Name", "Ext__c"), record.row())).isEqualTo("\"A\"\"B\",7\n");
  }
}
