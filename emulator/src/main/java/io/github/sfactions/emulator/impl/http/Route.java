package io.github.sfactions.emulator.impl.http;

/** Something that answers a call. */
@FunctionalInterface
public interface Route {
    Reply handle(Call call);
}
