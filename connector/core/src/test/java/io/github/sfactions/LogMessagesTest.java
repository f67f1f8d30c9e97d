package io.github.sfactions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every log message of the connector modules and bpmn goes through an area's logger class, carries
 * a code of that area's range, no code is used twice and docs/log-messages.md documents each one:
 * users grep and alert on the codes, so they must stay stable and findable.
 */
class LogMessagesTest {

  /** Each logger class (by file name) and the code range its messages use. */
  private static final Map<String, String> RANGES =
      Map.of(
          "ClientLogger.java", "SFA-01",
          "ConnectorLogger.java", "SFA-02",
          "SpringLogger.java", "SFA-03",
          "IntakeLogger.java", "SFA-04",
          "BulkLogger.java", "SFA-05");

  private static final List<String> MODULES =
      Stream.concat(ProjectSources.CONNECTOR.stream(), Stream.of("bpmn")).toList();
  private static final Pattern CODE = Pattern.compile("\"(SFA-\\d{5}) ");
  private static final Pattern LOG_CALL =
      Pattern.compile("\\.(trace|debug|info|warn|error)\\(\\s*\"");
  private static final Pattern DOCUMENTED =
      Pattern.compile(
          "^\\| `(SFA-\\d{5})` \\| (TRACE|DEBUG|INFO|WARN|ERROR) \\|", Pattern.MULTILINE);

  private static final Path ROOT = ProjectSources.ROOT;

  /**
   * Neither SLF4J loggers nor a container's (Tomcat valves have one) outside the logger classes.
   */
  @Test
  void onlyTheLoggerClassesCreateLoggers() throws IOException {
    List<String> direct = new ArrayList<>();
    for (Map.Entry<Path, String> source : mainSources().entrySet()) {
      String name = source.getKey().getFileName().toString();
      if (!RANGES.containsKey(name)
          && (source.getValue().contains("LoggerFactory")
              || source.getValue().contains("org.slf4j.Logger")
              || source.getValue().contains(".getLogger()"))) {
        direct.add(source.getKey().toString());
      }
    }
    assertThat(direct).as("classes logging without their area's logger class").isEmpty();
  }

  @Test
  void everyMessageHasAUniqueCodeOfItsAreasRangeAndIsDocumented() throws IOException {
    Map<String, String> codes = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    int loggers = 0;
    for (Map.Entry<Path, String> source : mainSources().entrySet()) {
      String name = source.getKey().getFileName().toString();
      String range = RANGES.get(name);
      if (range == null) {
        continue;
      }
      loggers++;
      String text = source.getValue();
      Matcher call = LOG_CALL.matcher(text);
      while (call.find()) {
        Matcher code = CODE.matcher(text).region(call.end() - 1, text.length());
        if (!code.lookingAt()) {
          problems.add(name + ": a message without a code at offset " + call.start());
          continue;
        }
        String c = code.group(1);
        if (!c.startsWith(range)) {
          problems.add(name + ": " + c + " is outside " + range + "xxx");
        }
        String level = call.group(1).toUpperCase(Locale.ROOT);
        if (codes.put(c, level) != null) {
          problems.add(c + " is used twice (" + name + ")");
        }
      }
    }
    assertThat(loggers).as("logger classes found").isEqualTo(RANGES.size());
    assertThat(codes).as("codes found").hasSizeGreaterThan(15);
    assertThat(problems).isEmpty();

    String docs = Files.readString(ROOT.resolve("docs/log-messages.md"), StandardCharsets.UTF_8);
    Map<String, String> documented = new LinkedHashMap<>();
    Matcher row = DOCUMENTED.matcher(docs);
    while (row.find()) {
      assertThat(documented.put(row.group(1), row.group(2)))
          .as(row.group(1) + " tabled twice in docs/log-messages.md")
          .isNull();
    }
    assertThat(documented)
        .as("codes and levels tabled in docs/log-messages.md")
        .containsExactlyInAnyOrderEntriesOf(codes);
  }

  private static Map<Path, String> mainSources() throws IOException {
    Map<Path, String> sources = ProjectSources.main(MODULES);
    assertThat(sources).as("Java files scanned").hasSizeGreaterThan(100);
    return sources;
  }
}
