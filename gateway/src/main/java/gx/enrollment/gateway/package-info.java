/** The Spring Boot application; features live in the sub-packages. */
@NullMarked
package gx.enrollment.gateway;

import org.jspecify.annotations.NullMarked;
