package dev.mamori.ledger.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

import com.sun.net.httpserver.HttpServer;
import org.bouncycastle.tsp.TimeStampRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.mamori.ledger.verify.TimestampCheck;

/**
 * An external TSA is asked by HTTP POST (application/timestamp-query); its answer is accepted only when it
 * carries the request's imprint and nonce. The "external" TSA here is a built-in one behind a real HTTP server.
 */
class ExternalTsaTests {

    @TempDir Path dir;
    HttpServer server;
    BuiltInTsa remote;
    final AtomicReference<String> contentType = new AtomicReference<>();
    final AtomicReference<UnaryOperator<TimeStampRequest>> tamper = new AtomicReference<>(UnaryOperator.identity());

    @BeforeEach
    void startServer() throws Exception {
        remote = new BuiltInTsa(dir.resolve("remote-tsa"), Clock.systemUTC());
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/tsa", exchange -> {
            contentType.set(exchange.getRequestHeaders().getFirst("Content-Type"));
            TimeStampRequest request = new TimeStampRequest(exchange.getRequestBody().readAllBytes());
            byte[] reply = remote.respond(tamper.get().apply(request));
            exchange.getResponseHeaders().add("Content-Type", "application/timestamp-reply");
            exchange.sendResponseHeaders(200, reply.length);
            exchange.getResponseBody().write(reply);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/tsa");
    }

    @Test
    void stampsByPostingATimestampQueryAndChecksTheReply() {
        ExternalTsa tsa = new ExternalTsa(url(), remote.trustAnchors());
        byte[] data = "mamori/ledger\n3\nAAAA\n".getBytes(StandardCharsets.UTF_8);
        byte[] reply = tsa.stamp(data);
        assertThat(contentType.get()).isEqualTo("application/timestamp-query");
        assertThat(tsa.builtIn()).isFalse();
        TimestampCheck.Result result = TimestampCheck.check(reply, data, tsa.trustAnchors());
        assertThat(result.holds()).as(result.problemEn()).isTrue();
    }

    @Test
    void refusesAReplyWithAnotherNonce() {
        tamper.set(r -> new org.bouncycastle.tsp.TimeStampRequestGenerator().generate(r.getMessageImprintAlgOID(),
                r.getMessageImprintDigest(), r.getNonce().add(java.math.BigInteger.ONE)));
        ExternalTsa tsa = new ExternalTsa(url(), remote.trustAnchors());
        assertThatThrownBy(() -> tsa.stamp("data".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("does not answer the request");
    }

    @Test
    void refusesAReplyForOtherData() {
        tamper.set(r -> TimestampRequests.request("other".getBytes(StandardCharsets.UTF_8)));
        ExternalTsa tsa = new ExternalTsa(url(), remote.trustAnchors());
        assertThatThrownBy(() -> tsa.stamp("data".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("does not answer the request");
    }

    @Test
    void refusesATsaThatIsOutOfReach() {
        server.stop(0);
        ExternalTsa tsa = new ExternalTsa(url(), remote.trustAnchors());
        assertThatThrownBy(() -> tsa.stamp(new byte[] {1})).hasMessageContaining("out of reach");
    }
}
