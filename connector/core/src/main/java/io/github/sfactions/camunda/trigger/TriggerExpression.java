package io.github.sfactions.camunda.trigger;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfactions.camunda.trigger.impl.TriggerNode;
import io.github.sfactions.camunda.trigger.impl.TriggerParser;
import java.util.Objects;

/**
 * A Segment-style trigger: a condition over one event, such as {@code type = "identify"} or {@code
 * type = "track" and event = "Order Completed"}.
 *
 * <p>Grammar (case-sensitive keywords): comparisons {@code = != < <= > >=} between field paths
 * ({@code type}, {@code event}, {@code properties.total}, {@code traits.address.city}, a segment
 * with other characters in back-quotes: {@code properties.`order id`}) and literals ({@code
 * "text"}, numbers, {@code true}, {@code false}, {@code null}); {@code and}, {@code or}, {@code
 * not} (or {@code !}) and parentheses; functions {@code exists(path)}, {@code contains(text or
 * list, value)}, {@code match(text, "glob*?")}, {@code lowercase(x)}, {@code uppercase(x)}, {@code
 * length(x)}. A path the event does not have is {@code null}; {@code <}-style comparisons need two
 * numbers (numeric text counts) and are false otherwise; a value used as a condition on its own is
 * true only when it is the boolean {@code true}.
 *
 * <p>Immutable and thread-safe; parse once, evaluate many times.
 */
public final class TriggerExpression {

  private final String source;
  private final TriggerNode root;

  private TriggerExpression(String source, TriggerNode root) {
    this.source = source;
    this.root = root;
  }

  /**
   * Parses a trigger.
   *
   * @throws TriggerSyntaxException naming the column and what was expected
   */
  public static TriggerExpression parse(String trigger) {
    Objects.requireNonNull(trigger, "trigger");
    return new TriggerExpression(trigger, new TriggerParser(trigger).parse());
  }

  /** True when the event (a JSON object) satisfies the trigger. */
  public boolean matches(JsonNode event) {
    return Boolean.TRUE.equals(root.evaluate(event));
  }

  /** The trigger text as given. */
  public String source() {
    return source;
  }

  @Override
  public String toString() {
    return source;
  }
}
