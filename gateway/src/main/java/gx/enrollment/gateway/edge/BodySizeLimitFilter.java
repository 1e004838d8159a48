package gx.enrollment.gateway.edge;

import gx.enrollment.gateway.web.ProblemException;
import gx.enrollment.gateway.web.UploadSizeLimit;
import java.util.List;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * Refuses ({@code 413}) a request whose declared {@code Content-Length} is over {@code
 * enrollment.api.max-body-size} before a byte of it is read, and before the credentials are even
 * looked at. A body without a length (chunked) is held to the same limit by the JSON codec, which
 * stops reading there ({@code web.WebConfiguration}). Uploads declared by an {@link
 * UploadSizeLimit} bean have their own limit (their feature holds a chunked body to it while
 * reading).
 *
 * <p>Ours rather than the gateway's {@code RequestSize} factory, which answers an empty {@code 413}
 * instead of problem details.
 */
public class BodySizeLimitFilter implements GlobalFilter, Ordered {

  static final int ORDER = 100;

  private final DataSize limit;
  private final List<Upload> uploads;

  public BodySizeLimitFilter(DataSize limit) {
    this(limit, List.of());
  }

  /**
   * @param uploads the uploads with limits of their own (a feature taking files declares one)
   */
  public BodySizeLimitFilter(DataSize limit, List<UploadSizeLimit> uploads) {
    this.limit = limit;
    this.uploads =
        uploads.stream()
            .map(
                upload ->
                    new Upload(
                        upload, PathPatternParser.defaultInstance.parse(upload.pathPattern())))
            .toList();
  }

  private record Upload(UploadSizeLimit limit, PathPattern pattern) {}

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
    long length = exchange.getRequest().getHeaders().getContentLength();
    long allowed = limitFor(exchange.getRequest());
    if (length > allowed) {
      return Mono.error(ProblemException.payloadTooLarge(allowed));
    }
    return chain.filter(exchange);
  }

  private long limitFor(ServerHttpRequest request) {
    PathContainer path = request.getPath().pathWithinApplication();
    for (Upload upload : uploads) {
      if (upload.limit().method().equals(request.getMethod()) && upload.pattern().matches(path)) {
        return upload.limit().limit().toBytes();
      }
    }
    return limit.toBytes();
  }

  @Override
  public int getOrder() {
    return ORDER;
  }
}
