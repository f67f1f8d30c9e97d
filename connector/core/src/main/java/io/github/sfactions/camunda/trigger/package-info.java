/**
 * Segment events in the engine, without Spring: the trigger language and reading JSON event
 * variables in expressions.
 *
 * <ul>
 *   <li>{@link io.github.sfactions.camunda.trigger.TriggerExpression}: a trigger ({@code type =
 *       "track" and event = "Order Completed"}), parsed once, evaluated against an event.
 *   <li>{@link io.github.sfactions.camunda.trigger.TriggerScriptEngineFactory}: the trigger
 *       language as the JSR-223 script language {@code segment}, so a condition of a conditional
 *       start event can be a trigger (registered through {@code META-INF/services}).
 *   <li>{@link io.github.sfactions.camunda.trigger.TriggerPlugin} and {@link
 *       io.github.sfactions.camunda.trigger.TriggerValidation}: a trigger that does not parse fails
 *       the deployment instead of every event later.
 *   <li>{@link io.github.sfactions.camunda.trigger.JsonElResolver} ({@code ${event.traits.email}})
 *       and {@link io.github.sfactions.camunda.trigger.SegmentFunctions} ({@code
 *       ${segment.traitOrProperty(event, 'email')}}): reading the event in mappings.
 * </ul>
 *
 * <p>The Spring Boot starter wires all of them ({@code io.github.sfactions.spring.intake}); a
 * shared engine lists {@link io.github.sfactions.camunda.trigger.TriggerPlugin} in {@code
 * bpm-platform.xml}.
 */
package io.github.sfactions.camunda.trigger;
