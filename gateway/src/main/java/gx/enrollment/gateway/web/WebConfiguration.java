package gx.enrollment.gateway.web;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import tools.jackson.core.StreamReadFeature;

/** The API's size limit and JSON strictness. */
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

  @Bean
  RequestSizeLimitFilter requestSizeLimitFilter(ObjectProvider<UploadSizeLimit> uploads) {
    return new RequestSizeLimitFilter(properties.maxBodySize(), uploads.orderedStream().toList());
  }

  /** A key given twice is ambiguous: refuse it rather than silently keep the last value. */
  @Bean
  JsonMapperBuilderCustomizer strictDuplicateKeys() {
    return builder -> builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
  }
}
