package io.github.sfactions.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OperationResolverTest {

  @ParameterizedTest
  @CsvSource({"create, CREATE", "update, UPDATE", "upsert, UPSERT", "delete, DELETE"})
  void v1OperationsMap(String value, Operation expected) {
    assertThat(
            OperationResolver.resolve(
                ActionRequest.builder(ActionType.LEAD).operation(value).build()))
        .isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"add, CREATE", "update, UPDATE", "upsert, UPSERT", "delete, DELETE"})
  void v2SyncModesMapAndAddIsCreate(String value, Operation expected) {
    assertThat(
            OperationResolver.resolve(
                ActionRequest.builder(ActionType.LEAD).syncMode(value).build()))
        .isEqualTo(expected);
  }

  @Test
  void emptySyncModeIsTheReferenceError() {
    assertThatThrownBy(
            () ->
                OperationResolver.resolve(
                    ActionRequest.builder(ActionType.CUSTOM_OBJECT).syncMode("").build()))
        .isInstanceOf(ActionException.class)
        .hasMessage("Sync mode is required for this operation.")
        .extracting("code", "status")
        .containsExactly("PAYLOAD_VALIDATION_FAILED", 400);
  }

  @Test
  void unknownSyncModeIsAnErrorNotASilentNoOp() {
    assertThatThrownBy(
            () ->
                OperationResolver.resolve(
                    ActionRequest.builder(ActionType.LEAD).syncMode("merge").build()))
        .hasMessageStartingWith("Invalid sync mode - merge")
        .extracting("status")
        .isEqualTo(400);
  }

  @Test
  void unknownOperationAndMissingBothAreErrors() {
    assertThatThrownBy(
            () ->
                OperationResolver.resolve(
                    ActionRequest.builder(ActionType.LEAD).operation("add").build()))
        .hasMessageStartingWith("Invalid operation - add");
    assertThatThrownBy(
            () -> OperationResolver.resolve(ActionRequest.builder(ActionType.LEAD).build()))
        .hasMessageStartingWith("Missing operation or syncMode value");
  }

  @Test
  void operationAndSyncModeTogetherAreRejected() {
    assertThatThrownBy(
            () ->
                OperationResolver.resolve(
                    ActionRequest.builder(ActionType.LEAD)
                        .operation("create")
                        .syncMode("add")
                        .build()))
        .hasMessageContaining("not both");
  }

  @ParameterizedTest(name = "operation={0} syncMode={1} -> {2}")
  @CsvSource(
      nullValues = "null",
      value = {
        "null, '', Sync mode is required for this operation.",
        "'', '', Sync mode is required for this operation.",
        "null, null, Missing operation or syncMode value",
        "'', null, Missing operation or syncMode value"
      })
  void anEmptySyncModeIsAMissingSyncModeAndA400(String operation, String syncMode, String message) {
    assertThatThrownBy(() -> OperationResolver.resolve(operation, syncMode))
        .isInstanceOf(ActionException.class)
        .hasMessageStartingWith(message)
        .extracting("code", "status")
        .containsExactly("PAYLOAD_VALIDATION_FAILED", 400);
  }

  @Test
  void anEmptySyncModeNextToAnOperationIsNotGiven() {
    assertThat(OperationResolver.resolve("create", "")).isEqualTo(Operation.CREATE);
    assertThat(OperationResolver.resolve("", "add")).isEqualTo(Operation.CREATE);
  }
}
