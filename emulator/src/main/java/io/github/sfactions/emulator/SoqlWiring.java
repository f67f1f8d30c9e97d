package io.github.sfactions.emulator;

import io.github.sfactions.emulator.impl.ApiException;
import io.github.sfactions.emulator.impl.ErrorCodes;
import io.github.sfactions.emulator.impl.QueryParser;

import java.util.List;

/** Connects the SOQL package to the query endpoint. */
final class SoqlWiring {
    private SoqlWiring() {
    }

    static QueryParser parser() {
        return soql -> {
            throw ApiException.badRequest(ErrorCodes.MALFORMED_QUERY, "SOQL support is not installed", List.of());
        };
    }
}
