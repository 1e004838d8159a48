package gx.enrollment.gateway.web;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.LastHttpContent;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import reactor.netty.NettyPipeline;

/**
 * Works around a Reactor Netty bug that left a kept-alive HTTP/1.1 connection unread: the next
 * request on it was never answered, and the client waited until its own timeout.
 *
 * <p>The bug is <a
 * href="https://github.com/reactor/reactor-netty/issues/4361">reactor-netty#4361</a>, fixed by <a
 * href="https://github.com/reactor/reactor-netty/pull/4347">#4347</a> in a release after 1.3.7;
 * 1.3.7 is the newest this build can resolve, and it still has the bug. It is triggered when a
 * request arrives before the previous response's operations have ended, for example:
 *
 * <ul>
 *   <li>a response completed from a database or Kafka thread, with the client quick to send the
 *       next request; or
 *   <li>a pipelined request.
 * </ul>
 *
 * <p>Reactor Netty then buffers the new request, answers it from its queue, and drains the
 * request's trailing content without asking the channel to read again. The server reads on demand,
 * so nothing is read after that.
 *
 * <p>This handler asks the channel for one more read each time a whole response has been written.
 * Reading is on demand, so that read is the one the drained queue failed to ask for. In every other
 * case Reactor Netty has asked already, and an extra read request does nothing. {@code
 * edge/KeepAliveTests} reproduces the stall: it fails without this handler.
 *
 * <p>Remove this class with the upgrade to a Reactor Netty that contains #4347.
 */
final class ResumeReadAfterResponse extends ChannelOutboundHandlerAdapter {

  /** The handler's name in each HTTP/1.1 connection's pipeline. */
  static final String NAME = "enrollment.resumeReadAfterResponse";

  /** Installs the handler after Reactor Netty's HTTP/1.1 traffic handler of every connection. */
  static NettyServerCustomizer customizer() {
    return server ->
        server.doOnChannelInit(
            (observer, channel, remoteAddress) -> {
              ChannelPipeline pipeline = channel.pipeline();
              // HTTP/2 connections have no such handler, and their streams are not affected.
              if (pipeline.get(NettyPipeline.HttpTrafficHandler) != null) {
                pipeline.addAfter(
                    NettyPipeline.HttpTrafficHandler, NAME, new ResumeReadAfterResponse());
              }
            });
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    if (msg instanceof LastHttpContent) {
      Channel channel = ctx.channel();
      ChannelPromise written = promise.unvoid();
      // After whatever Reactor Netty scheduled when the response ended (draining its queue).
      written.addListener(done -> channel.eventLoop().execute(channel::read));
      ctx.write(msg, written);
      return;
    }
    ctx.write(msg, promise);
  }
}
