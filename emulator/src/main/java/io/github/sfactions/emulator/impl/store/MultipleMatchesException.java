package io.github.sfactions.emulator.impl.store;

import java.util.List;

/** An upsert's external id value matched several records (HTTP 300). */
public final class MultipleMatchesException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<String> ids;

  public MultipleMatchesException(List<String> ids) {
    super("External id matches " + ids.size() + " records", null, false, false);
    this.ids = List.copyOf(ids);
  }

  public List<String> ids() {
    return ids;
  }
}
