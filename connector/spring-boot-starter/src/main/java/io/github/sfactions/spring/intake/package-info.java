/**
 * The Segment-compatible event intake ({@code sfactions.intake.enabled=true}).
 *
 * <ul>
 *   <li>{@link io.github.sfactions.spring.intake.SegmentIntakeAutoConfiguration}: the HTTP
 *       endpoints ({@code POST /v1/identify}, {@code /track}, {@code /page}, {@code /screen},
 *       {@code /group}, {@code /alias}, {@code /batch}, {@code /replay}) with write-key
 *       authentication, validation and Segment's size limits.
 *   <li>{@link io.github.sfactions.spring.intake.SegmentEventIntake}: starts every process whose
 *       trigger matches an event, in one transaction, ignoring duplicate message ids.
 *   <li>{@link io.github.sfactions.camunda.trigger.TriggerExpression} and {@link
 *       io.github.sfactions.camunda.trigger.TriggerScriptEngineFactory}: the trigger language
 *       ({@code type = "track" and event = "Order Completed"}) as conditions of conditional start
 *       events ({@code language="segment"}).
 *   <li>{@link io.github.sfactions.camunda.trigger.SegmentFunctions} (bean {@code segment}) and
 *       {@link io.github.sfactions.spring.intake.SegmentIntakeEnginePlugin}: reading the event in
 *       mappings ({@code ${event.traits.email}}, {@code ${segment.traitOrProperty(event,
 *       'email')}}).
 *   <li>{@link io.github.sfactions.spring.intake.EventReplay}: back-fill from a JSON-lines file.
 * </ul>
 */
package io.github.sfactions.spring.intake;
