package io.github.sfactions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A package's {@code .impl} is its own: only the package itself and its direct parent (which wires
 * it) may use it. Everything another package needs is public API in a package root. Checked on the
 * main sources of every module but the emulator (the three connector modules, bpmn and examples),
 * for imports, static imports and fully qualified names alike.
 */
class ImplPackagesTest {

  private static final Pattern PACKAGE =
      Pattern.compile("^package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
  private static final Pattern IMPL_REFERENCE =
      Pattern.compile("\\b(io\\.github\\.sfactions(?:\\.\\w+)*?)\\.impl\\.");

  @Test
  void noClassUsesAnotherPackagesImpl() throws IOException {
    Map<Path, String> sources = ProjectSources.main(ProjectSources.PRODUCT);
    List<String> violations = new ArrayList<>();
    for (Map.Entry<Path, String> source : sources.entrySet()) {
      violations.addAll(violations(source.getKey().toString(), source.getValue()));
    }
    assertThat(sources).as("Java files scanned").hasSizeGreaterThan(100);
    assertThat(violations).as("references to another package's .impl").isEmpty();
  }

  @Test
  void theCheckFindsCrossPackageImplReferencesAndAllowsTheOwnerAndItsImpl() {
    assertThat(
            violations(
                "A.java",
                """
        package io.github.sfactions.spring.impl;
        import io.github.sfactions.camunda.impl.PemPrivateKeys;
        import static io.github.sfactions.client.impl.InstanceUrlRules.isSandboxLoginUrl;
        class A { Object o = io.github.sfactions.action.impl.RecordBody.class; }
        """))
        .hasSize(3)
        .allSatisfy(v -> assertThat(v).startsWith("A.java: io.github.sfactions.spring.impl uses"));
    assertThat(
            violations(
                "B.java",
                """
        package io.github.sfactions.bpmn.sync;
        import io.github.sfactions.camunda.impl.InputValues;
        """))
        .containsExactly(
            "B.java: io.github.sfactions.bpmn.sync uses io.github.sfactions.camunda.impl");
    assertThat(
            violations(
                "C.java",
                """
        package io.github.sfactions.spring;
        import io.github.sfactions.spring.impl.ConnectionSettingsFactory;
        """))
        .isEmpty();
    assertThat(
            violations(
                "D.java",
                """
        package io.github.sfactions.client.impl;
        import io.github.sfactions.client.impl.InstanceUrlRules;
        """))
        .isEmpty();
  }

  /** One sentence per reference from this source to a {@code .impl} package it does not own. */
  static List<String> violations(String file, String source) {
    Matcher pkg = PACKAGE.matcher(source);
    String own = pkg.find() ? pkg.group(1) : "";
    List<String> found = new ArrayList<>();
    Matcher m = IMPL_REFERENCE.matcher(source);
    while (m.find()) {
      String owner = m.group(1);
      String impl = owner + ".impl";
      if (!own.equals(owner) && !own.equals(impl)) {
        found.add(file + ": " + own + " uses " + impl);
      }
    }
    return found;
  }
}
