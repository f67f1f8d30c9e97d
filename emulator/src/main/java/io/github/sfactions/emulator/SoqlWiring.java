package io.github.sfactions.emulator;

import io.github.sfactions.emulator.impl.ApiException;
import io.github.sfactions.emulator.impl.QueryParser;
import io.github.sfactions.emulator.impl.QueryPlan;
import io.github.sfactions.emulator.impl.meta.ObjectDef;
import io.github.sfactions.emulator.impl.meta.Schema;
import io.github.sfactions.emulator.soql.SoqlException;
import io.github.sfactions.emulator.soql.SoqlQuery;
import io.github.sfactions.emulator.soql.SoqlSchema;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * Connects the SOQL package to the query endpoint: the schema it validates against and the plan it
 * yields.
 */
final class SoqlWiring implements SoqlSchema {
  private final Schema schema;

  private SoqlWiring(Schema schema) {
    this.schema = schema;
  }

  /**
   * A parser validating against the org's metadata; SOQL errors become 400 answers with their code.
   */
  static QueryParser parser(Schema schema) {
    SoqlWiring wiring = new SoqlWiring(schema);
    return soql -> {
      try {
        return new Plan(SoqlQuery.parse(soql, wiring));
      } catch (SoqlException e) {
        throw ApiException.badRequest(e.errorCode(), e.getMessage(), List.of());
      }
    };
  }

  @Override
  public Optional<String> canonicalObjectName(String name) {
    return schema.object(name).map(ObjectDef::name);
  }

  @Override
  public Optional<FieldInfo> field(String canonicalObject, String fieldName) {
    return schema
        .object(canonicalObject)
        .flatMap(o -> o.field(fieldName))
        .map(f -> new FieldInfo(f.name(), f.type().apiName(), f.filterable(), f.sortable()));
  }

  @Override
  public List<FieldInfo> fields(String canonicalObject) {
    return schema
        .object(canonicalObject)
        .map(
            o ->
                o.fields().values().stream()
                    .map(
                        f ->
                            new FieldInfo(
                                f.name(), f.type().apiName(), f.filterable(), f.sortable()))
                    .toList())
        .orElse(List.of());
  }

  @Override
  public Optional<Relationship> relationship(String canonicalObject, String relationshipName) {
    return schema
        .object(canonicalObject)
        .flatMap(o -> o.relationship(relationshipName))
        .filter(f -> !f.referenceTo().isEmpty())
        .map(f -> new Relationship(f.relationshipName(), f.name(), f.referenceTo().get(0)));
  }

  /**
   * Child relationships are named as {@code /composite/tree} names them ({@link
   * ObjectDef#childRelationship}).
   */
  @Override
  public Optional<ChildRelationship> childRelationship(
      String canonicalObject, String relationshipName) {
    return schema
        .object(canonicalObject)
        .flatMap(parent -> ObjectDef.childRelationship(schema.objects(), parent, relationshipName))
        .map(c -> new ChildRelationship(c.name(), c.child().name(), c.referenceField().name()));
  }

  private record Plan(SoqlQuery query) implements QueryPlan {
    @Override
    public String objectName() {
      return query.objectName();
    }

    @Override
    public List<String> selectFields() {
      return query.selectFields();
    }

    @Override
    public boolean isCount() {
      return query.isCount();
    }

    @Override
    public OptionalInt limit() {
      return query.limit();
    }

    @Override
    public boolean isAggregate() {
      return query.isAggregate();
    }

    @Override
    public List<Map<String, Object>> aggregate(
        Collection<Map<String, Object>> records,
        Function<String, Collection<Map<String, Object>>> tables) {
      return query.aggregate(records, tables::apply);
    }

    @Override
    public List<Child> children() {
      List<Child> children = new java.util.ArrayList<>();
      for (SoqlQuery.Child c : query.children()) {
        children.add(new Child(c.relationshipName(), c.referenceField(), new Plan(c.query())));
      }
      return children;
    }

    @Override
    public List<Map<String, Object>> apply(
        Collection<Map<String, Object>> records,
        Function<String, Collection<Map<String, Object>>> tables) {
      return query.apply(records, tables::apply);
    }
  }
}
