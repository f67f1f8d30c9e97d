package io.github.sfactions.examples;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.stereotype.Component;

/**
 * Refuses to start the engine with an admin user but no password: outside the {@code demo} profile there is no
 * built-in password, and Camunda would otherwise create the admin with its user id as password.
 */
@Component
public class AdminAccountCheck implements ProcessEnginePlugin {

  private final CamundaBpmProperties camunda;

  /** A check of the starter's admin-user settings. */
  public AdminAccountCheck(CamundaBpmProperties camunda) {
    this.camunda = camunda;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    var admin = camunda.getAdminUser();
    if (admin != null && admin.getId() != null && !admin.getId().isBlank()
        && (admin.getPassword() == null || admin.getPassword().isBlank()
            || admin.getPassword().equals(admin.getId()))) {
      throw new IllegalStateException("The admin user '" + admin.getId() + "' has no password: set "
          + "CAMUNDA_ADMIN_PASSWORD (camunda.bpm.admin-user.password), or run the demo profile "
          + "(--spring.profiles.active=demo) whose password is 'demo'");
    }
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    // checked before init
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    // checked before init
  }
}
