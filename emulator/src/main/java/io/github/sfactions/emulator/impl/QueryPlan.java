package io.github.sfactions.emulator.impl;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/** A parsed, validated SOQL query as the query endpoint needs it. */
public interface QueryPlan {
    /** Canonical object name. */
    String objectName();

    /** Canonical field names in select order. */
    List<String> selectFields();

    /** {@code SELECT COUNT() FROM ...}. */
    boolean isCount();

    /** The LIMIT clause, when given. */
    OptionalInt limit();

    /** WHERE filter, ORDER BY and LIMIT applied; the input maps, unprojected. */
    List<Map<String, Object>> apply(Collection<Map<String, Object>> records);
}
