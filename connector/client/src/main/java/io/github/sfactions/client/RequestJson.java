package io.github.sfactions.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.sfactions.client.impl.Json;

/**
 * The JSON mapping the client writes request bodies with (java.time as ISO text, maps in insertion
 * order) and reads answers with (decimals exact), for code that stores values and must send them
 * later exactly as the client would have sent them at once (a durable queue).
 */
public final class RequestJson {

  private RequestJson() {}

  /** A new mapper configured as the client's own (a copy: changing it changes nothing else). */
  public static ObjectMapper mapper() {
    return Json.MAPPER.copy();
  }
}
