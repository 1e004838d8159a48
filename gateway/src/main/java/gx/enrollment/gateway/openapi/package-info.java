/**
 * The OpenAPI description of the whole API ({@code /v3/api-docs}, Swagger UI at {@code
 * /swagger-ui.html}): springdoc reads the controllers' mappings and their annotations; {@link
 * gx.enrollment.gateway.openapi.OpenApiConfiguration} adds what all of them share — the RFC 9457
 * problem schema, the common error answers, and the examples of API.md.
 */
@NullMarked
package gx.enrollment.gateway.openapi;

import org.jspecify.annotations.NullMarked;
