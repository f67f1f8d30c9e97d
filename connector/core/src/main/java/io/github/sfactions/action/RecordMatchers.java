package io.github.sfactions.action;

import io.github.sfactions.client.Soql;
import io.github.sfactions.client.SoqlBuildException;
import java.util.Map;

/**
 * Record matchers → SOQL (§5): {@code SELECT Id FROM X WHERE a = 'b' OR c = 2}, one condition per
 * matcher in the map's order, joined by the operator, no parentheses and no LIMIT. With our
 * deviations: string literals escape backslashes and control characters as well as quotes (1), and
 * a field name that is not an API name is rejected instead of silently stripped (2).
 */
public final class RecordMatchers {

  private RecordMatchers() {}

  /**
   * The operator: {@code OR} when null or empty (Segment drops empty top-level values), {@code OR}
   * or {@code AND} exactly; anything else is {@code Invalid SOQL operator - <value>}.
   */
  public static Soql.Junction operator(String operator) {
    if (operator == null || operator.isEmpty() || "OR".equals(operator)) {
      return Soql.Junction.OR;
    }
    if ("AND".equals(operator)) {
      return Soql.Junction.AND;
    }
    throw new ActionException(
        ActionMessages.INVALID_OPERATOR_PREFIX + operator,
        ActionMessages.CODE_INVALID_OPERATOR,
        ActionMessages.STATUS_BAD_REQUEST);
  }

  /**
   * The lookup query. The operator is validated first, then each matcher in order (name, then value
   * type), so the error a user sees is the first one the reference would report.
   *
   * @param matchers at least one field API name → string, number or boolean
   */
  public static String selectIdSoql(String sobject, Map<String, ?> matchers, String operator) {
    Soql.Junction junction = operator(operator);
    if (matchers == null || matchers.isEmpty()) {
      throw new IllegalArgumentException("At least one record matcher is required");
    }
    String object = ObjectNames.validate(sobject);
    try {
      return Soql.selectIdWhere(object, matchers, junction);
    } catch (SoqlBuildException e) {
      if (SoqlBuildException.UNSUPPORTED_TYPE.equals(e.code())) {
        throw new ActionException(
            e.getMessage(),
            ActionMessages.CODE_UNSUPPORTED_TYPE,
            ActionMessages.STATUS_BAD_REQUEST);
      }
      throw new ActionException(e.getMessage(), e.code(), ActionMessages.STATUS_BAD_REQUEST);
    }
  }
}
