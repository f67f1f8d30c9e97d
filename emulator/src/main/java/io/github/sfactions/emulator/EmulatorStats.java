package io.github.sfactions.emulator;

import java.util.Map;

/**
 * API-call counters as Salesforce counts them (the versions list and token requests are not API
 * calls; token requests are counted separately).
 *
 * @param totalApiCalls API calls since start or reset (what {@code Sforce-Limit-Info} reports as
 *     used)
 * @param dailyApiLimit the configured daily allocation
 * @param byEndpoint e.g. {@code sobjects}, {@code query}, {@code composite/sobjects}, {@code
 *     jobs/ingest}
 * @param byObject sObject name to calls
 * @param byOperation e.g. {@code create}, {@code update}, {@code upsert}, {@code query}
 * @param tokenRequests requests to {@code /services/oauth2/token}
 * @param rejectedByLimit calls refused with REQUEST_LIMIT_EXCEEDED because the daily limit was
 *     reached
 */
public record EmulatorStats(
    long totalApiCalls,
    long dailyApiLimit,
    Map<String, Long> byEndpoint,
    Map<String, Long> byObject,
    Map<String, Long> byOperation,
    long tokenRequests,
    long rejectedByLimit) {}
