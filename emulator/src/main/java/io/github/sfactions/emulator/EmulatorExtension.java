package io.github.sfactions.emulator;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.function.Supplier;

/**
 * JUnit 5 extension: starts one emulator per test class and resets it before each test.
 * <pre>{@code @RegisterExtension static EmulatorExtension emulator = new EmulatorExtension();}</pre>
 */
public final class EmulatorExtension implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {
    private final Supplier<SalesforceEmulator.Builder> builder;
    private SalesforceEmulator emulator;

    /** The demo org on free ports. */
    public EmulatorExtension() {
        this(SalesforceEmulator::builder);
    }

    /** A customised org, e.g. {@code new EmulatorExtension(() -> SalesforceEmulator.builder().dailyApiLimit(10))}. */
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
        get().reset();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (emulator != null) {
            emulator.close();
            emulator = null;
        }
    }
}
