package io.github.sfactions.camunda.impl;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.camunda.connect.impl.AbstractRequestInvocation;
import org.camunda.connect.spi.ConnectorRequest;
import org.camunda.connect.spi.ConnectorRequestInterceptor;

/**
 * Runs a connector's work through its interceptor chain. The target is the request's parameter map,
 * so an interceptor can inspect or adjust inputs (or short-circuit with its own response) before
 * Salesforce is called.
 */
public class SalesforceInvocation extends AbstractRequestInvocation<Map<String, Object>> {

  private final Function<Map<String, Object>, Object> work;

  public SalesforceInvocation(
      Map<String, Object> target,
      ConnectorRequest<?> request,
      List<ConnectorRequestInterceptor> interceptors,
      Function<Map<String, Object>, Object> work) {
    super(target, request, interceptors);
    this.work = work;
  }

  @Override
  public Object invokeTarget() {
    return work.apply(target);
  }
}
