package dev.mamori.access.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The check listener's own limits, without an application around it: connections beyond {@code max-connections}
 * are closed as soon as they are accepted, while those within it stay open; an idle connection is closed after
 * {@code idle-timeout}; a stopped listener no longer accepts — on both transports (Linux's epoll, the JDK's NIO).
 */
class CheckListenerLimitsTests {

    @ParameterizedTest
    @ValueSource(strings = {"epoll", "nio"})
    void connectionsBeyondTheLimitAreClosedAndIdleOnesTimeOut(String transport) throws Exception {
        CheckListener listener = new CheckListener(null, null, null, "127.0.0.1", 0, 1, 1024, 3, 1, 2, transport);
        assertThat(listener.epoll()).isEqualTo("epoll".equals(transport));
        listener.start();
        try (Socket first = new Socket("127.0.0.1", listener.port());
             Socket second = new Socket("127.0.0.1", listener.port())) {
            Thread.sleep(200);
            try (Socket third = new Socket("127.0.0.1", listener.port())) {
                third.setSoTimeout(5_000);
                assertThat(third.getInputStream().read()).as("closed by the listener").isEqualTo(-1);
            }
            second.setSoTimeout(300);
            InputStream in = second.getInputStream();
            boolean open;
            try {
                in.read();
                open = false;
            } catch (SocketTimeoutException stillOpen) {
                open = true;
            }
            assertThat(open).as("within the limit, not closed").isTrue();
            // idle for longer than the timeout (3 s here): closed by the listener
            first.setSoTimeout(15_000);
            assertThat(first.getInputStream().read()).isEqualTo(-1);
        } finally {
            listener.stop();
        }
        assertThat(listener.isRunning()).isFalse();
        assertThat(listener.port()).isEqualTo(-1);
    }

    @Test
    void onLinuxTheDefaultTransportIsEpollAndAnUnknownOneIsRefused() {
        CheckListener auto = new CheckListener(null, null, null, "127.0.0.1", 0, 1, 1024, 3, 1, 2, " Auto ");
        assertThat(auto.epoll()).as("Linux x86-64: the native transport loads from the application's jar")
                .isEqualTo(System.getProperty("os.name").startsWith("Linux")
                        && System.getProperty("os.arch").equals("amd64"));
        assertThatThrownBy(() -> new CheckListener(null, null, null, "127.0.0.1", 0, 1, 1024, 3, 1, 2, "kqueue"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("auto, epoll or nio");
    }
}
