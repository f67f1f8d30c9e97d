package io.github.sfactions.emulator.soql.impl;

import io.github.sfactions.emulator.soql.SoqlException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Recursive-descent parser for the SOQL subset:
 *
 * <pre>
 * query     := SELECT (COUNT '(' ')' | item (',' item)*) FROM object [WHERE cond]
 *              [GROUP BY field (',' field)* [HAVING cond]]   -- HAVING also allows function '(' field ')' op value
 *              [ORDER BY key [ASC|DESC] [NULLS (FIRST|LAST)] (',' ...)*] [LIMIT integer] [OFFSET integer]
 * item      := (field | function '(' field ')') [alias] | FIELDS '(' (ALL|STANDARD|CUSTOM) ')'
 *            | '(' query ')'                                  -- a child subquery, top level only
 * key       := field | function '(' field ')'
 * function  := COUNT | COUNT_DISTINCT | SUM | AVG | MIN | MAX
 * cond      := simple (AND simple)* | simple (OR simple)*      -- AND and OR never mix without parentheses
 * simple    := '(' cond ')' | NOT simple | field op value | field LIKE string | field [NOT] IN '(' value, ... ')'
 *            | field [NOT] IN '(' query ')'                   -- a semi-join (anti-join with NOT), not nested
 * </pre>
 *
 * It only checks syntax; names and value types are resolved afterwards by {@link QueryCompiler}, so
 * a syntax error anywhere wins over an unknown field, as in Salesforce.
 */
final class SoqlParser {

  /** Words that cannot be used as field or object names. */
  private static final Set<String> RESERVED =
      Set.of(
          "AND",
          "ASC",
          "BY",
          "DESC",
          "EXCLUDES",
          "FALSE",
          "FIRST",
          "FROM",
          "GROUP",
          "HAVING",
          "IN",
          "INCLUDES",
          "LAST",
          "LIKE",
          "LIMIT",
          "NOT",
          "NULL",
          "NULLS",
          "OFFSET",
          "OR",
          "ORDER",
          "SELECT",
          "TRUE",
          "WHERE",
          "WITH");

  /** The aggregate functions of the select list. */
  static final Set<String> FUNCTIONS =
      Set.of("COUNT", "COUNT_DISTINCT", "SUM", "AVG", "MIN", "MAX");

  /** Salesforce's largest OFFSET. */
  static final int MAX_OFFSET = 2000;

  /** Parentheses and NOTs nested deeper than this are refused rather than risking the stack. */
  static final int MAX_NESTING = 100;

  private final SourceText sourceText;
  private final List<Token> tokens;
  private final StringLiteralDecoder decoder;
  private int next;
  private int nesting;
  private boolean inSemiJoin;
  private boolean inHaving;

  private SoqlParser(SourceText sourceText) {
    this.sourceText = sourceText;
    this.tokens = sourceText.tokens();
    this.decoder = new StringLiteralDecoder(sourceText);
  }

  /** Parses a whole query; throws {@link SoqlException} MALFORMED_QUERY on any syntax error. */
  public static QueryAst parse(SourceText sourceText) {
    return new SoqlParser(sourceText).query(false);
  }

