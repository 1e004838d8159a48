package gx.enrollment.gateway.support;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * What BlockHound may let pass in tests, because it is a short lock and not blocking I/O: Jackson's
 * type caches lock the first time a type is (de)serialized; Netty's adaptive allocator locks when
 * buffers are freed under contention (line/armeria#6344); uuid-creator's time-ordered factory
 * guards its last timestamp with a lock that a burst of requests may briefly wait for.
 *
 * <p>Two reads of local jar files, which are blocking I/O but served from the page cache and off
 * the portal-facing paths: springdoc builds the OpenAPI document once (pre-loaded at start with
 * {@code springdoc.pre-loading-enabled}; a request that comes first builds it on its event loop),
 * and the Swagger UI's static files are located in their webjar by Spring's resource chain.
 */
public class KnownWaitsIntegration implements BlockHoundIntegration {

  @Override
  public void applyTo(BlockHound.Builder builder) {
    builder
        .allowBlockingCallsInside(
            "tools.jackson.databind.deser.DeserializerCache", "_createAndCacheValueDeserializer")
        .allowBlockingCallsInside(
            "tools.jackson.databind.ser.SerializerCache", "addAndResolveNonTypedSerializer")
        .allowBlockingCallsInside(
            "tools.jackson.databind.ser.SerializerCache", "addAndResolveTypedSerializer")
        .allowBlockingCallsInside("io.netty.buffer.AdaptivePoolingAllocator$Magazine", "free")
        .allowBlockingCallsInside("io.netty.buffer.AdaptivePoolingAllocator$MagazineGroup", "free")
        .allowBlockingCallsInside(
            "com.github.f4b6a3.uuid.factory.standard.TimeOrderedEpochFactory$UuidFunction", "apply")
        .allowBlockingCallsInside("org.springdoc.core.service.OpenAPIService", "build")
        .allowBlockingCallsInside(
            "org.springframework.web.reactive.resource.LiteWebJarsResourceResolver",
            "findWebJarResourcePath");
  }
}
