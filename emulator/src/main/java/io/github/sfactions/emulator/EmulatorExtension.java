package io.github.sfactions.emulator;

import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension: as a static field it starts one emulator per test class and resets it before
 * each test; as an instance field it starts a fresh emulator for each test. Test methods may also
 * take a {@link SalesforceEmulator} parameter.
 *
 * <pre>{@code @RegisterExtension static EmulatorExtension emulator = new EmulatorExtension();}
 * </pre>
 */
public final class EmulatorExtension
    implements BeforeAllCallback,
        BeforeEachCallback,
        AfterEachCallback,
        AfterAllCallback,
        ParameterResolver {
  private final Supplier<SalesforceEmulator.Builder> builder;
  private SalesforceEmulator emulator;
  private boolean perTest;

  /** The demo org on free ports. */
  public EmulatorExtension() {
    this(SalesforceEmulator::builder);
  }

  /**
   * A customised org, e.g. {@code new EmulatorExtension(() ->
   * SalesforceEmulator.builder().dailyApiLimit(10))}.
   */
  public EmulatorExtension(Supplier<SalesforceEmulator.Builder> builder) {
    this.builder = builder;
  }

  /** The running emulator. */
  public SalesforceEmulator get() {
    if (emulator == null) {
      throw new IllegalStateException("The emulator runs only while the test class runs");
    }
    return emulator;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    if (emulator == null) {
      emulator = builder.get().start();
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (emulator == null) {
      emulator = builder.get().start();
      perTest = true;
    } else {
      emulator.reset();
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (perTest) {
      stop();
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    stop();
  }

  private void stop() {
    if (emulator != null) {
      emulator.close();
      emulator = null;
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == SalesforceEmulator.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return get();
  }
}