  /**
   * A whole query, or with {@code subquery} one in parentheses of a select list, ending before its
   * ')'.
   */
  private QueryAst query(boolean subquery) {
    expectKeyword("SELECT");
    List<QueryAst.SelectItem> fields = new ArrayList<>();
    List<QueryAst> subqueries = new ArrayList<>();
    boolean count = false;
    if (peek().isKeyword("COUNT")
        && peekAt(1).type() == TokenType.LEFT_PAREN
        && peekAt(2).type() == TokenType.RIGHT_PAREN) {
      advance();
      advance();
      expect(TokenType.RIGHT_PAREN);
      count = true;
    } else {
      do {
        if (peek().type() == TokenType.LEFT_PAREN && peekAt(1).isKeyword("SELECT")) {
          Token opening = advance();
          if (subquery) {
            throw sourceText.error(
                opening,
                SoqlException.MALFORMED_QUERY,
                "Nested subqueries are not"
                    + " supported by the emulator: child relationship subqueries go one level deep");
          }
          subqueries.add(query(true));
          expect(TokenType.RIGHT_PAREN);
        } else {
          fields.add(selectItem());
        }
      } while (accept(TokenType.COMMA));
    }
    expectKeyword("FROM");
    Token object = name();
    Condition where = null;
    if (acceptKeyword("WHERE")) {
      where = condition();
    }
    List<Token> groupBy = new ArrayList<>();
    if (acceptKeyword("GROUP")) {
      expectKeyword("BY");
      do {
        groupBy.add(name());
      } while (accept(TokenType.COMMA));
    }
    Condition having = null;
    if (!groupBy.isEmpty() && acceptKeyword("HAVING")) {
      inHaving = true;
      having = condition();
      inHaving = false;
    }
    List<QueryAst.OrderItem> orderBy = List.of();
    if (acceptKeyword("ORDER")) {
      expectKeyword("BY");
      orderBy = orderItems();
    }
    Integer limit = null;
    if (acceptKeyword("LIMIT")) {
      limit = limitValue();
    }
    int offset = 0;
    if (acceptKeyword("OFFSET")) {
      Token offsetToken = peek();
      offset = limitValue();
      if (offset > MAX_OFFSET) {
        throw sourceText.error(
            offsetToken,
            SoqlException.NUMBER_OUTSIDE_VALID_RANGE,
            "Maximum SOQL offset allowed is " + MAX_OFFSET);
      }
    }
    if (peek().type() != (subquery ? TokenType.RIGHT_PAREN : TokenType.EOF)) {
      throw sourceText.unexpected(peek());
    }
    return new QueryAst(
        List.copyOf(fields),
        count,
        object,
        where,
        orderBy,
        limit,
        offset,
        List.copyOf(subqueries),
        List.copyOf(groupBy),
        having);
  }

  /** {@code field [alias]} or {@code function(field) [alias]}. */
  private QueryAst.SelectItem selectItem() {
    if (peek().isKeyword("FIELDS") && peekAt(1).type() == TokenType.LEFT_PAREN) {
      Token function = advance();
      advance();
      Token group = peek();
      if (!group.isKeyword("ALL") && !group.isKeyword("STANDARD") && !group.isKeyword("CUSTOM")) {
        throw sourceText.unexpected(group);
      }
      advance();
      expect(TokenType.RIGHT_PAREN);
      return new QueryAst.SelectItem(function, group, null);
    }
    Token function = null;
    Token field;
    if (isFunctionCall()) {
      function = advance();
      advance();
      field = name();
      expect(TokenType.RIGHT_PAREN);
    } else {
      field = name();
    }
    Token alias = null;
    // A word after a plain field is an alias only where one can end the item, so that a misspelt
    // FROM is
    // reported as itself.
    boolean endsItem = peekAt(1).type() == TokenType.COMMA || peekAt(1).isKeyword("FROM");
    if (peek().type() == TokenType.IDENTIFIER
        && !RESERVED.contains(peek().upperText())
        && (function != null || endsItem)) {
      alias = advance();
    }
    return new QueryAst.SelectItem(function, field, alias);
  }

  private boolean isFunctionCall() {
    return peek().type() == TokenType.IDENTIFIER
        && FUNCTIONS.contains(peek().upperText())
        && peekAt(1).type() == TokenType.LEFT_PAREN;
  }

  private Condition condition() {
    Condition first = simpleCondition();
    String joiner = peek().isKeyword("AND") ? "AND" : peek().isKeyword("OR") ? "OR" : null;
    if (joiner == null) {
      return first;
    }
    List<Condition> operands = new ArrayList<>();
    operands.add(first);
    while (acceptKeyword(joiner)) {
      operands.add(simpleCondition());
    }
    if (peek().isKeyword("AND") || peek().isKeyword("OR")) {
      // Salesforce refuses a AND b OR c: precedence must be made explicit with parentheses.
      throw sourceText.unexpected(peek());
    }
    return joiner.equals("AND")
        ? new Condition.And(List.copyOf(operands))
        : new Condition.Or(List.copyOf(operands));
  }

