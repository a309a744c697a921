package dev.mamori.bench;

import java.util.ArrayDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseDecoder;

/**
 * The load generator's other engine ({@code -Dbench.access.client.engine=event-loop}): the same open-loop schedule,
 * the same requests and the same measures as {@link AccessHttpClient}'s threads, on one Netty epoll event loop
 * instead of a thread per connection. Request {@code i} is due at {@code start + i / rate}; at its due time (a timer
 * of the event loop: Linux's timerfd, to the microsecond) it is written on a free connection, or waits in a queue
 * until a connection's answer arrives; its latency counts from the due time (no coordinated omission), its exchange
 * from the moment it was written. One thread that sleeps in {@code epoll_wait} until the next due time or answer,
 * where the thread engine parks sixteen threads on timers and blocks each in a read: fewer threads to wake on a
 * two-core machine that the server shares. Epoll (Linux) only.
 */
final class AccessHttpEventLoopClient {

    private AccessHttpEventLoopClient() {
    }

    static AccessHttpClient.Result run(int port, byte[][] requests, int rate, int warmup, int seconds, int connections)
            throws Exception {
        if (!Epoll.isAvailable()) {
            throw new IllegalStateException("the event-loop engine needs Linux's epoll: " + Epoll.unavailabilityCause());
        }
        int skipped = rate * warmup;
        int measured = rate * seconds;
        int total = skipped + measured;
        long interval = 1_000_000_000L / rate;
        long[] latencies = new long[measured];
        long[] exchanges = new long[measured];
        AtomicLong permitted = new AtomicLong();
        int[] failures = new int[1];
        long[] reconnections = new long[1];
        CountDownLatch done = new CountDownLatch(1);
        MultiThreadIoEventLoopGroup group = new MultiThreadIoEventLoopGroup(1, EpollIoHandler.newFactory());
        try {
            EventLoop loop = group.next();
            State state = new State(requests, total, skipped, interval, latencies, exchanges, permitted, failures,
                    reconnections, done, loop);
            Bootstrap bootstrap = new Bootstrap().group(group).channel(EpollSocketChannel.class)
                    .option(ChannelOption.TCP_NODELAY, true)
                    .handler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            // the requests are encoded beforehand and written as they are: a response decoder only
                            ch.pipeline().addLast(new HttpResponseDecoder(), new HttpObjectAggregator(1 << 20),
                                    new Answers(state));
                        }
                    });
            state.bootstrap = bootstrap.remoteAddress("127.0.0.1", port);
            for (int c = 0; c < connections; c++) {
                state.free.add(bootstrap.connect().sync().channel());
            }
            long start = System.nanoTime() + 20_000_000L;
            long measuredFrom = start + skipped * interval;
            java.time.Instant measuredAt = java.time.Instant.now().plusNanos(measuredFrom - System.nanoTime());
            MachineWindows machine = MachineWindows.start(measuredFrom, seconds * 10);
            System.out.printf("[access-http] measuring %d s at %,d/s from %s (after the warm-up, without a pause)%n",
                    seconds, rate, measuredAt);
            System.out.printf("[access-http] load generator: one epoll event loop, %d connections%n", connections);
            state.start = start;
            loop.execute(state::tick);
            if (!done.await(warmup + seconds + 60L, TimeUnit.SECONDS)) {
                System.out.println("[access-http] no end after " + (warmup + seconds + 60) + " s: the server stopped answering");
                Runtime.getRuntime().halt(3);
            }
            long elapsed = System.nanoTime() - measuredFrom;
            return new AccessHttpClient.Result(latencies, exchanges, elapsed, failures[0], permitted.get(),
                    reconnections[0], measuredAt, machine);
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        }
    }

    /** Everything the event loop's thread works on (touched by that thread only, once started). */
    private static final class State {
        final byte[][] requests;
        final int total;
        final int skipped;
        final long interval;
        final long[] latencies;
        final long[] exchanges;
        final AtomicLong permitted;
        final int[] failures;
        final long[] reconnections;
        final CountDownLatch done;
        final EventLoop loop;
        final ArrayDeque<Channel> free = new ArrayDeque<>();
        /** Requests due and not yet written (every connection busy). */
        final ArrayDeque<Integer> waiting = new ArrayDeque<>();
        Bootstrap bootstrap;
        long start;
        int next;
        int answered;

        State(byte[][] requests, int total, int skipped, long interval, long[] latencies, long[] exchanges,
              AtomicLong permitted, int[] failures, long[] reconnections, CountDownLatch done, EventLoop loop) {
            this.requests = requests;
            this.total = total;
            this.skipped = skipped;
            this.interval = interval;
            this.latencies = latencies;
            this.exchanges = exchanges;
            this.permitted = permitted;
            this.failures = failures;
            this.reconnections = reconnections;
            this.done = done;
            this.loop = loop;
        }

        void reconnect() {
            bootstrap.connect().addListener((io.netty.channel.ChannelFutureListener) f -> {
                if (f.isSuccess()) {
                    free.add(f.channel());
                    sendWaiting();
                }
            });
        }

        /** Writes every request that is due by now, then sets the timer for the next one. */
        void tick() {
            long now = System.nanoTime();
            while (next < total && start + next * interval <= now) {
                waiting.add(next++);
            }
            sendWaiting();
            if (next < total) {
                loop.schedule(this::tick, start + next * interval - System.nanoTime(), TimeUnit.NANOSECONDS);
            }
        }

        void sendWaiting() {
            while (!waiting.isEmpty() && !free.isEmpty()) {
                Channel ch = free.poll();
                if (!ch.isActive()) {
                    // closed by the server while idle: replaced
                    reconnect();
                    continue;
                }
                int i = waiting.poll();
                ch.attr(Answers.REQUEST).set(new long[] {i, System.nanoTime()});
                ByteBuf body = Unpooled.wrappedBuffer(requests[i & (requests.length - 1)]);
                ch.writeAndFlush(body);
            }
        }

        void answered(Channel ch, int status, boolean permittedAnswer, boolean close) {
            long[] req = ch.attr(Answers.REQUEST).getAndSet(null);
            if (req == null) {
                return;
            }
            long now = System.nanoTime();
            int i = (int) req[0];
            if (i >= skipped) {
                latencies[i - skipped] = now - (start + i * interval);
                exchanges[i - skipped] = now - req[1];
                if (permittedAnswer) {
                    permitted.incrementAndGet();
                }
            }
            if (status != 200) {
                failures[0]++;
            }
            if (close) {
                ch.close();
                if (i >= skipped) {
                    reconnections[0]++;
                }
                reconnect();
            } else {
                free.add(ch);
            }
            if (++answered == total) {
                done.countDown();
                return;
            }
            sendWaiting();
        }
    }

    /** Reads each answer: its status, whether it permits, whether the connection ends with it. */
    private static final class Answers extends SimpleChannelInboundHandler<FullHttpResponse> {
        static final io.netty.util.AttributeKey<long[]> REQUEST = io.netty.util.AttributeKey.valueOf("request");
        private static final byte[] PERMITTED = "\"permitted\":true".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        private final State state;

        Answers(State state) {
            this.state = state;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse response) {
            ByteBuf content = response.content();
            boolean permitted = io.netty.buffer.ByteBufUtil.indexOf(Unpooled.wrappedBuffer(PERMITTED), content) >= 0;
            boolean close = response.headers().contains(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE, true);
            state.answered(ctx.channel(), response.status().code(), permitted, close);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            // closed by the server with a request in flight: that request failed
            if (ctx.channel().attr(REQUEST).get() != null) {
                state.answered(ctx.channel(), -1, false, true);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
