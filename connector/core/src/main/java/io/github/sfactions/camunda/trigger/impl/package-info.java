/**
 * Implementation of the trigger language (lexer, parser, evaluation, script engine) and JSON forms.
 */
package io.github.sfactions.camunda.trigger.impl;
