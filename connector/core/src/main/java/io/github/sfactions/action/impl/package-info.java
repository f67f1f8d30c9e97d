/** Implementation of the action rules: field coercion, body building, JavaScript truthiness. */
package io.github.sfactions.action.impl;
