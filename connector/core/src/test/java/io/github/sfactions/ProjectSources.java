package io.github.sfactions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The project's main Java sources, read by the tests that check rules over the whole tree. */
final class ProjectSources {

  /** The repository root: the nearest directory up from the working directory with {@code mvnw}. */
  static final Path ROOT = root();

  /** The connector's three modules. */
  static final List<String> CONNECTOR =
      List.of("connector/client", "connector/core", "connector/spring-boot-starter");

  /**
   * Every module with main sources; {@code ArchitectureDiagramTest} checks that none is missing.
   */
  static final List<String> MODULES =
      Stream.concat(CONNECTOR.stream(), Stream.of("bpmn", "emulator", "examples")).toList();

  /**
   * The modules whose packages follow the {@code .impl} and one-way rules: all but the emulator.
   */
  static final List<String> PRODUCT =
      Stream.concat(CONNECTOR.stream(), Stream.of("bpmn", "examples")).toList();

  private ProjectSources() {}

  private static Path root() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("mvnw"))) {
        return dir;
      }
    }
    throw new IllegalStateException("no mvnw above " + Path.of("").toAbsolutePath());
  }

  /**
   * The modules of the tree: every directory (up to two levels down) with a {@code pom.xml} and a
   * {@code src/main/java}, relative to {@link #ROOT}.
   */
  static List<String> modulesOnDisk() throws IOException {
    try (Stream<Path> walk = Files.walk(ROOT, 2)) {
      return walk.filter(Files::isDirectory)
          .filter(dir -> Files.isRegularFile(dir.resolve("pom.xml")))
          .filter(dir -> Files.isDirectory(dir.resolve("src/main/java")))
          .map(dir -> ROOT.relativize(dir).toString().replace('\\', '/'))
          .sorted()
          .toList();
    }
  }

  /**
   * Every Java file under {@code <module>/src/main/java} of the given modules, keyed by its path
   * relative to {@link #ROOT}; a module without main sources fails the test.
   */
  static Map<Path, String> main(List<String> modules) throws IOException {
    Map<Path, String> sources = new LinkedHashMap<>();
    for (String module : modules) {
      Path dir = ROOT.resolve(module).resolve("src/main/java");
      assertThat(dir).as("main sources of " + module).isDirectory();
      try (Stream<Path> walk = Files.walk(dir)) {
        for (Path file : walk.filter(p -> p.toString().endsWith(".java")).toList()) {
          sources.put(ROOT.relativize(file), Files.readString(file, StandardCharsets.UTF_8));
        }
      }
    }
    return sources;
  }
}
