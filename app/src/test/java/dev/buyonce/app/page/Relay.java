package dev.buyonce.app.page;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A TCP relay on the loopback between the browser and the service, which a test can cut: the browser loads the
 * page through it, so every request of the page crosses it. It can let the next {@code POST /api/orders} reach
 * the service and then lose or hold back its answer, which is what a connection lost mid-purchase looks like
 * from the browser.
 */
final class Relay implements AutoCloseable {
    private static final byte[] PLACE_ORDER = "POST /api/orders HTTP/".getBytes(StandardCharsets.ISO_8859_1);

    /** What happens to the answer of the next order placed, and to connections. */
    enum Mode {
        /** everything passes */
        OPEN,
        /** the next order reaches the service; its answer is dropped, and from then on every connection is cut */
        LOSE_NEXT_ORDER_ANSWER,
        /** the next order reaches the service; its answer is held until the browser gives up the connection */
        HOLD_NEXT_ORDER_ANSWER,
        /** every connection is closed as soon as it is accepted: offline */
        CUT
    }

    private final ServerSocket listener;
    private final int target;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "relay");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Mode mode = Mode.OPEN;
    private volatile CountDownLatch orderAnswered = new CountDownLatch(1);

    Relay(int target) {
        this.target = target;
        try {
            listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        threads.execute(this::accept);
    }

    int port() {
        return listener.getLocalPort();
    }

    /** The next order's answer is lost and the relay goes offline right after it. */
    void loseNextOrderAnswer() {
        orderAnswered = new CountDownLatch(1);
        mode = Mode.LOSE_NEXT_ORDER_ANSWER;
    }

    /** The next order's answer is held back for as long as the browser keeps its connection. */
    void holdNextOrderAnswer() {
        orderAnswered = new CountDownLatch(1);
        mode = Mode.HOLD_NEXT_ORDER_ANSWER;
    }

    /** Back online. */
    void restore() {
        mode = Mode.OPEN;
    }

    boolean offline() {
        return mode == Mode.CUT;
    }

    /** Waits until the service has answered the order whose answer is lost or held (so the order exists). */
    boolean awaitOrderAnswered(long seconds) throws InterruptedException {
        return orderAnswered.await(seconds, TimeUnit.SECONDS);
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket browser = listener.accept();
                if (mode == Mode.CUT) {
                    browser.close();
                    continue;
                }
                Socket service = new Socket(InetAddress.getLoopbackAddress(), target);
                open.add(browser);
                open.add(service);
                Connection connection = new Connection(browser, service);
                threads.execute(connection::requests);
                threads.execute(connection::answers);
            } catch (IOException e) {
                // the listener was closed, or the service refused one connection: the browser sees a failed request
            }
        }
    }

    /** One browser connection and its twin to the service. */
    private final class Connection {
        private final Socket browser;
        private final Socket service;
        private volatile Mode fate = Mode.OPEN;

        Connection(Socket browser, Socket service) {
            this.browser = browser;
            this.service = service;
        }

        void requests() {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = browser.getInputStream()) {
                OutputStream out = service.getOutputStream();
                for (int n; (n = in.read(buffer)) > 0; ) {
                    Mode now = mode;
                    if ((now == Mode.LOSE_NEXT_ORDER_ANSWER || now == Mode.HOLD_NEXT_ORDER_ANSWER) && startsWith(buffer, n)) {
                        fate = now;
                        if (now == Mode.HOLD_NEXT_ORDER_ANSWER) {
                            mode = Mode.OPEN;
                        }
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException gone) {
                // either side closed
            } finally {
                close();
            }
        }

        void answers() {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = service.getInputStream()) {
                OutputStream out = browser.getOutputStream();
                for (int n; (n = in.read(buffer)) > 0; ) {
                    if (fate == Mode.LOSE_NEXT_ORDER_ANSWER) {
                        mode = Mode.CUT;
                        orderAnswered.countDown();
                        cutAll();
                        return;
                    }
                    if (fate == Mode.HOLD_NEXT_ORDER_ANSWER) {
                        orderAnswered.countDown();
                        while (!browser.isClosed()) {
                            Thread.sleep(20);
                        }
                        return;
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException gone) {
                // either side closed
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                close();
            }
        }

        private void close() {
            quietly(browser);
            quietly(service);
            open.remove(browser);
            open.remove(service);
        }
    }

    private static boolean startsWith(byte[] buffer, int length) {
        if (length < PLACE_ORDER.length) {
            return false;
        }
        for (int i = 0; i < PLACE_ORDER.length; i++) {
            if (buffer[i] != PLACE_ORDER[i]) {
                return false;
            }
        }
        return true;
    }

    /** Every connection open now is closed: keep-alive connections and live streams die as in a network outage. */
    private void cutAll() {
        open.forEach(Relay::quietly);
        open.clear();
    }

    private static void quietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing is all we wanted
        }
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing is all we wanted
        }
        cutAll();
        threads.shutdownNow();
    }
}
