package io.github.sfactions.client.impl;

import java.io.IOException;
import okhttp3.Response;

/** Reads a successful (2xx) response; the response is closed by the caller. */
@FunctionalInterface
public interface ResponseReader<T> {
  T read(Response response) throws IOException;
}
