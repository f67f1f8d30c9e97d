/**
 * Implementation of the SOQL subset: lexer, recursive-descent parser, schema resolution and
 * compilation of conditions into record predicates. Not part of the API; use {@link
 * io.github.sfactions.emulator.soql.SoqlQuery}.
 */
package io.github.sfactions.emulator.soql.impl;
