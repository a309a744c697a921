package dev.mamori.access.web;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;

import dev.mamori.access.Access;
import dev.mamori.platform.ApiProblems;
import dev.mamori.platform.BearerTokens;
import dev.mamori.platform.MamoriException;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBufInputStream;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpContentException;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;

/**
 * A listener of its own for the authorization endpoint, for integrations that ask thousands of times a second
 * (a file server's or a DLP tool's agent): {@code POST /api/v1/access/check} and {@code /batch}, the same questions,
 * answers, problem+json errors and rules of who may ask as on the application's port ({@link CheckEndpoint} does
 * the work for both), served by an HTTP/1.1 server on an event loop. A check answered from memory (a bearer token
 * verified a moment ago, subjects and entries by id) is answered on the thread that read the request, with no
 * hand-over to a worker thread and back; one that needs the database (a token not verified lately, a subject by
 * 社員番号, a vault document, an employee asking about themselves — their refusals are compared with the register)
 * goes to a small pool of workers. On Linux the loops use epoll through Netty's native
 * transport ({@code transport=auto}, the default; {@code nio} for the JDK's selector). Measured: BENCHMARKS.md
 * "Access checks".
 * <p>
 * Off unless {@code mamori.access.check-listener.enabled=true}; binds {@code address} (default the loopback
 * interface: an agent on the same host) and {@code port} (default 8091; 0 for any free port), with
 * {@code io-threads} event loops (default 16, more than the processors on purpose: connections are spread over the
 * loops, and a loop that the scheduler holds back delays only its own connections; measured on two cores with 16
 * connections, p99 was 3.8–4.6 ms with one loop, 2.3–2.7 ms with two, 1.3–2.5 ms with 16). Plain HTTP: from
 * another host, put it behind TLS (a local proxy or a private network). Only a bearer token is accepted (no
 * session, no form login), a body larger than {@code max-body} (default 1 MiB, enough for the largest batch) is
 * refused with 413, a connection idle for {@code idle-timeout} (default 60 s) is closed, and connections beyond
 * {@code max-connections} (default 1,024) are closed as soon as they are accepted.
 */
