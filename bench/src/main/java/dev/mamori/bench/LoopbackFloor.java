package dev.mamori.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The machine's floor for {@link AccessHttpLoad}: the same client, rate and connections against a trivial
 * HTTP/1.1 server in another JVM (a thread per connection that reads each request and writes a fixed
 * 200 answer of the check's size, no framework). What this measures is what loopback, the two JVMs and the
 * scheduler of this machine cost by themselves; the endpoint's own figure cannot be better than this.
 * With {@code -Dfloor.jdk=true} the trivial server is the JDK's own HTTP server ({@code jdk.httpserver}) instead.
 * <p>
 * Arguments: rate per second, seconds measured, connections, seconds of warm-up.
 */
public final class LoopbackFloor {

    private static final byte[] ANSWER;

    static {
        String body = "{\"permitted\":false,\"outcome\":\"DENY\",\"approvalBy\":\"NONE\",\"obligations\":[],"
                + "\"levelCode\":\"TOP_SECRET\",\"assetId\":1,\"reason\":{\"key\":\"policy.decision.notAccessHolder\","
                + "\"ja\":\"アクセス権者ではありません。\",\"en\":\"Not an access holder.\"}}";
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        byte[] h = ("HTTP/1.1 200 \r\nContent-Type: application/json\r\nContent-Length: " + b.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        ANSWER = new byte[h.length + b.length];
        System.arraycopy(h, 0, ANSWER, 0, h.length);
        System.arraycopy(b, 0, ANSWER, h.length, b.length);
    }

    private LoopbackFloor() {
    }

    public static void main(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int connections = args.length > 2 ? Integer.parseInt(args[2]) : 16;
        int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 10;
        if (System.getProperty("floor.jdk") != null) {
            // the JDK's own HTTP server (jdk.httpserver), handler run on its dispatcher thread, TCP_NODELAY on
            System.setProperty("sun.net.httpserver.nodelay", "true");
            var http = com.sun.net.httpserver.HttpServer.create(
                    new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
            byte[] body = body();
            http.createContext("/", ex -> {
                ex.getRequestBody().readAllBytes();
                ex.getResponseHeaders().add("Content-Type", "application/json");
                ex.sendResponseHeaders(200, body.length);
                ex.getResponseBody().write(body);
                ex.close();
            });
            http.start();
            int exit = client(http.getAddress().getPort(), rate, seconds, connections, warmup);
            http.stop(0);
            System.exit(exit);
        }
        if (System.getProperty("floor.netty") != null) {
            byte[] body = body();
            var group = new io.netty.channel.MultiThreadIoEventLoopGroup(1, io.netty.channel.nio.NioIoHandler.newFactory());
            var channel = new io.netty.bootstrap.ServerBootstrap().group(group)
                    .channel(io.netty.channel.socket.nio.NioServerSocketChannel.class)
                    .childOption(io.netty.channel.ChannelOption.TCP_NODELAY, true)
                    .childHandler(new io.netty.channel.ChannelInitializer<io.netty.channel.socket.SocketChannel>() {
                        @Override
                        protected void initChannel(io.netty.channel.socket.SocketChannel ch) {
                            ch.pipeline().addLast(new io.netty.handler.codec.http.HttpServerCodec(),
                                    new io.netty.handler.codec.http.HttpObjectAggregator(65536),
                                    new io.netty.channel.SimpleChannelInboundHandler<io.netty.handler.codec.http.FullHttpRequest>() {
                                        @Override
                                        protected void channelRead0(io.netty.channel.ChannelHandlerContext ctx,
                                                                    io.netty.handler.codec.http.FullHttpRequest req) {
                                            var res = new io.netty.handler.codec.http.DefaultFullHttpResponse(
                                                    io.netty.handler.codec.http.HttpVersion.HTTP_1_1,
                                                    io.netty.handler.codec.http.HttpResponseStatus.OK,
                                                    io.netty.buffer.Unpooled.wrappedBuffer(body));
                                            res.headers().set("Content-Type", "application/json").setInt("Content-Length", body.length);
                                            ctx.writeAndFlush(res);
                                        }
                                    });
                        }
                    }).bind(InetAddress.getLoopbackAddress(), 0).sync().channel();
            int exit = client(((java.net.InetSocketAddress) channel.localAddress()).getPort(), rate, seconds, connections, warmup);
            group.shutdownGracefully();
            System.exit(exit);
        }
        ServerSocket server = new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (true) {
                try {
                    Socket s = server.accept();
                    s.setTcpNoDelay(true);
                    Thread t = new Thread(() -> serve(s), "floor-conn");
                    t.setDaemon(true);
                    t.start();
                } catch (IOException e) {
                    return;
                }
            }
        }, "floor-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        int exit = client(server.getLocalPort(), rate, seconds, connections, warmup);
        server.close();
        System.exit(exit);
    }

    /** The fixed answer's body, without the status line and headers. */
    private static byte[] body() {
        String answer = new String(ANSWER, StandardCharsets.UTF_8);
        return answer.substring(answer.indexOf("\r\n\r\n") + 4).getBytes(StandardCharsets.UTF_8);
    }

    /** Runs {@link AccessHttpClient} against the port in its own JVM; its exit code. */
    private static int client(int port, int rate, int seconds, int connections, int warmup) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        try (KeepAwake awake = KeepAwake.ifAsked()) {
            return new ProcessBuilder(java, "-Xms256m", "-Xmx256m", "-XX:+AlwaysPreTouch", "-XX:+UseSerialGC", "-classpath",
                    System.getProperty("java.class.path"), AccessHttpClient.class.getName(), String.valueOf(port), "floor",
                    "1000", "1000", String.valueOf(rate), String.valueOf(seconds), String.valueOf(warmup),
                    String.valueOf(connections))
                    .inheritIO().start().waitFor();
        }
    }

    /** Reads requests (headers, then Content-Length bytes of body) and answers each with the fixed answer. */
    private static void serve(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            byte[] buf = new byte[16384];
            int len = 0;
            while (true) {
                int end = headerEnd(buf, len);
                while (end < 0) {
                    int n = in.read(buf, len, buf.length - len);
                    if (n < 0) {
                        return;
                    }
                    len += n;
                    end = headerEnd(buf, len);
                }
                int contentLength = contentLength(new String(buf, 0, end, StandardCharsets.US_ASCII));
                int total = end + contentLength;
                while (len < total) {
                    int n = in.read(buf, len, buf.length - len);
                    if (n < 0) {
                        return;
                    }
                    len += n;
                }
                out.write(ANSWER);
                out.flush();
                System.arraycopy(buf, total, buf, 0, len - total);
                len -= total;
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private static int headerEnd(byte[] b, int len) {
        for (int i = 3; i < len; i++) {
            if (b[i] == '\n' && b[i - 1] == '\r' && b[i - 2] == '\n' && b[i - 3] == '\r') {
                return i + 1;
            }
        }
        return -1;
    }

    private static int contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.regionMatches(true, 0, "content-length:", 0, 15)) {
                return Integer.parseInt(line.substring(15).trim());
            }
        }
        return 0;
    }
}
