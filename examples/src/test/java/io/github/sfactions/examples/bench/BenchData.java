package io.github.sfactions.examples.bench;

/**
 * Expression bean {@code benchData}: a record's long text, made in the input mapping so that no
 * process variable holds it (the memory scenario measures the bulk path, not the variables).
 */
public final class BenchData {

  /** The bean's name in the engine. */
  public static final String BEAN = "benchData";

  private final int descriptionChars;

  /** Descriptions of {@code descriptionChars} characters. */
  public BenchData(int descriptionChars) {
    this.descriptionChars = descriptionChars;
  }

  /**
   * {@code descriptionChars} characters that differ per record (so no two CSV rows are equal), or
   * null (the field is left out) when the bean makes no descriptions.
   */
  public String description(String seed) {
    if (descriptionChars == 0) {
      return null;
    }
    StringBuilder text = new StringBuilder(descriptionChars);
    String unit = seed + " lorem ipsum dolor sit amet, ";
    while (text.length() < descriptionChars) {
      text.append(unit, 0, Math.min(unit.length(), descriptionChars - text.length()));
    }
    return text.toString();
  }
}
