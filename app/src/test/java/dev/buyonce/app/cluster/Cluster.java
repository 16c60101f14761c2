package dev.buyonce.app.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import dev.buyonce.app.support.Api;
import dev.buyonce.app.support.Tokens;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The repository's cluster harness ({@code cluster/run.sh}) driven from a test: N real BuyOnce JVMs of the
 * packaged jar on one fresh PostgreSQL database, HAProxy in front. Everything goes through the script, as it
 * would for a person: start, kill -9 a node, start it again, stop by pid and drop the database.
 */
final class Cluster implements AutoCloseable {
    static final String ADMIN = Tokens.admin("cluster-admin");
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private final int nodes;
    private final int port;
    private final String database;
    private final Path state;

    private Cluster(int nodes, int port, String database, Path state) {
        this.nodes = nodes;
        this.port = port;
        this.database = database;
        this.state = state;
    }

    /** Starts {@code nodes} nodes and the balancer; {@code appArguments} go to every node. */
    static Cluster start(int nodes, List<String> appArguments) {
        String database = "cluster_it_" + Long.toHexString(System.nanoTime());
        Path state = ROOT.resolve("app/target/cluster-it/" + database);
        int port = freePorts(nodes + 1);
        List<String> command = new ArrayList<>(List.of("bash", ROOT.resolve("cluster/run.sh").toString(), "start",
                "--nodes=" + nodes, "--port=" + port, "--db=" + database, "--fresh", "--"));
        command.addAll(appArguments);
        Cluster cluster = new Cluster(nodes, port, database, state);
        try {
            cluster.run(command, 420);
        } catch (AssertionError e) {
            cluster.close(); // whatever did start is stopped again
            throw e;
        }
        return cluster;
    }

    int nodes() {
        return nodes;
    }

    /** The balancer's address. */
    Api balancer() {
        return new Api(port);
    }

    int balancerPort() {
        return port;
    }

    /** Node {@code i} (1-based) directly, bypassing the balancer. */
    Api node(int i) {
        return new Api(port + i);
    }

    void kill(int i) {
        run(List.of("bash", ROOT.resolve("cluster/run.sh").toString(), "kill-node", String.valueOf(i)), 30);
    }

    void restart(int i) {
        run(List.of("bash", ROOT.resolve("cluster/run.sh").toString(), "start-node", String.valueOf(i)), 240);
    }

    Connection database() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + database, "postgres", "");
    }

    JsonNode reconciliation() {
        return balancer().get("/api/admin/reconciliation", ADMIN).json();
    }

    /** The node's log so far (for a failure message). */
    String log(int i) {
        try {
            List<String> lines = Files.readAllLines(state.resolve("node-" + i + ".log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** The lines of every node's log that are at level ERROR. */
    List<String> errors() {
        List<String> errors = new ArrayList<>();
        for (int i = 1; i <= nodes; i++) {
            try {
                for (String line : Files.readAllLines(state.resolve("node-" + i + ".log"))) {
                    if (line.contains(" ERROR ")) {
                        errors.add("node-" + i + ": " + line);
                    }
                }
            } catch (IOException e) {
                errors.add("node-" + i + ": no log");
            }
        }
        return errors;
    }

    @Override
    public void close() {
        run(List.of("bash", ROOT.resolve("cluster/run.sh").toString(), "stop", "--drop-db"), 120);
    }

    private void run(List<String> command, int seconds) {
        try {
            Files.createDirectories(state);
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(state.resolve("run.sh.log").toFile()));
            Map<String, String> env = builder.environment();
            env.put("CLUSTER_STATE", state.toString());
            env.put("BUYONCE_JAR", System.getProperty("buyonce.jar", ROOT.resolve("app/target/buyonce.jar").toString()));
            env.put("BUYONCE_JWT_SECRET", Tokens.SECRET);
            env.put("BUYONCE_SANDBOX_WEBHOOK_SECRET", "cluster-it-webhook-secret-0123456789");
            Process process = builder.start();
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish in " + seconds + " s; see " + state);
            }
            if (process.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + " failed (" + process.exitValue() + "): "
                        + Files.readString(state.resolve("run.sh.log")));
            }
        } catch (IOException e) {
            throw new AssertionError("could not run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** A base port with {@code count} free ports from it on. */
    private static int freePorts(int count) {
        for (int attempt = 0; attempt < 50; attempt++) {
            int base = ThreadLocalRandom.current().nextInt(20_000, 40_000);
            boolean free = true;
            for (int p = base; p < base + count && free; p++) {
                try (Socket ignored = new Socket("127.0.0.1", p)) {
                    free = false;
                } catch (IOException refused) {
                    // nobody listens there
                }
            }
            if (free) {
                return base;
            }
        }
        throw new AssertionError("no " + count + " free ports in a row");
    }
}
