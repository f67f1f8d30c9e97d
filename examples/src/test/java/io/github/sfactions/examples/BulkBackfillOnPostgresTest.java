package io.github.sfactions.examples;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link BulkBackfillTest} with the {@code postgres} profile, on a PostgreSQL database of its own
 * (created on {@code 127.0.0.1:5432} as user {@code postgres}; dropped when the app has closed):
 * the bulk queue's tables, claims and outcomes in the app's production database.
 */
@ActiveProfiles("postgres")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class BulkBackfillOnPostgresTest extends BulkBackfillTest {

  private static final String SERVER =
      System.getProperty("sfactions.test.postgres", "jdbc:postgresql://127.0.0.1:5432/");
  private static final String USER = System.getProperty("sfactions.test.postgres.user", "postgres");
  private static final String DATABASE =
      "sfa_examples_" + UUID.randomUUID().toString().substring(0, 8);
  private static final String DROPPER = "sfactionsTestDatabaseDropper";

  @DynamicPropertySource
  static void freshDatabase(DynamicPropertyRegistry registry) {
    admin("CREATE DATABASE " + DATABASE);
    registry.add("spring.datasource.url", () -> SERVER + DATABASE);
    registry.add("spring.datasource.username", () -> USER);
    // the local test server trusts its users; the postgres profile still requires a password to be
    // set
    registry.add("spring.datasource.password", () -> "unused");
  }

  /** Drops the database once the data source has closed (the engine writes while it shuts down). */
  @TestConfiguration(proxyBeanMethods = false)
  static class DropTheDatabaseLast {

    @Bean(DROPPER)
    AutoCloseable databaseDropper() {
      return () -> admin("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
    }

    /**
     * Beans a bean depends on are destroyed after it: so the dropper runs after the data source
     * closed.
     */
    @Bean
    static BeanFactoryPostProcessor dataSourceDependsOnTheDropper() {
      return factory -> {
        BeanDefinition dataSource = factory.getBeanDefinition("dataSource");
        List<String> dependsOn =
            new ArrayList<>(
                dataSource.getDependsOn() == null
                    ? List.of()
                    : Arrays.asList(dataSource.getDependsOn()));
        dependsOn.add(DROPPER);
        dataSource.setDependsOn(dependsOn.toArray(String[]::new));
      };
    }
  }

  private static void admin(String sql) {
    try (Connection c = DriverManager.getConnection(SERVER + "postgres", USER, "unused");
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "This test needs PostgreSQL at "
              + SERVER
              + " (user "
              + USER
              + "): "
              + sql
              + " failed: "
              + e.getMessage(),
          e);
    }
  }
}
