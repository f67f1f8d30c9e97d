package io.github.sfactions.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sfactions.client.BulkCsvWriter;
import io.github.sfactions.client.BulkOperation;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BulkRecordsTest {

  private static ActionRequest.Builder account(String syncMode) {
    return ActionRequest.builder(ActionType.ACCOUNT).syncMode(syncMode).useBulkApi(true);
  }

  @Test
  void theRecordKeepsItsFieldsInOrderAndAnExplicitNullStaysNull() {
    Map<String, Object> cleared = new HashMap<>();
    cleared.put("Note__c", null);
    BulkRecord record =
        BulkRecords.of(
            account("update")
                .field("Name", "A")
                .otherFields(cleared)
                .bulkUpdateRecordId("001000000000001AAA")
                .build());
    assertThat(record.jobKey())
        .isEqualTo(new BulkRecord.JobKey("Account", BulkOperation.UPDATE, null));
    assertThat(record.fields())
        .containsExactly(
            Map.entry("Name", "A"), new java.util.AbstractMap.SimpleEntry<>("Note__c", null));
    assertThat(record.idColumn()).isEqualTo("Id");
    assertThat(record.idValue()).isEqualTo("001000000000001AAA");
  }

  @Test
  void upsertGroupsByObjectOperationAndExternalIdField() {
    BulkRecord record =
        BulkRecords.of(
            account("upsert").field("Name", "A").bulkUpsertExternalId("Ext__c", "e-1").build());
    assertThat(record.jobKey())
        .isEqualTo(new BulkRecord.JobKey("Account", BulkOperation.UPSERT, "Ext__c"));
    assertThat(record.idValue()).isEqualTo("e-1");
  }

  @Test
  void upsertChecksRequiredFields() {
    assertThatThrownBy(
            () -> BulkRecords.of(account("upsert").bulkUpsertExternalId("Ext__c", "1").build()))
        .isInstanceOf(ActionException.class)
        .hasMessage("Missing name value");
  }

  @Test
  void createIsNeverCheckedForRequiredFields() {
    assertThat(BulkRecords.of(account("add").field("Phone", "1").build()).jobKey())
        .isEqualTo(new BulkRecord.JobKey("Account", BulkOperation.INSERT, null));
  }

  @Test
  void rejectionsUseTheReferenceMessagesAndCodes() {
    assertThatThrownBy(() -> BulkRecords.of(account("delete").build()))
        .hasMessage("Unsupported operation: Bulk API does not support the delete operation")
        .extracting("code", "status")
        .containsExactly("Unsupported operation", 400);
    assertThatThrownBy(() -> BulkRecords.of(account("upsert").field("Name", "A").build()))
        .hasMessage(
            "Undefined bulkUpsertExternalId.externalIdName or externalIdValue when using bulkUpsert operation")
        .extracting("code")
        .isEqualTo("Undefined bulkUpsertExternalId.externalIdName externalIdValue");
    assertThatThrownBy(() -> BulkRecords.of(account("update").build()))
        .hasMessage("Undefined bulkUpdateRecordId when using bulkUpdate operation")
        .extracting("code")
        .isEqualTo("Undefined bulkUpdateRecordId");
    assertThatThrownBy(() -> BulkRecords.of(account("add").useBulkApi(false).build()))
        .hasMessage("Bulk operation triggered where enable_batching is false.");
    assertThatThrownBy(
            () ->
                BulkRecords.of(
                    ActionRequest.builder(ActionType.LEAD).syncMode("").useBulkApi(true).build()))
        .hasMessage("syncMode is required")
        .extracting("code")
        .isEqualTo("Undefined syncMode");
  }

  @Test
  void customObjectNeedsItsObjectAndOtherFields() {
    assertThatThrownBy(
            () ->
                BulkRecords.of(
                    ActionRequest.builder(ActionType.CUSTOM_OBJECT)
                        .syncMode("add")
                        .useBulkApi(true)
                        .otherFields(Map.of("A__c", 1))
                        .build()))
        .hasMessageStartingWith("Missing sobject value");
    assertThatThrownBy(
            () ->
                BulkRecords.of(
                    ActionRequest.builder(ActionType.CUSTOM_OBJECT)
                        .sobject("Invoice__c")
                        .syncMode("add")
                        .useBulkApi(true)
                        .build()))
        .hasMessage("Custom fields are required for this operation.");
    BulkRecord record =
        BulkRecords.of(
            ActionRequest.builder(ActionType.CUSTOM_OBJECT)
                .sobject("Invoice__c")
                .syncMode("add")
                .delivery("bulk")
                .otherFields(Map.of("A__c", 1))
                .build());
    assertThat(record.sobject()).isEqualTo("Invoice__c");
    assertThat(record.row()).containsEntry("A__c", 1);
  }

  @Test
  void aCommaInAnOtherFieldNameIsTheReferenceError() {
    assertThatThrownBy(
            () ->
                BulkRecords.of(
                    account("add").field("Name", "A").otherFields(Map.of("Bad,Name", 1)).build()))
        .hasMessage("Invalid character in field name: Bad,Name");
  }

  @Test
  void otherInvalidColumnNamesAreRejectedClearly() {
    assertThatThrownBy(
            () ->
                BulkRecords.of(
                    account("add").field("Name", "A").otherFields(Map.of("Bad Name", 1)).build()))
        .isInstanceOf(ActionException.class)
        .hasMessageContaining("Invalid bulk CSV column");
  }

  @Test
  void rowsRenderThroughTheClientCsvWriter() {
    BulkRecord record =
        BulkRecords.of(
            account("upsert").field("Name", "A\"B").bulkUpsertExternalId("Ext__c", 7).build());
    assertThat(BulkCsvWriter.row(java.util.List.of("Name", "Ext__c"), record.row()))
        .isEqualTo("\"A\"\"B\",7\n");
  }
}