@Component
@ConditionalOnProperty(name = "mamori.access.check-listener.enabled", havingValue = "true")
class CheckListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CheckListener.class);

    /**
     * Pipelined requests that may wait behind one with a worker (and {@code max-body} bytes of them at most). Mamori's
     * choice: far more than an agent pipelines, few enough that one connection cannot fill the memory.
     */
    static final int MAX_WAITING = 64;

    private final CheckEndpoint endpoint;
    private final BearerTokens tokens;
    private final ApiProblems problems;
    private final String address;
    private final int configuredPort;
    private final int ioThreads;
    private final int maxBody;
    private final int idleSeconds;
    private final int workerThreads;
    private final int maxConnections;
    private final String transport;
    private final AtomicInteger open = new AtomicInteger();
    private volatile EventLoopGroup group;
    private volatile Channel channel;
    private volatile ThreadPoolExecutor workers;

    CheckListener(CheckEndpoint endpoint, BearerTokens tokens, ApiProblems problems,
                  @Value("${mamori.access.check-listener.address:127.0.0.1}") String address,
                  @Value("${mamori.access.check-listener.port:8091}") int port,
                  @Value("${mamori.access.check-listener.io-threads:16}") int ioThreads,
                  @Value("${mamori.access.check-listener.max-body:1048576}") int maxBody,
                  @Value("${mamori.access.check-listener.idle-timeout:60}") int idleSeconds,
                  @Value("${mamori.access.check-listener.workers:4}") int workerThreads,
                  @Value("${mamori.access.check-listener.max-connections:1024}") int maxConnections,
                  @Value("${mamori.access.check-listener.transport:auto}") String transport) {
        this.endpoint = endpoint;
        this.tokens = tokens;
        this.problems = problems;
        this.address = address;
        this.configuredPort = port;
        this.ioThreads = Math.max(1, ioThreads);
        this.maxBody = maxBody;
        this.idleSeconds = idleSeconds;
        this.workerThreads = Math.max(1, workerThreads);
        this.maxConnections = Math.max(1, maxConnections);
        this.transport = transport.strip().toLowerCase(Locale.ROOT);
        if (!List.of("auto", "epoll", "nio").contains(this.transport)) {
            throw new IllegalStateException("mamori.access.check-listener.transport must be auto, epoll or nio, not "
                    + transport);
        }
    }

    /** Whether the listener runs on Linux's epoll (else on the JDK's NIO selector). */
    boolean epoll() {
        return switch (transport) {
            case "nio" -> false;
            case "epoll" -> {
                if (!Epoll.isAvailable()) {
                    throw new IllegalStateException("mamori.access.check-listener.transport=epoll, but epoll is not "
                            + "available here", Epoll.unavailabilityCause());
                }
                yield true;
            }
            default -> Epoll.isAvailable();
        };
    }

    /** The port the listener is bound to (the configured one, or the one chosen for port 0); -1 when not running. */
    int port() {
        Channel c = channel;
        return c == null ? -1 : ((InetSocketAddress) c.localAddress()).getPort();
    }

    /** The address the listener binds. */
    String address() {
        return address;
    }

    /** Connections open now. */
    int openConnections() {
        return Math.max(0, open.get());
    }

    @Override
    public void start() {
        AtomicInteger n = new AtomicInteger();
        workers = new ThreadPoolExecutor(workerThreads, workerThreads, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(1024), r -> {
                    Thread t = new Thread(r, "check-listener-worker-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        boolean epoll = epoll();
        IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        Class<? extends ServerChannel> server = epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
        group = new MultiThreadIoEventLoopGroup(ioThreads,
                new io.netty.util.concurrent.DefaultThreadFactory("check-listener", true), io);
        try {
            channel = new ServerBootstrap().group(group)
                    .channel(server)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            if (open.incrementAndGet() > maxConnections) {
                                open.decrementAndGet();
                                ch.close();
                                return;
                            }
                            ch.closeFuture().addListener(f -> open.decrementAndGet());
                            Handler handler = new Handler();
                            ch.pipeline().addLast(new IdleStateHandler(0, 0, idleSeconds, TimeUnit.SECONDS),
                                    new HttpServerCodec(4096, 16384, 8192),
                                    new Aggregator(maxBody, handler),
                                    handler);
                        }
                    })
                    .bind(new InetSocketAddress(InetAddress.getByName(address), configuredPort)).sync().channel();
        } catch (IOException e) {
            throw new IllegalStateException("The check listener could not bind " + address + ":" + configuredPort, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while binding the check listener", e);
        }
        log.info("Access check listener on {}:{} ({})", address, port(), epoll ? "epoll" : "NIO");
        CpuIdleHint.forThisMachine().ifPresent(log::warn);
    }

    @Override
    public void stop() {
        Channel c = channel;
        channel = null;
        if (c != null) {
            c.close().syncUninterruptibly();
        }
        if (group != null) {
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
            group = null;
        }
        if (workers != null) {
            workers.shutdown();
            workers = null;
        }
    }

    @Override
    public boolean isRunning() {
        return channel != null;
    }

    /**
     * The request aggregator, kept in the answers' order: a body over {@code max-body} is not answered here, out of
     * turn, but passed on as an empty request marked too long, which the handler answers 413 in its turn (the
     * aggregator skips that body, so the connection goes on); and {@code 100 Continue} goes out only when no earlier request still waits for its
     * answer (it would overtake that answer) — otherwise the client sends its body after its own short wait.
     * Expectations other than {@code 100-continue} are ignored (RFC 9110 allows it).
     */
    private static final class Aggregator extends HttpObjectAggregator {

        private final Handler handler;

        Aggregator(int maxBody, Handler handler) {
            super(maxBody);
            this.handler = handler;
        }

        @Override
        protected Object newContinueResponse(HttpMessage start, int maxContentLength, ChannelPipeline pipeline) {
            if (HttpUtil.is100ContinueExpected(start) && !handler.busy()
                    && HttpUtil.getContentLength(start, -1L) <= maxContentLength) {
                return super.newContinueResponse(start, maxContentLength, pipeline);
            }
            return null;
        }

        @Override
        protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) throws Exception {
            if (!(oversized instanceof HttpRequest request)) {
                super.handleOversizedMessage(ctx, oversized);
                return;
            }
            DefaultFullHttpRequest tooLong = new DefaultFullHttpRequest(request.protocolVersion(), request.method(),
                    request.uri(), Unpooled.EMPTY_BUFFER);
            tooLong.headers().set(request.headers());
            tooLong.setDecoderResult(DecoderResult.failure(new TooLongHttpContentException("over max-body")));
            ctx.fireChannelRead(tooLong);
        }
    }

    /**
     * One per connection. Answers go out in the order of their requests (HTTP/1.1 pipelining): while a request is
     * with a worker, the requests after it wait here, in order ({@link #MAX_WAITING} of them and {@code max-body}
     * bytes at most: one more, and that one is answered 503 in its turn and the connection closed). Once an answer
     * with {@code Connection: close} has gone out, nothing more is read or answered (RFC 9112, 9.6).
     */
    private final class Handler extends SimpleChannelInboundHandler<FullHttpRequest> {

        private final java.util.ArrayDeque<FullHttpRequest> waiting = new java.util.ArrayDeque<>();
        private int waitingBytes;
        private boolean withWorker;
        /** More requests came than may wait: the first one too many, answered 503 when its turn comes. */
        private FullHttpRequest overflow;
        /** An answer closing the connection has been sent. */
        private boolean closing;
        /** The secret last presented on this connection and its digest (an agent sends the same token each time). */
        private String lastSecret;
        private BearerTokens.Digest lastDigest;

        /** Whether an earlier request still waits for its answer. */
        boolean busy() {
            return withWorker || !waiting.isEmpty();
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            if (closing || overflow != null) {
                return; // released by SimpleChannelInboundHandler: nothing after a closing answer is answered
            }
            if (withWorker) {
                int bytes = request.content().readableBytes();
                if (waiting.size() >= MAX_WAITING || waitingBytes + bytes > maxBody) {
                    overflow = request.replace(Unpooled.EMPTY_BUFFER);
                    return;
                }
                waiting.add(request.retain());
                waitingBytes += bytes;
                return;
            }
            handle(ctx, request);
        }

        /** After a worker's answer is written: the requests that waited for it, until one goes to a worker again. */
        private void resume(ChannelHandlerContext ctx) {
            withWorker = false;
            while (!withWorker && !closing && !waiting.isEmpty()) {
                FullHttpRequest next = waiting.poll();
                waitingBytes -= next.content().readableBytes();
                try {
                    handle(ctx, next);
                } finally {
                    next.release();
                }
            }
            if (withWorker) {
                return;
            }
            if (closing) {
                discardWaiting();
                return;
            }
            if (overflow != null) {
                FullHttpRequest over = overflow;
                overflow = null;
                try {
                    send(ctx, endpoint.problem(503, problems.locale(over.headers().get(HttpHeaderNames.ACCEPT_LANGUAGE)),
                            path(over), "access.check.busy"), false);
                } finally {
                    over.release();
                }
                return;
            }
            ctx.channel().config().setAutoRead(true);
        }

        private void discardWaiting() {
            waiting.forEach(FullHttpRequest::release);
            waiting.clear();
            waitingBytes = 0;
            if (overflow != null) {
                overflow.release();
                overflow = null;
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) throws Exception {
            discardWaiting();
            super.channelInactive(ctx);
        }

        /** The request's path, without its query. */
        private static String path(FullHttpRequest request) {
            String uri = request.uri();
            int query = uri.indexOf('?');
            return query < 0 ? uri : uri.substring(0, query);
        }

        private void handle(ChannelHandlerContext ctx, FullHttpRequest request) {
            String path = path(request);
            Locale locale = problems.locale(request.headers().get(HttpHeaderNames.ACCEPT_LANGUAGE));
            boolean keepAlive = HttpUtil.isKeepAlive(request);
            if (!request.decoderResult().isSuccess()) {
                if (request.decoderResult().cause() instanceof TooLongHttpContentException) {
                    // the aggregator skips the body, so the connection can go on (as Netty's own 413 does)
                    send(ctx, endpoint.problem(413, locale, path, "access.check.tooLarge", maxBody), keepAlive);
                } else {
                    send(ctx, endpoint.problem(400, locale, path, "platform.error.unreadable"), false);
                }
                return;
            }
            boolean batch = CheckEndpoint.BATCH_PATH.equals(path);
            if (!batch && !CheckEndpoint.PATH.equals(path)) {
                send(ctx, endpoint.problem(404, locale, path, "platform.error.notFound"), keepAlive);
                return;
            }
            String secret = bearer(request.headers().get(HttpHeaderNames.AUTHORIZATION));
            if (secret == null) {
                send(ctx, unauthorized(locale, path), keepAlive);
                return;
            }
            CheckEndpoint.Answer refused = endpoint.refuseUnacceptable(request.method().name(),
                    request.headers().get(HttpHeaderNames.CONTENT_TYPE), locale, path);
            CheckEndpoint.Parsed parsed = null;
            if (refused == null) {
                try {
                    parsed = endpoint.parse(batch, new ByteBufInputStream(request.content()));
                } catch (JacksonException e) {
                    refused = endpoint.problem(400, locale, path, "platform.error.unreadable");
                } catch (MamoriException e) {
                    refused = endpoint.refusal(e, locale, path);
                } catch (IOException e) {
                    refused = endpoint.problem(400, locale, path, "platform.error.unreadable");
                }
            }
            CheckEndpoint.Parsed question = parsed;
            CheckEndpoint.Answer early = refused;
            if (!secret.equals(lastSecret)) {
                lastDigest = tokens.digest(secret);
                lastSecret = secret;
            }
            BearerTokens.Digest digest = lastDigest;
            Optional<Authentication> remembered = tokens.remembered(digest);
            if (remembered.isPresent() && (question == null || (!question.needsDatabase()
                    && Access.mayAskAboutAnyone(remembered.get().getAuthorities())))) {
                send(ctx, answer(() -> remembered, question, early, locale, path), keepAlive);
                return;
            }
            withWorker = true;
            ctx.channel().config().setAutoRead(false);
            try {
                workers.execute(() -> {
                    CheckEndpoint.Answer answer;
                    try {
                        answer = answer(() -> tokens.authenticate(digest), question, early, locale, path);
                    } catch (Throwable e) { // an Error: nothing sensible to answer, but the connection must not hang
                        log.error("Access check on the check listener failed", e);
                        ctx.channel().close();
                        return;
                    }
                    ctx.executor().execute(() -> {
                        send(ctx, answer, keepAlive);
                        resume(ctx);
                    });
                });
            } catch (RejectedExecutionException e) {
                withWorker = false;
                send(ctx, endpoint.problem(503, locale, path, "access.check.busy"), false);
            }
        }

        /**
         * Authenticates; 401 when refused, else the refusal found while reading the request, or the checks' answer
         * asked as the token's account (500 when anything fails on the way).
         */
        private CheckEndpoint.Answer answer(java.util.function.Supplier<Optional<Authentication>> authenticate,
                                            CheckEndpoint.Parsed question, CheckEndpoint.Answer refused, Locale locale,
                                            String path) {
            try {
                Optional<Authentication> authentication = authenticate.get();
                if (authentication.isEmpty()) {
                    return unauthorized(locale, path);
                }
                if (refused != null) {
                    return refused;
                }
                var context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(authentication.get());
                SecurityContextHolder.setContext(context);
                try {
                    return endpoint.answer(question, locale, path);
                } finally {
                    SecurityContextHolder.clearContext();
                }
            } catch (RuntimeException e) {
                log.error("Access check on the check listener failed", e);
                return endpoint.problem(500, locale, path, "access.check.failed");
            }
        }

        private CheckEndpoint.Answer unauthorized(Locale locale, String path) {
            return endpoint.problem(401, locale, path, "platform.error.unauthorized");
        }

        private void send(ChannelHandlerContext ctx, CheckEndpoint.Answer answer, boolean keepAlive) {
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                    HttpResponseStatus.valueOf(answer.status()), Unpooled.wrappedBuffer(answer.body()));
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, answer.contentType())
                    .setInt(HttpHeaderNames.CONTENT_LENGTH, answer.body().length);
            if (answer.allow() != null) {
                response.headers().set(HttpHeaderNames.ALLOW, answer.allow());
            }
            if (answer.status() == 401) {
                response.headers().set(HttpHeaderNames.WWW_AUTHENTICATE, "Bearer");
            }
            if (keepAlive) {
                response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
                ctx.writeAndFlush(response);
            } else {
                closing = true;
                response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
                ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
            }
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
            if (event instanceof IdleStateEvent) {
                ctx.close();
            } else {
                super.userEventTriggered(ctx, event);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            log.debug("Check listener connection closed after an error: {}", cause.toString());
            ctx.close();
        }
    }

    private static String bearer(String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String secret = header.substring(7).strip();
        return secret.isEmpty() ? null : secret;
    }
}
