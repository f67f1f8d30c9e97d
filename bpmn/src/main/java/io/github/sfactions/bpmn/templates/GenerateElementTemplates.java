package io.github.sfactions.bpmn.templates;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes every element template into a folder, one JSON file per connector, and removes generated
 * files that no longer exist. Argument: the folder (default {@value #DEFAULT_FOLDER}, relative to
 * the repository root).
 */
public final class GenerateElementTemplates {

  /** Where the committed templates live. */
  public static final String DEFAULT_FOLDER = "bpmn/src/main/resources/element-templates";

  private GenerateElementTemplates() {}

  /** Entry point. */
  public static void main(String[] args) {
    Path folder = Path.of(args.length > 0 ? args[0] : DEFAULT_FOLDER);
    List<Path> written = write(folder);
    System.out.println(
        "wrote "
            + written.size()
            + " element template files ("
            + ElementTemplates.all().size()
            + " templates) to "
            + folder.toAbsolutePath().normalize());
  }

  /** Writes the files into {@code folder} and returns them. */
  public static List<Path> write(Path folder) {
    try {
      Files.createDirectories(folder);
      Map<String, List<ElementTemplate>> files = ElementTemplates.byFile();
      try (var existing = Files.list(folder)) {
        for (Path stale :
            existing
                .filter(
                    p ->
                        p.getFileName().toString().startsWith("salesforce-")
                            && p.getFileName().toString().endsWith(".json")
                            && !files.containsKey(p.getFileName().toString()))
                .toList()) {
          Files.delete(stale);
        }
      }
      return files.entrySet().stream()
          .map(e -> writeFile(folder.resolve(e.getKey()), e.getValue()))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write element templates to " + folder, e);
    }
  }

  private static Path writeFile(Path file, List<ElementTemplate> templates) {
    try {
      return Files.writeString(file, ElementTemplateJson.toJson(templates), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
