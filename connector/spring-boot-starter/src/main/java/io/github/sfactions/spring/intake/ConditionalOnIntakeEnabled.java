package io.github.sfactions.spring.intake;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;

/**
 * Matches where the intake's endpoints can exist: {@code sfactions.intake.enabled=true} in a
 * servlet web application with the Camunda Spring Boot starter. The event endpoints and the
 * back-fill endpoints each add what else they need.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ConditionalOnClass(
    name = {
      "org.camunda.bpm.spring.boot.starter.CamundaBpmAutoConfiguration",
      "jakarta.servlet.http.HttpServlet"
    })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(
    prefix = SegmentIntakeProperties.PREFIX,
    name = "enabled",
    havingValue = "true")
public @interface ConditionalOnIntakeEnabled {}
