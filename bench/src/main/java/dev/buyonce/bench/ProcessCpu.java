package dev.buyonce.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time a process used since this was created (user + system, from /proc/[pid]/stat). On a shared
 * machine, CPU per request is steadier than throughput: other load slows a service without making each of
 * its requests cost more CPU.
 */
final class ProcessCpu {
    private static final double MILLIS_PER_TICK = 10; // USER_HZ is 100 on Linux
    private final long pid;
    private final long startTicks;

    ProcessCpu(long pid) {
        this.pid = pid;
        this.startTicks = ticks();
    }

    /** CPU milliseconds used since creation, or -1 where the process is unknown. */
    double usedMillis() {
        return pid <= 0 ? -1 : (ticks() - startTicks) * MILLIS_PER_TICK;
    }

    private long ticks() {
        if (pid <= 0) {
            return 0;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // fields after the command name, which is in parentheses and may contain spaces
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
