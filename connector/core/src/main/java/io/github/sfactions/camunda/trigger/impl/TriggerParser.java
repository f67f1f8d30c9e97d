package io.github.sfactions.camunda.trigger.impl;

import io.github.sfactions.camunda.trigger.TriggerSyntaxException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Recursive-descent parser of the trigger language described in {@link
 * io.github.sfactions.camunda.trigger.TriggerExpression}. One instance parses one text.
 */
public final class TriggerParser {

  private static final Set<String> FUNCTIONS =
      Set.of("exists", "contains", "match", "lowercase", "uppercase", "length");

  private final String text;
  private final List<Token> tokens;
  private int position;

  /** A parser of this trigger text. */
  public TriggerParser(String text) {
    this.text = text;
    this.tokens = new TriggerLexer(text).tokens();
  }

  /** Parses the whole text into one condition. */
  public TriggerNode parse() {
    if (peek().kind() == Token.Kind.END) {
      throw error(peek(), "the trigger is empty; write e.g. type = \"identify\"");
    }
    TriggerNode node = or();
    if (peek().kind() != Token.Kind.END) {
      throw error(peek(), "unexpected '" + peek().text() + "', expected and, or or the end");
    }
    return node;
  }

  private TriggerNode or() {
    TriggerNode left = and();
    while (acceptWord("or")) {
      TriggerNode l = left;
      TriggerNode r = and();
      left = e -> TriggerValues.isTrue(l.evaluate(e)) || TriggerValues.isTrue(r.evaluate(e));
    }
    return left;
  }

  private TriggerNode and() {
    TriggerNode left = not();
    while (acceptWord("and")) {
      TriggerNode l = left;
      TriggerNode r = not();
      left = e -> TriggerValues.isTrue(l.evaluate(e)) && TriggerValues.isTrue(r.evaluate(e));
    }
    return left;
  }

  private TriggerNode not() {
    if (acceptWord("not") || accept(Token.Kind.OPERATOR, "!")) {
      TriggerNode operand = not();
      return e -> !TriggerValues.isTrue(operand.evaluate(e));
    }
    return comparison();
  }

  private TriggerNode comparison() {
    TriggerNode left = value();
    Token op = peek();
    if (op.kind() != Token.Kind.OPERATOR || "!".equals(op.text())) {
      return left;
    }
    position++;
    TriggerNode right = value();
    return switch (op.text()) {
      case "=" -> e -> TriggerValues.equal(left.evaluate(e), right.evaluate(e));
      case "!=" -> e -> !TriggerValues.equal(left.evaluate(e), right.evaluate(e));
      case "<" -> ordered(left, right, c -> c < 0);
      case "<=" -> ordered(left, right, c -> c <= 0);
      case ">" -> ordered(left, right, c -> c > 0);
      case ">=" -> ordered(left, right, c -> c >= 0);
      default -> throw error(op, "unknown operator '" + op.text() + "'");
    };
  }

  private static TriggerNode ordered(
      TriggerNode left, TriggerNode right, java.util.function.IntPredicate test) {
    return e -> {
      Integer c = TriggerValues.compare(left.evaluate(e), right.evaluate(e));
      return c != null && test.test(c);
    };
  }

  private TriggerNode value() {
    Token t = peek();
    switch (t.kind()) {
      case STRING -> {
        position++;
        String s = t.text();
        return e -> s;
      }
      case NUMBER -> {
        position++;
        BigDecimal d = new BigDecimal(t.text());
        return e -> d;
      }
      case OPEN -> {
        position++;
        TriggerNode inner = or();
        expect(Token.Kind.CLOSE, "')'");
        return inner;
      }
      case WORD -> {
        return word(t);
      }
      default ->
          throw error(
              t,
              t.kind() == Token.Kind.END
                  ? "the trigger ends too early, expected a value"
                  : "unexpected '"
                      + t.text()
                      + "', expected a field, a \"text\", a number, true, false or null");
    }
  }

  private TriggerNode word(Token t) {
    switch (t.text()) {
      case "true" -> {
        position++;
        return e -> Boolean.TRUE;
      }
      case "false" -> {
        position++;
        return e -> Boolean.FALSE;
      }
      case "null" -> {
        position++;
        return e -> null;
      }
      case "and", "or", "not" ->
          throw error(t, "'" + t.text() + "' needs a condition before and after it");
      default -> {
        if (tokens.get(position + 1).kind() == Token.Kind.OPEN) {
          return function(t);
        }
        List<String> path = path();
        return e -> TriggerValues.at(e, path);
      }
    }
  }

  private List<String> path() {
    List<String> segments = new ArrayList<>();
    segments.add(next().text());
    while (accept(Token.Kind.DOT, ".")) {
      Token segment = peek();
      if (segment.kind() != Token.Kind.WORD) {
        throw error(segment, "expected a field name after '.'");
      }
      segments.add(next().text());
    }
    return List.copyOf(segments);
  }

  private TriggerNode function(Token name) {
    if (!FUNCTIONS.contains(name.text())) {
      throw error(
          name,
          "unknown function '"
              + name.text()
              + "', known: "
              + String.join(", ", new java.util.TreeSet<>(FUNCTIONS)));
    }
    position += 2;
    List<TriggerNode> args = new ArrayList<>();
    if (peek().kind() != Token.Kind.CLOSE) {
      args.add(or());
      while (accept(Token.Kind.COMMA, ",")) {
        args.add(or());
      }
    }
    expect(Token.Kind.CLOSE, "')' after the arguments of " + name.text());
    int expected =
        switch (name.text()) {
          case "contains", "match" -> 2;
          default -> 1;
        };
    if (args.size() != expected) {
      throw error(
          name,
          name.text()
              + " takes "
              + expected
              + " argument"
              + (expected == 1 ? "" : "s")
              + ", got "
              + args.size());
    }
    TriggerNode a = args.get(0);
    TriggerNode b = expected == 2 ? args.get(1) : null;
    return switch (name.text()) {
      case "exists" -> e -> a.evaluate(e) != null;
      case "contains" -> e -> TriggerValues.contains(a.evaluate(e), b.evaluate(e));
      case "match" -> e -> TriggerValues.matchesGlob(a.evaluate(e), b.evaluate(e));
      case "lowercase" -> e -> TriggerValues.lowercase(a.evaluate(e));
      case "uppercase" -> e -> TriggerValues.uppercase(a.evaluate(e));
      default -> e -> TriggerValues.length(a.evaluate(e));
    };
  }

  private Token peek() {
    return tokens.get(position);
  }

  private Token next() {
    return tokens.get(position++);
  }

  private boolean acceptWord(String word) {
    return accept(Token.Kind.WORD, word);
  }

  private boolean accept(Token.Kind kind, String value) {
    Token t = peek();
    if (t.kind() == kind && t.text().equals(value)) {
      position++;
      return true;
    }
    return false;
  }

  private void expect(Token.Kind kind, String what) {
    Token t = peek();
    if (t.kind() != kind) {
      throw error(
          t,
          "expected "
              + what
              + (t.kind() == Token.Kind.END ? " before the end" : ", found '" + t.text() + "'"));
    }
    position++;
  }

  private TriggerSyntaxException error(Token at, String problem) {
    return new TriggerSyntaxException(text, at.column(), problem);
  }
}
