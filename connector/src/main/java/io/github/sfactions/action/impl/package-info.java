/** Implementation of the action rules: field coercion, body building, required fields, error classification. */
package io.github.sfactions.action.impl;
