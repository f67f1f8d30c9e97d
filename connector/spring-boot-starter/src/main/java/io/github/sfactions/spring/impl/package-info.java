/** Implementation support of the Spring Boot auto-configuration. */
package io.github.sfactions.spring.impl;
