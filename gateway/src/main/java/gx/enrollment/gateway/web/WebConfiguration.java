package gx.enrollment.gateway.web;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import tools.jackson.core.StreamReadFeature;

/**
 * The JSON codec's size limit (the edge checks Content-Length first), JSON strictness, and a
 * workaround of a Reactor Netty keep-alive bug.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApiProperties.class)
public class WebConfiguration implements WebFluxConfigurer {

  private final ApiProperties properties;

  public WebConfiguration(ApiProperties properties) {
    this.properties = properties;
  }

  @Override
  public void configureHttpMessageCodecs(ServerCodecConfigurer configurer) {
    configurer.defaultCodecs().maxInMemorySize((int) properties.maxBodySize().toBytes());
  }

  /** Keeps kept-alive HTTP/1.1 connections read (see {@link ResumeReadAfterResponse}). */
  @Bean
  NettyServerCustomizer resumeReadAfterResponse() {
    return ResumeReadAfterResponse.customizer();
  }

  /** A key given twice is ambiguous: refuse it rather than silently keep the last value. */
  @Bean
  JsonMapperBuilderCustomizer strictDuplicateKeys() {
    return builder -> builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
  }
}
