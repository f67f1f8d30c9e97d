package io.github.sfactions.examples;

import io.github.sfactions.bpmn.bulk.PostgresTestDatabase;
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
 * ({@link PostgresTestDatabase} from sfactions-bpmn's test jar: created on {@code 127.0.0.1:5432}
 * as user {@code postgres}, dropped when the app has closed): the bulk queue's tables, claims and
 * outcomes in the app's production database.
 */
@ActiveProfiles("postgres")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class BulkBackfillOnPostgresTest extends BulkBackfillTest {

  private static final String DROPPER = "sfactionsTestDatabaseDropper";

  private static PostgresTestDatabase database;

  @DynamicPropertySource
  static void freshDatabase(DynamicPropertyRegistry registry) {
    database = PostgresTestDatabase.create("examples");
    registry.add("spring.datasource.url", database::url);
    registry.add("spring.datasource.username", () -> PostgresTestDatabase.USER);
    // the local test server trusts its users; the postgres profile still requires a password to be
    // set
    registry.add("spring.datasource.password", () -> "unused");
  }

  /** Drops the database once the data source has closed (the engine writes while it shuts down). */
  @TestConfiguration(proxyBeanMethods = false)
  static class DropTheDatabaseLast {

    @Bean(DROPPER)
    AutoCloseable databaseDropper() {
      return () -> database.close();
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
