package dev.buyonce.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The peak resident set of a process over a phase: the kernel's VmHWM after resetting it at the start
 * (writing 5 to clear_refs), or, where that is not allowed, the largest VmRSS seen sampling every 50 ms.
 */
final class RssProbe implements AutoCloseable {
    private final long pid;
    private final Thread sampler;
    private final boolean kernelPeakReset;
    private volatile long sampledPeakKb;

    RssProbe(long pid) {
        this.pid = pid;
        this.kernelPeakReset = pid > 0 && resetPeak(pid);
        this.sampler = new Thread(this::sample, "rss-probe");
        this.sampler.setDaemon(true);
        if (pid > 0) {
            sampler.start();
        }
    }

    /** Peak RSS in MiB over the phase, or -1 where the process is not known. */
    double peakMb() {
        if (pid <= 0) {
            return -1;
        }
        long peak = Math.max(sampledPeakKb, kernelPeakReset ? statusKb("VmHWM:") : 0);
        return ScenarioResult.round(peak / 1024.0, 1);
    }

    String method() {
        return kernelPeakReset ? "VmHWM (reset at phase start)" : "VmRSS sampled every 50 ms";
    }

    private void sample() {
        while (!Thread.currentThread().isInterrupted()) {
            sampledPeakKb = Math.max(sampledPeakKb, statusKb("VmRSS:"));
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private long statusKb(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.substring(field.length()).replace("kB", "").trim());
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }

    private static boolean resetPeak(long pid) {
        try {
            Files.writeString(Path.of("/proc", Long.toString(pid), "clear_refs"), "5");
            return true;
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    @Override
    public void close() {
        sampler.interrupt();
    }
}
