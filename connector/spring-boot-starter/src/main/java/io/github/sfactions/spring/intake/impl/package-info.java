/**
 * Implementation of the event intake: HTTP servlet, validation, trigger parser, expression
 * resolvers.
 */
package io.github.sfactions.spring.intake.impl;