  private Condition simpleCondition() {
    if (peek().type() == TokenType.LEFT_PAREN || peek().isKeyword("NOT")) {
      Token opening = advance();
      if (++nesting > MAX_NESTING) {
        throw sourceText.error(
            opening,
            SoqlException.MALFORMED_QUERY,
            "Query is nested too deeply: at most "
                + MAX_NESTING
                + " levels of parentheses and NOT");
      }
      Condition nested;
      if (opening.type() == TokenType.LEFT_PAREN) {
        nested = condition();
        expect(TokenType.RIGHT_PAREN);
      } else {
        nested = new Condition.Not(simpleCondition());
      }
      nesting--;
      return nested;
    }
    if (inHaving && isFunctionCall()) {
      Token function = advance();
      advance();
      Token field = name();
      expect(TokenType.RIGHT_PAREN);
      Token operatorToken = peek();
      ComparisonOperator operator = ComparisonOperator.of(operatorToken.type());
      if (operator == null) {
        throw sourceText.unexpected(operatorToken);
      }
      advance();
      return new Condition.AggregateComparison(function, field, operator, operatorToken, value());
    }
    Token field = name();
    boolean negatedIn = acceptKeyword("NOT");
    if (negatedIn || peek().isKeyword("IN")) {
      expectKeyword("IN");
      if (peek().type() == TokenType.LEFT_PAREN && peekAt(1).isKeyword("SELECT")) {
        return semiJoin(field, negatedIn);
      }
      return new Condition.In(field, negatedIn, valueList());
    }
    if (peek().isKeyword("LIKE")) {
      Token operator = advance();
      Token pattern = peek();
      if (pattern.type() != TokenType.STRING) {
        throw sourceText.unexpected(pattern);
      }
      advance();
      return new Condition.Like(
          field, operator, pattern, new LikePattern(decoder.decodeLikePattern(pattern)));
    }
    Token operatorToken = peek();
    ComparisonOperator operator = ComparisonOperator.of(operatorToken.type());
    if (operator == null) {
      throw sourceText.unexpected(operatorToken);
    }
    advance();
    return new Condition.Comparison(field, operator, operatorToken, value());
  }

  private Condition semiJoin(Token field, boolean negated) {
    Token opening = advance();
    if (inSemiJoin) {
      throw sourceText.error(
          opening,
          SoqlException.MALFORMED_QUERY,
          "Nesting of semi join sub-selects is not supported");
    }
    inSemiJoin = true;
    QueryAst subquery = query(true);
    inSemiJoin = false;
    expect(TokenType.RIGHT_PAREN);
    return new Condition.SemiJoin(field, negated, opening, subquery);
  }

  private List<Literal> valueList() {
    expect(TokenType.LEFT_PAREN);
    List<Literal> values = new ArrayList<>();
    values.add(value());
    while (accept(TokenType.COMMA)) {
      values.add(value());
    }
    expect(TokenType.RIGHT_PAREN);
    return List.copyOf(values);
  }

  private Literal value() {
    Token token = peek();
    Literal literal =
        switch (token.type()) {
          case STRING -> new Literal(Literal.Kind.STRING, token, decoder.decodePlain(token));
          case NUMBER -> new Literal(Literal.Kind.NUMBER, token, token.text());
          case DATE ->
              temporal(token, Literal.Kind.DATE, TemporalValues.parseDate(token.text()) != null);
          case DATETIME ->
              temporal(
                  token, Literal.Kind.DATETIME, TemporalValues.parseDateTime(token.text()) != null);
          case IDENTIFIER -> keywordValue(token);
          default -> null;
        };
    if (literal == null) {
      throw sourceText.unexpected(token);
    }
    advance();
    return literal;
  }

