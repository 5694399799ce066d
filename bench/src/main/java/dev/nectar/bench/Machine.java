package dev.nectar.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What the machine is doing: load average, and the CPU time of processes (from /proc). */
final class Machine {
    /** Linux reports process times in clock ticks of 1/100 s on every architecture Java runs on here. */
    private static final double TICKS_PER_SECOND = 100.0;

    private Machine() {
    }

    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** User plus system CPU seconds a process has used so far. */
    static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    static int openFiles(long pid) {
        try (var s = Files.list(Path.of("/proc", String.valueOf(pid), "fd"))) {
            return (int) s.count();
        } catch (IOException e) {
            return -1;
        }
    }

    /** The soft limit of open files of a process (each connection is one). */
    static int openFileLimit(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc", String.valueOf(pid), "limits")).stream()
                    .filter(l -> l.startsWith("Max open files")).map(l -> l.substring("Max open files".length()).trim().split("\\s+")[0])
                    .map(v -> v.equals("unlimited") ? Integer.MAX_VALUE : Integer.parseInt(v)).findFirst().orElse(1024);
        } catch (IOException e) {
            return 1024;
        }
    }

    static String describe() {
        String cpu = "unknown CPU";
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/cpuinfo"));
            cpu = lines.stream().filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst().orElse(System.getProperty("os.arch"));
        } catch (IOException ignored) {
            // keep the default
        }
        long memGb = Math.round(((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getTotalMemorySize() / 1e9);
        return Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), " + memGb + " GB RAM, Java "
                + System.getProperty("java.version") + ", " + System.getProperty("os.name") + " " + System.getProperty("os.version");
    }

    /** Runs a command and returns its output (stdout and stderr). */
    static String run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        return out;
    }

    /** Heap in use after a full collection, via jcmd (the same measure for every JVM compared). */
    static long heapUsedAfterGc(long pid) throws IOException, InterruptedException {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        run(List.of(jcmd, String.valueOf(pid), "GC.run"));
        Thread.sleep(500);
        run(List.of(jcmd, String.valueOf(pid), "GC.run"));
        String info = run(List.of(jcmd, String.valueOf(pid), "GC.heap_info"));
        // G1: " garbage-first heap   total 262144K, used 23456K [..."
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("heap\\s+total\\s+\\d+K,\\s+used\\s+(\\d+)K").matcher(info);
        if (!m.find()) {
            throw new IllegalStateException("cannot read the heap of " + pid + ": " + info);
        }
        return Long.parseLong(m.group(1)) * 1024;
    }
}
