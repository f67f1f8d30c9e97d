package io.github.sfactions.spring;

import java.util.List;

/**
 * The {@code sfactions.*} properties describe no usable Salesforce connection. Thrown at start-up
 * so that the application does not start with a connection that would only fail when the first task
 * runs. The message lists every problem, each naming its property (e.g. {@code
 * sfactions.connections.eu.auth.client-id}); secret values never appear in it.
 */
public class InvalidSalesforcePropertiesException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  private final transient List<String> problems;

  /** One exception for all problems found, each a sentence naming its property. */
  public InvalidSalesforcePropertiesException(List<String> problems) {
    super(message(problems));
    this.problems = List.copyOf(problems);
  }

  /** The problems, one sentence each, in property order. */
  public List<String> problems() {
    return problems;
  }

  private static String message(List<String> problems) {
    StringBuilder sb =
        new StringBuilder("Invalid Salesforce configuration (")
            .append(problems.size())
            .append(problems.size() == 1 ? " problem):" : " problems):");
    problems.forEach(p -> sb.append(System.lineSeparator()).append(" - ").append(p));
    return sb.toString();
  }
}