  private Literal temporal(Token token, Literal.Kind kind, boolean valid) {
    if (!valid) {
      String what = kind == Literal.Kind.DATE ? "date" : "datetime";
      throw sourceText.error(
          token, SoqlException.MALFORMED_QUERY, "Invalid " + what + ": " + token.text());
    }
    return new Literal(kind, token, token.text());
  }

  private Literal keywordValue(Token token) {
    return switch (token.upperText()) {
      case "TRUE" -> new Literal(Literal.Kind.TRUE, token, token.text());
      case "FALSE" -> new Literal(Literal.Kind.FALSE, token, token.text());
      case "NULL" -> new Literal(Literal.Kind.NULL, token, token.text());
      default -> {
        if (DateLiterals.range(token.text(), java.time.Clock.systemUTC()).isPresent()) {
          yield new Literal(Literal.Kind.DATE_LITERAL, token, token.upperText());
        }
        if (DateLiterals.looksLikeOne(token.text())) {
          throw sourceText.error(
              token, SoqlException.MALFORMED_QUERY, "Unsupported date literal: " + token.text());
        }
        yield null;
      }
    };
  }

  private List<QueryAst.OrderItem> orderItems() {
    List<QueryAst.OrderItem> items = new ArrayList<>();
    do {
      Token function = null;
      if (isFunctionCall()) {
        function = advance();
        advance();
      }
      Token field = name();
      if (function != null) {
        expect(TokenType.RIGHT_PAREN);
      }
      boolean descending = false;
      if (acceptKeyword("DESC")) {
        descending = true;
      } else {
        acceptKeyword("ASC");
      }
      // Default: nulls sort as the lowest value, first when ascending and last when descending.
      boolean nullsFirst = !descending;
      if (acceptKeyword("NULLS")) {
        if (acceptKeyword("FIRST")) {
          nullsFirst = true;
        } else {
          expectKeyword("LAST");
          nullsFirst = false;
        }
      }
      items.add(new QueryAst.OrderItem(function, field, descending, nullsFirst));
    } while (accept(TokenType.COMMA));
    return List.copyOf(items);
  }

  private int limitValue() {
    Token token = peek();
    if (token.type() != TokenType.NUMBER || !token.text().chars().allMatch(Character::isDigit)) {
      throw sourceText.unexpected(token);
    }
    advance();
    try {
      return Integer.parseInt(token.text());
    } catch (NumberFormatException e) {
      throw sourceText.error(
          token, SoqlException.MALFORMED_QUERY, "numeric value out of range: " + token.text());
    }
  }

  /** A field or object name: an identifier that is no reserved word. */
  private Token name() {
    Token token = peek();
    if (token.type() != TokenType.IDENTIFIER || RESERVED.contains(token.upperText())) {
      throw sourceText.unexpected(token);
    }
    return advance();
  }

  private Token peek() {
    return tokens.get(next);
  }

  private Token peekAt(int ahead) {
    return tokens.get(Math.min(next + ahead, tokens.size() - 1));
  }

  private Token advance() {
    Token token = tokens.get(next);
    if (token.type() == TokenType.ERROR) {
      throw sourceText.unexpected(token);
    }
    if (token.type() != TokenType.EOF) {
      next++;
    }
    return token;
  }

  private boolean accept(TokenType type) {
    if (peek().type() == type) {
      advance();
      return true;
    }
    return false;
  }

  private boolean acceptKeyword(String keyword) {
    if (peek().isKeyword(keyword)) {
      advance();
      return true;
    }
    return false;
  }

  private void expect(TokenType type) {
    if (!accept(type)) {
      throw sourceText.unexpected(peek());
    }
  }

  private void expectKeyword(String keyword) {
    if (!acceptKeyword(keyword)) {
      throw sourceText.unexpected(peek());
    }
  }
}
