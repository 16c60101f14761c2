package dev.buyonce.app.crash;

import dev.buyonce.app.support.Api;
import dev.buyonce.app.support.Eventually;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged {@code buyonce.jar}, started as its own JVM with {@code java -jar}, as a user starts it, on the
 * embedded default: no profile, no JWT secret, only {@code BUYONCE_DATA_DIR} and a free port. The process is
 * killed when closed, or when the test JVM exits first. Public for the other tests that run the jar (BuyersPageIT).
 */
public final class PackagedJar implements AutoCloseable {
    // ~20 s on two idle cores; start-ups of 60-85 s were seen while other builds shared them
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    private static final Pattern DEMO_TOKEN = Pattern.compile("Demo token \\(user \"demo\"[^\\n]*\\n\\s*(\\S+)");
    private static final HttpClient PROBE = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final Process process;
    private final Thread killOnExit;
    private final Path log;
    private final int port;

    private PackagedJar(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
        this.killOnExit = new Thread(process::destroyForcibly, "kill-" + log.getFileName());
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /**
     * Starts the jar on {@code dataDir} and returns once it is ready (its start-up listeners have all run). Its
     * output goes to {@code target/crash-test/<name>.log}.
     */
    public static PackagedJar start(Path dataDir, String name, String... arguments) {
        Path log = jar().toAbsolutePath().getParent().resolve("crash-test").resolve(name + ".log");
        int port = freePort();
        // C1 only: a short-lived child starts with less CPU on shared cores; durability owes nothing to the JIT
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-jar", jar().toString(), "--server.port=" + port));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        // the embedded default, whatever the environment running the tests sets
        builder.environment().keySet().removeIf(variable -> variable.startsWith("BUYONCE_") || variable.startsWith("SPRING_"));
        builder.environment().put("BUYONCE_DATA_DIR", dataDir.toString());
        PackagedJar jar;
        try {
            Files.createDirectories(log.getParent());
            jar = new PackagedJar(builder.start(), log, port);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + command, e);
        }
        try {
            Eventually.await("readiness of the jar (log: " + log + ")", START_TIMEOUT, jar::readiness,
                    status -> status == 200 || status == -2);
            if (!jar.process.isAlive()) {
                throw new AssertionError("the jar exited with " + jar.process.exitValue() + "; its log: " + log);
            }
        } catch (RuntimeException | Error e) {
            jar.close();
            throw e;
        }
        return jar;
    }

    /** {@code buyonce.jar}, built by {@code package}; failsafe names it, and a missing jar fails the test. */
    static Path jar() {
        Path jar = Path.of(System.getProperty("buyonce.jar", "target/buyonce.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new AssertionError("no packaged jar at " + jar.toAbsolutePath() + ": run mvn verify (package comes first)");
        }
        return jar;
    }

    /** The readiness probe's status; -1 while nothing answers, -2 once the process has died. */
    private int readiness() {
        if (!process.isAlive()) {
            return -2;
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(2)).build();
        try {
            return PROBE.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    public Api api() {
        return new Api(port);
    }

    /** The demo token the embedded default prints at start-up. */
    public String demoToken() {
        Matcher token = DEMO_TOKEN.matcher(log());
        if (!token.find()) {
            throw new AssertionError("no demo token in " + log);
        }
        return token.group(1);
    }

    /** SIGTERM, as a normal stop: waits for the process to exit and returns its exit code. */
    int stop() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                throw new AssertionError("the jar did not stop within 60 s of SIGTERM");
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** The child's log so far. */
    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The lines of the child's log that say ERROR. */
    public List<String> errorLines() {
        try {
            return Files.readAllLines(log).stream().filter(line -> line.contains(" ERROR ")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGKILL on Unix: no shutdown hook, no graceful shutdown, no database close in the child. */
    void killForcibly() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new AssertionError("the jar did not die within 30 s of SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            killForcibly();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException exiting) {
            // the JVM is already shutting down: the hook runs anyway
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
