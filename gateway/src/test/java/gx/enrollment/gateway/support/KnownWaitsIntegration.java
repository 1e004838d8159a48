package gx.enrollment.gateway.support;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * What BlockHound may let pass in tests: Jackson's type caches take a lock the first time a type is
 * (de)serialized, a one-time wait per type and JVM, not blocking I/O.
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
        // Netty's adaptive allocator briefly takes a StampedLock when buffers are freed under
        // contention; a lock held for a few instructions, not I/O (line/armeria#6344).
        .allowBlockingCallsInside("io.netty.buffer.AdaptivePoolingAllocator$Magazine", "free")
        .allowBlockingCallsInside("io.netty.buffer.AdaptivePoolingAllocator$MagazineGroup", "free");
  }
}
