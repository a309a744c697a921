package dev.mamori.ledger.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;

import org.bouncycastle.tsp.TimeStampRequest;

/**
 * An external RFC 3161 TSA reached over HTTP ({@code mamori.ledger.tsa-url}): POSTs an
 * {@code application/timestamp-query} and accepts the {@code application/timestamp-reply} only when it is
 * granted and carries the request's imprint and nonce. {@code mamori.ledger.tsa-ca-file} (PEM) names the CA
 * that verifiers should trust for it; it is copied into evidence bundles.
 */
final class ExternalTsa implements TimestampAuthority {

    private final URI url;
    private final List<X509Certificate> anchors;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    ExternalTsa(URI url, List<X509Certificate> anchors) {
        this.url = url;
        this.anchors = List.copyOf(anchors);
    }

    @Override
    public byte[] stamp(byte[] data) {
        TimeStampRequest request = TimestampRequests.request(data);
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(url)
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/timestamp-query")
                    .header("Accept", "application/timestamp-reply")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(request.getEncoded()))
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the TSA at " + url + " answered HTTP " + response.statusCode());
            }
            return TimestampRequests.checked(request, response.body());
        } catch (IOException e) {
            throw new IllegalStateException("the TSA at " + url + " is out of reach: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the TSA", e);
        }
    }

    @Override
    public boolean builtIn() {
        return false;
    }

    @Override
    public String url() {
        return url.toString();
    }

    @Override
    public List<X509Certificate> trustAnchors() {
        return anchors;
    }
}
