package io.github.sfactions.examples;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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

  private static final TestPostgres DATABASE = TestPostgres.create("examples");
  private static final String DROPPER = "sfactionsTestDatabaseDropper";

  @DynamicPropertySource
  static void freshDatabase(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", DATABASE::url);
    registry.add("spring.datasource.username", () -> TestPostgres.USER);
    registry.add("spring.datasource.password", () -> TestPostgres.PASSWORD);
  }

  /** Drops the database once the data source has closed (the engine writes while it shuts down). */
  @TestConfiguration(proxyBeanMethods = false)
  static class DropTheDatabaseLast {

    @Bean(DROPPER)
    AutoCloseable databaseDropper() {
      return DATABASE::drop;
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
}
