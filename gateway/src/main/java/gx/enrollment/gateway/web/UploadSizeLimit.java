package gx.enrollment.gateway.web;

import org.springframework.http.HttpMethod;
import org.springframework.util.unit.DataSize;

/**
 * A request body limit other than {@code enrollment.api.max-body-size} for one kind of upload,
 * which the edge's {@code BodySizeLimitFilter} applies to the declared {@code Content-Length}. A
 * feature that takes uploads declares one as a bean; it remains responsible for holding a body
 * without a length to its limit while reading it.
 *
 * @param method the method of the upload
 * @param pathPattern its path, a Spring {@code PathPattern} such as {@code /api/v1/x/{id}/files}
 * @param limit the largest body, multipart framing included
 */
public record UploadSizeLimit(HttpMethod method, String pathPattern, DataSize limit) {}
