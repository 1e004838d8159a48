package gx.enrollment.gateway.web;

import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * Refuses a request whose declared {@code Content-Length} is over the limit before reading a byte
 * of it. A body without a length (chunked) is held to the same limit by the JSON codec, which stops
 * reading at the limit ({@link WebConfiguration}). Uploads declared by an {@link UploadSizeLimit}
 * have their own limit.
 */
public class RequestSizeLimitFilter implements WebFilter, Ordered {

  private final DataSize limit;
  private final List<Upload> uploads;

  public RequestSizeLimitFilter(DataSize limit) {
    this(limit, List.of());
  }

  public RequestSizeLimitFilter(DataSize limit, List<UploadSizeLimit> uploads) {
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
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    long length = exchange.getRequest().getHeaders().getContentLength();
    long allowed = limitFor(exchange.getRequest());
    if (length > allowed) {
      return Mono.error(ProblemException.payloadTooLarge(allowed));
    }
    return chain.filter(exchange);
  }

  private long limitFor(ServerHttpRequest request) {
    if (!uploads.isEmpty()) {
      PathContainer path = request.getPath().pathWithinApplication();
      for (Upload upload : uploads) {
        if (upload.limit().method().equals(request.getMethod()) && upload.pattern().matches(path)) {
          return upload.limit().limit().toBytes();
        }
      }
    }
    return limit.toBytes();
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE + 10;
  }
}
