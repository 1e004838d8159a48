/**
 * The files of {@code config/} put in force at run time: a watcher polls them, binds a changed file
 * the way start-up does (Spring's {@code Binder} over the file layered under the same overrides,
 * Jakarta validation), and either hands each changed section to its feature or refuses the edit,
 * naming the file and the key, and keeps the last good configuration. Features register what they
 * read as {@link gx.enrollment.gateway.config.ConfigSection} beans; {@code GET
 * /api/v1/ops/configuration} shows what is in force.
 */
@NullMarked
package gx.enrollment.gateway.config;

import org.jspecify.annotations.NullMarked;
