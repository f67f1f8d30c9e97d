package io.github.sfactions.camunda.impl;

import io.github.sfactions.action.ActionException;
import io.github.sfactions.action.ActionMessages;
import io.github.sfactions.camunda.ActionParameters;
import io.github.sfactions.camunda.InputValues;
import io.github.sfactions.camunda.SalesforceConnections;
import io.github.sfactions.camunda.SalesforceConnector;
import io.github.sfactions.camunda.SalesforceRequest;
import io.github.sfactions.camunda.SalesforceResponse;
import io.github.sfactions.client.SalesforceClient;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.connect.ConnectorException;
import org.camunda.connect.impl.AbstractConnector;

/**
 * Common frame of every Salesforce connector: runs the work through the interceptor chain, rejects
 * unknown input parameters, and maps failures (business → {@link BpmnError}, technical → {@link
 * io.github.sfactions.camunda.SalesforceConnectorException}).
 */
public abstract class AbstractSalesforceConnector
    extends AbstractConnector<SalesforceRequest, SalesforceResponse>
    implements SalesforceConnector {

  protected AbstractSalesforceConnector(String connectorId) {
    super(connectorId);
  }

  @Override
  public SalesforceRequest createRequest() {
    return new SalesforceRequestImpl(this);
  }

  @Override
  public SalesforceResponse execute(SalesforceRequest request) {
    Map<String, Object> params = new LinkedHashMap<>(request.getRequestParameters());
    SalesforceInvocation invocation =
        new SalesforceInvocation(params, request, requestInterceptors, this::run);
    try {
      Object result = invocation.proceed();
      if (result instanceof SalesforceResponse response) {
        return response;
      }
      throw new IllegalStateException(
          "An interceptor returned " + result + " instead of a SalesforceResponse");
    } catch (BpmnError | ConnectorException e) {
      throw e;
    } catch (RuntimeException e) {
      throw ErrorMapping.map(connectorId, describe(params), e);
    } catch (Exception e) {
      throw ErrorMapping.map(
          connectorId, describe(params), new IllegalStateException(e.getMessage(), e));
    }
  }

  private SalesforceResponse run(Map<String, Object> params) {
    rejectUnknown(params);
    try {
      return new SalesforceResponseImpl(perform(params));
    } catch (BpmnError e) {
      throw e;
    } catch (RuntimeException e) {
      throw ErrorMapping.map(connectorId, describe(params), e);
    }
  }

  /**
   * Does the work; returns the response parameters. Throw action or client exceptions; they are
   * mapped.
   */
  protected abstract Map<String, Object> perform(Map<String, Object> params);

  /** Every input parameter name this connector accepts. */
  protected abstract Set<String> inputNames();

  /** Object and operation for messages, e.g. {@code Lead upsert}. */
  protected abstract String describe(Map<String, Object> params);

  /** The client of the connection the parameters name. */
  protected static SalesforceClient client(Map<String, Object> params) {
    return SalesforceConnections.global()
        .client(
            InputValues.text(ActionParameters.CONNECTION, params.get(ActionParameters.CONNECTION)));
  }

  private void rejectUnknown(Map<String, Object> params) {
    Set<String> unknown = new TreeSet<>(params.keySet());
    unknown.removeAll(inputNames());
    if (!unknown.isEmpty()) {
      throw new ActionException(
          "Unknown input parameter(s) "
              + unknown
              + " for "
              + connectorId
              + " (accepted: "
              + String.join(", ", new TreeSet<>(inputNames()))
              + ")",
          ActionMessages.CODE_PAYLOAD_VALIDATION,
          ActionMessages.STATUS_BAD_REQUEST);
    }
  }

  /** Text of a parameter for messages, or a placeholder. */
  protected static String textOr(Map<String, Object> params, String name, String fallback) {
    Object v = params.get(name);
    return v instanceof String s && !s.isEmpty() ? s : fallback;
  }
}
