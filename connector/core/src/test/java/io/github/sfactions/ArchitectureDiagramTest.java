package io.github.sfactions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Keeps the package diagram in {@code docs/architecture.md} honest: the arrows of its Mermaid graph
 * must be exactly the area-to-area dependencies the main sources of every module have (an import, a
 * static import or a fully qualified name of a class in another area), and every arrow must point
 * down the layers. An area is the first package segment under {@code io.github.sfactions} ({@code
 * spring.intake} belongs to {@code spring}, {@code bpmn.bulk} to {@code bpmn}), so moving a class
 * between sub-packages does not churn the page.
 */
class ArchitectureDiagramTest {

  private static final String BASE = "io.github.sfactions.";
  private static final Path PAGE = Path.of("docs", "architecture.md");

  /**
   * The layers, lowest first: an area may depend only on areas of a lower layer. The emulator
   * shares the bottom layer with the client so that neither can use the other.
   */
  static final Map<String, Integer> LAYERS = layers();

  private static final Pattern PACKAGE =
      Pattern.compile("^package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
  private static final Pattern REFERENCE = Pattern.compile("\\bio\\.github\\.sfactions\\.(\\w+)");
  // a package (lower-case segments) followed by a class name
  private static final Pattern PACKAGE_REFERENCE =
      Pattern.compile("\\bio\\.github\\.sfactions\\.((?:[a-z]\\w*\\.)*[a-z]\\w*)\\.[A-Z]");
  private static final Pattern MERMAID = Pattern.compile("```mermaid\\R(.*?)```", Pattern.DOTALL);
  private static final Pattern ARROW =
      Pattern.compile("^\\s*(\\w+)(?:\\[[^\\]]*\\])?\\s*-->\\s*(\\w+)(?:\\[[^\\]]*\\])?\\s*$");
  // Text blocks first, then string and char literals, then comments: none of them is a dependency.
  private static final Pattern NOT_CODE =
      Pattern.compile(
          "\"\"\"(?s:.*?)\"\"\"|\"(?:\\\\.|[^\"\\\\\\n])*\"|'(?:\\\\.|[^'\\\\\\n])*'"
              + "|/\\*(?s:.*?)\\*/|//[^\\n]*");

  /**
   * The areas each module may hold: an area lives in one module only (no package split across
   * jars), so the Maven dependencies between the modules enforce the arrows too.
   */
  static final Map<String, Set<String>> MODULE_AREAS =
      Map.of(
          "connector/client", Set.of("client"),
          "connector/core", Set.of("action", "camunda"),
          "connector/spring-boot-starter", Set.of("spring"),
          "bpmn", Set.of("bpmn"),
          "emulator", Set.of("emulator"),
          "examples", Set.of("examples"));

  private static Map<String, Integer> layers() {
    Map<String, Integer> layers = new LinkedHashMap<>();
    layers.put("emulator", 0);
    layers.put("client", 0);
    layers.put("action", 1);
    layers.put("camunda", 2);
    layers.put("bpmn", 3);
    layers.put("spring", 4);
    layers.put("examples", 5);
    return layers;
  }

  @Test
  void theDiagramShowsExactlyTheDependenciesOfTheCodeAndAllPointDown() throws IOException {
    Path root = ProjectSources.ROOT;
    Map<String, String> sources = new LinkedHashMap<>();
    ProjectSources.main(ProjectSources.MODULES)
        .forEach((file, text) -> sources.put(file.toString(), text));
    assertThat(sources).as("Java files scanned").hasSizeGreaterThan(300);
    Set<String> code = codeEdges(sources);
    assertThat(code).as("dependencies found in the code").contains("action --> client");

    Path page = root.resolve(PAGE);
    assertThat(page).as("the contributors' overview").isRegularFile();
    Set<String> diagram = diagramEdges(Files.readString(page, StandardCharsets.UTF_8));

    assertThat(problems(code, diagram)).as("disagreements between %s and the code", PAGE).isEmpty();
  }

  @Test
  void everyModuleIsScannedAndHoldsOnlyItsOwnAreas() throws IOException {
    assertThat(ProjectSources.modulesOnDisk())
        .as("modules with main sources (ProjectSources.MODULES must list each)")
        .containsExactlyInAnyOrderElementsOf(ProjectSources.MODULES)
        .containsExactlyInAnyOrderElementsOf(MODULE_AREAS.keySet());
    List<String> misplaced = new ArrayList<>();
    for (String module : ProjectSources.MODULES) {
      ProjectSources.main(List.of(module))
          .forEach(
              (file, text) -> {
                Matcher pkg = PACKAGE.matcher(text);
                String area = pkg.find() ? area(pkg.group(1)) : "(no package)";
                if (!MODULE_AREAS.get(module).contains(area)) {
                  misplaced.add(file + " (area " + area + ") does not belong in " + module);
                }
              });
    }
    assertThat(misplaced).isEmpty();
  }

  /**
   * Within an area too, packages depend one way: no two packages (each with its {@code .impl}) use
   * each other, as {@code spring} and {@code spring.intake} once did. The emulator is left out: its
   * packages are not product API.
   */
  @Test
  void noTwoPackagesUseEachOther() throws IOException {
    Map<String, String> sources = new LinkedHashMap<>();
    ProjectSources.main(ProjectSources.PRODUCT)
        .forEach((file, text) -> sources.put(file.toString(), text));
    Set<String> edges = packageEdges(sources);
    assertThat(edges).as("package dependencies found").contains("spring.intake --> spring");
    assertThat(mutual(edges)).as("packages that use each other").isEmpty();
  }

  @Test
  void twoPackagesThatUseEachOtherAreReported() {
    Set<String> edges =
        packageEdges(
            Map.of(
                "A.java",
                """
                package io.github.sfactions.spring;
                import io.github.sfactions.spring.intake.SegmentIntakeProperties;
                class A {}
                """,
                "B.java",
                """
                package io.github.sfactions.spring.intake.impl;
                import io.github.sfactions.spring.SalesforceProperties;
                import io.github.sfactions.camunda.trigger.impl.EventJson;
                class B {}
                """));
    assertThat(edges)
        .containsExactlyInAnyOrder(
            "spring --> spring.intake",
            "spring.intake --> spring",
            "spring.intake --> camunda.trigger");
    assertThat(mutual(edges)).containsExactly("spring <--> spring.intake");
  }

  @Test
  void aDependencyMissingFromTheDiagramAnArrowWithoutCodeAndAnUpwardImportAreAllReported() {
    Set<String> code =
        codeEdges(
            Map.of(
                "A.java",
                """
                package io.github.sfactions.client.impl;
                import io.github.sfactions.action.ActionMessages;
                class A {}
                """,
                "B.java",
                """
                package io.github.sfactions.camunda;
                import static io.github.sfactions.client.JsNumbers.text;
                class B { Object o = io.github.sfactions.action.impl.FieldValues.class; }
                """,
                "C.java",
                """
                package io.github.sfactions.spring.intake;
                import io.github.sfactions.spring.SalesforceAutoConfiguration;
                /** See {@link io.github.sfactions.emulator.SalesforceEmulator}. */
                class C { String id = "io.github.sfactions.salesforce.lead"; }
                """));
    assertThat(code)
        .containsExactlyInAnyOrder("client --> action", "camunda --> client", "camunda --> action");

    Set<String> diagram =
        diagramEdges(
            """
            # Page
            ```mermaid
            graph TD
              camunda[camunda] --> client[client]
              spring --> camunda
            ```
            spring --> client is prose, not the diagram
            """);
    assertThat(diagram).containsExactlyInAnyOrder("camunda --> client", "spring --> camunda");

    assertThat(problems(code, diagram))
        .containsExactlyInAnyOrder(
            "the code has client --> action, the diagram does not show it",
            "the code has camunda --> action, the diagram does not show it",
            "the diagram shows spring --> camunda, the code has no such dependency",
            "client --> action points up: client is in layer 0, action in layer 1");
    assertThat(problems(Set.of("camunda --> client"), Set.of("camunda --> client"))).isEmpty();
    assertThat(problems(Set.of("client --> emulator"), Set.of("client --> emulator")))
        .containsExactly(
            "client --> emulator points up: client is in layer 0, emulator in layer 0");
    assertThat(problems(Set.of("client --> newarea"), Set.of("client --> newarea")))
        .containsExactly("newarea has no layer in ArchitectureDiagramTest.LAYERS");
  }

  /** The area-to-area dependencies of these sources (file name → text), as "from --> to". */
  static Set<String> codeEdges(Map<String, String> sources) {
    return edges(sources, REFERENCE, ArchitectureDiagramTest::area);
  }

  /**
   * The package-to-package dependencies of these sources, as "from --> to", a package's {@code
   * .impl} (and what is below it) counted as the package.
   */
  static Set<String> packageEdges(Map<String, String> sources) {
    return edges(sources, PACKAGE_REFERENCE, ArchitectureDiagramTest::owner);
  }

  /**
   * "from --> to" for each reference (group 1: the package, or its start, below {@code
   * io.github.sfactions}) from one unit to another, {@code unit} mapping a package name to its
   * unit.
   */
  private static Set<String> edges(
      Map<String, String> sources, Pattern references, UnaryOperator<String> unit) {
    Set<String> edges = new TreeSet<>();
    sources.forEach(
        (file, source) -> {
          String code = NOT_CODE.matcher(source).replaceAll(" ");
          Matcher pkg = PACKAGE.matcher(code);
          assertThat(pkg.find()).as("package declaration of " + file).isTrue();
          String own = unit.apply(pkg.group(1));
          Matcher reference = references.matcher(code.substring(pkg.end()));
          while (reference.find()) {
            String target = unit.apply(BASE + reference.group(1));
            if (!target.equals(own)) {
              edges.add(own + " --> " + target);
            }
          }
        });
    return edges;
  }

  /** "a <--> b" for each pair of packages with an edge each way. */
  static List<String> mutual(Set<String> edges) {
    List<String> pairs = new ArrayList<>();
    for (String edge : edges) {
      String[] ends = edge.split(" --> ");
      if (ends[0].compareTo(ends[1]) < 0 && edges.contains(ends[1] + " --> " + ends[0])) {
        pairs.add(ends[0] + " <--> " + ends[1]);
      }
    }
    return pairs;
  }

  /** The package below {@code io.github.sfactions}, cut before its first {@code impl} segment. */
  private static String owner(String pkg) {
    String rest = pkg.startsWith(BASE) ? pkg.substring(BASE.length()) : pkg;
    int impl = ("." + rest + ".").indexOf(".impl.");
    return impl < 0 ? rest : rest.substring(0, Math.max(impl - 1, 0));
  }

  /** The arrows of the first Mermaid block of a Markdown page, as "from --> to". */
  static Set<String> diagramEdges(String markdown) {
    Matcher block = MERMAID.matcher(markdown);
    assertThat(block.find()).as("a ```mermaid block").isTrue();
    Set<String> edges = new TreeSet<>();
    for (String line : block.group(1).split("\\R")) {
      Matcher arrow = ARROW.matcher(line);
      if (arrow.matches()) {
        edges.add(arrow.group(1) + " --> " + arrow.group(2));
      }
    }
    return edges;
  }

  /** One sentence per disagreement between code and diagram and per arrow that points up. */
  static List<String> problems(Set<String> code, Set<String> diagram) {
    List<String> problems = new ArrayList<>();
    for (String edge : code) {
      if (!diagram.contains(edge)) {
        problems.add("the code has " + edge + ", the diagram does not show it");
      }
    }
    for (String edge : diagram) {
      if (!code.contains(edge)) {
        problems.add("the diagram shows " + edge + ", the code has no such dependency");
      }
    }
    Set<String> both = new TreeSet<>(code);
    both.addAll(diagram);
    for (String edge : both) {
      String[] ends = edge.split(" --> ");
      Integer from = LAYERS.get(ends[0]);
      Integer to = LAYERS.get(ends[1]);
      if (from == null || to == null) {
        problems.add(
            (from == null ? ends[0] : ends[1]) + " has no layer in ArchitectureDiagramTest.LAYERS");
      } else if (from <= to) {
        problems.add(
            edge
                + " points up: "
                + ends[0]
                + " is in layer "
                + from
                + ", "
                + ends[1]
                + " in layer "
                + to);
      }
    }
    return problems;
  }

  private static String area(String pkg) {
    String rest = pkg.startsWith(BASE) ? pkg.substring(BASE.length()) : pkg;
    int dot = rest.indexOf('.');
    return dot < 0 ? rest : rest.substring(0, dot);
  }
}
