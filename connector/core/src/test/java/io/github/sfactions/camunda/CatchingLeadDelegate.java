package io.github.sfactions.camunda;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.connect.Connectors;

/** A delegate that calls the Lead connector from code and handles its BPMN error itself. */
public class CatchingLeadDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    SalesforceConnector connector = Connectors.getConnector(SalesforceConnectorIds.LEAD);
    try {
      connector
          .createRequest()
          .parameter(ActionParameters.SYNC_MODE, "add")
          .parameter("LastName", execution.getVariable("lastName"))
          .parameter("Company", "Acme")
          .execute();
      execution.setVariable("caught", "none");
    } catch (BpmnError e) {
      execution.setVariable("caught", e.getErrorCode());
    }
  }
}
