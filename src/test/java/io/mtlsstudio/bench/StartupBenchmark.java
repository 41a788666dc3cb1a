package io.mtlsstudio.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures, side by side in one run, the time from process start to the first frame of mTLS
 * Studio's main window and of a minimal JavaFX window, and the resident memory of the app after
 * one connection. Every measurement is a new JVM started by this class and timed from just before
 * {@link ProcessBuilder#start()} to the first frame that {@link StartupProbe} reports.
 *
 * <p>Variants, interleaved round by round so that a change in machine load hits all of them:
 * <ul>
 *   <li>the minimal window ({@link StartupMinimalWindow}) on the packaged runtime;</li>
 *   <li>the app on the packaged runtime with the runtime's default CDS archive only (JDK classes);</li>
 *   <li>the app on the packaged runtime with the app's AppCDS archive, as the launcher runs it;</li>
 *   <li>the app from {@code target/mtls-studio.jar} on the JDK that runs this class, for reference.</li>
 * </ul>
 * The packaged variants use the runtime, class path and Java options of the app image's launcher
 * configuration, with {@code target/test-classes} appended to the class path for the probe.
 *
 * <p>Needs a display: run it under {@code xvfb-run}. Usage, after {@code mvn -Ppackage package}:
 * <pre>
 * xvfb-run -a -s "-screen 0 1600x1000x24" mvn -q test-compile exec:java \
 *     -Dexec.mainClass=io.mtlsstudio.bench.StartupBenchmark -Dexec.args="--rounds 10"
 * </pre>
 * Options: {@code --image DIR} (default {@code target/package/image/mtls-studio}),
 * {@code --rounds N} start-up rounds (default 10), {@code --memory-runs N} connected runs per
 * memory variant (default 3).
 */
public final class StartupBenchmark {

    private static final String APP_CLASS = "io.mtlsstudio.ui.MtlsStudioApp";
    private static final String MINIMAL_CLASS = StartupMinimalWindow.class.getName();
    private static final Duration CHILD_TIMEOUT = Duration.ofSeconds(120);
    private static final Pattern FIELD = Pattern.compile("([a-z-]+)=(\\S+)");
    private static final List<String> PHASES = List.of("toolkit-millis", "app-start-millis", "first-pulse-millis", "render-millis");

    private StartupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path image = Path.of("target/package/image/mtls-studio");
        int rounds = 10;
        int memoryRuns = 3;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--image" -> image = Path.of(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--memory-runs" -> memoryRuns = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("Unknown option " + args[i]
                        + "; use --image DIR, --rounds N or --memory-runs N.");
            }
        }
        if (System.getenv("DISPLAY") == null) {
            throw new IllegalStateException("DISPLAY is not set; run the benchmark under xvfb-run or on a desktop.");
        }

        LauncherConfig launcher = LauncherConfig.read(image.toAbsolutePath());
        Path testClasses = Path.of(StartupProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path jar = Path.of("target/mtls-studio.jar").toAbsolutePath();
        Map<String, List<String>> variants = variants(launcher, testClasses, jar);

        System.out.printf(Locale.ROOT, "Start-up: %d rounds, machine load average before the run: %s%n", rounds, loadAverage());
        Map<String, List<Double>> startMillis = new LinkedHashMap<>();
        Map<String, Map<String, List<Double>>> phaseMillis = new LinkedHashMap<>();
        Map<String, List<Long>> firstFrameRss = new LinkedHashMap<>();
        variants.keySet().forEach(name -> {
            startMillis.put(name, new ArrayList<>());
            phaseMillis.put(name, new LinkedHashMap<>());
            firstFrameRss.put(name, new ArrayList<>());
        });
        List<String> order = new ArrayList<>(variants.keySet());
        for (int round = 0; round < rounds; round++) {
            Collections.rotate(order, 1);
            for (String name : order) {
                Map<String, String> fields = run(variants.get(name), false);
                startMillis.get(name).add(Double.parseDouble(fields.get("startup-millis")));
                for (String phase : PHASES) {
                    phaseMillis.get(name).computeIfAbsent(phase, key -> new ArrayList<>()).add(Double.parseDouble(fields.get(phase)));
                }
                firstFrameRss.get(name).add(Long.parseLong(fields.get("vm-rss-kib")));
            }
        }
        printStartup(startMillis, firstFrameRss);
        printPhases(phaseMillis);

        System.out.printf(Locale.ROOT, "%nMemory after one connection (window's Connect against its embedded demo frontend), %d runs each:%n", memoryRuns);
        Map<String, List<String>> memoryVariants = new LinkedHashMap<>();
        memoryVariants.put(Variant.APP_APPCDS, variants.get(Variant.APP_APPCDS));
        memoryVariants.put(Variant.APP_DEFAULT_CDS, variants.get(Variant.APP_DEFAULT_CDS));
        memoryVariants.put(Variant.APP_APPCDS_JVM_DEFAULTS, command(launcher.javaExecutable().toString(),
                launcher.javaOptions().stream().filter(option -> !LauncherConfig.isMemoryOption(option)).toList(),
                appClassPath(launcher, testClasses), APP_CLASS));
        for (String name : memoryVariants.keySet()) {
            List<String> command = new ArrayList<>(memoryVariants.get(name));
            command.add(command.indexOf(StartupProbe.class.getName()), "-Dmtls.studio.autoConnect=true");
            command.add(StartupProbe.CONNECT_OPTION);
            List<Long> peak = new ArrayList<>();
            List<Long> resident = new ArrayList<>();
            List<Long> heap = new ArrayList<>();
            List<Long> anonymous = new ArrayList<>();
            List<Long> file = new ArrayList<>();
            for (int i = 0; i < memoryRuns; i++) {
                Map<String, String> fields = run(command, true);
                peak.add(Long.parseLong(fields.get("vm-hwm-kib")));
                resident.add(Long.parseLong(fields.get("vm-rss-kib")));
                heap.add(Long.parseLong(fields.get("heap-used-kib")));
                anonymous.add(Long.parseLong(fields.get("rss-anon-kib")));
                file.add(Long.parseLong(fields.get("rss-file-kib")));
            }
            System.out.printf(Locale.ROOT, "  %-38s VmHWM %4d MiB, VmRSS %4d MiB (RssAnon %4d, RssFile %4d), Java heap in use %3d MiB; VmHWM of each run: %s MiB%n",
                    name, medianLong(peak) / 1024, medianLong(resident) / 1024, medianLong(anonymous) / 1024,
                    medianLong(file) / 1024, medianLong(heap) / 1024, peak.stream().map(kib -> String.valueOf(kib / 1024)).toList());
        }
    }

    /** Names of the measured configurations, as printed. */
    static final class Variant {
        static final String MINIMAL = "minimal window, packaged runtime";
        static final String APP_DEFAULT_CDS = "app, packaged runtime, default CDS";
        static final String APP_APPCDS = "app, packaged runtime, AppCDS";
        static final String APP_JAR = "app, java -jar on the build JDK";
        static final String APP_APPCDS_JVM_DEFAULTS = "app, AppCDS, JVM's default GC/heap";

        private Variant() {
        }
    }

    private static Map<String, List<String>> variants(LauncherConfig launcher, Path testClasses, Path jar) {
        String runtimeJava = launcher.javaExecutable().toString();
        List<String> withoutAppCds = launcher.javaOptions().stream().filter(option -> !LauncherConfig.isAppCdsOption(option)).toList();
        String appClassPath = appClassPath(launcher, testClasses);

        Map<String, List<String>> variants = new LinkedHashMap<>();
        variants.put(Variant.MINIMAL, command(runtimeJava, withoutAppCds, testClasses.toString(), MINIMAL_CLASS));
        variants.put(Variant.APP_DEFAULT_CDS, command(runtimeJava, withoutAppCds, appClassPath, APP_CLASS));
        variants.put(Variant.APP_APPCDS, command(runtimeJava, launcher.javaOptions(), appClassPath, APP_CLASS));
        if (Files.isRegularFile(jar)) {
            String buildJava = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            variants.put(Variant.APP_JAR, command(buildJava, List.of("--enable-native-access=ALL-UNNAMED"),
                    jar + File.pathSeparator + testClasses, APP_CLASS));
        }
        return variants;
    }

    private static String appClassPath(LauncherConfig launcher, Path testClasses) {
        return String.join(File.pathSeparator, launcher.classPath()) + File.pathSeparator + testClasses;
    }

    private static List<String> command(String java, List<String> options, String classPath, String applicationClass) {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(options);
        command.add("-cp");
        command.add(classPath);
        command.add(StartupProbe.class.getName());
        command.add(applicationClass);
        return command;
    }

    /** Starts one child JVM and returns the probe's fields plus {@code startup-millis}, measured from just before the spawn. */
    private static Map<String, String> run(List<String> command, boolean connect) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Instant spawned = Instant.now();
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(CHILD_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("The child JVM did not exit within " + CHILD_TIMEOUT + ": " + command);
        }

        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : output.lines().filter(line -> line.startsWith(StartupProbe.OUTPUT_PREFIX + " ")).toList()) {
            Matcher matcher = FIELD.matcher(line);
            while (matcher.find()) {
                fields.put(matcher.group(1), matcher.group(2));
            }
        }
        if (process.exitValue() != 0 || !fields.containsKey("first-frame-epoch-micros") || fields.containsKey("error")
                || (connect && !"after-connection".equals(fields.get("memory-when")))) {
            throw new IllegalStateException("The child JVM failed (exit " + process.exitValue() + "): " + command
                    + System.lineSeparator() + output);
        }
        long spawnedMicros = StartupProbe.epochMicros(spawned);
        long frameMicros = Long.parseLong(fields.get("first-frame-epoch-micros"));
        long enteredMicros = Long.parseLong(fields.get("start-entered-epoch-micros"));
        long returnedMicros = Long.parseLong(fields.get("start-returned-epoch-micros"));
        long layoutMicros = Long.parseLong(fields.get("first-layout-epoch-micros"));
        fields.put("startup-millis", String.valueOf((frameMicros - spawnedMicros) / 1000.0));
        fields.put("toolkit-millis", String.valueOf((enteredMicros - spawnedMicros) / 1000.0));
        fields.put("app-start-millis", String.valueOf((returnedMicros - enteredMicros) / 1000.0));
        fields.put("first-pulse-millis", String.valueOf((frameMicros - returnedMicros) / 1000.0));
        fields.put("render-millis", String.valueOf((frameMicros - layoutMicros) / 1000.0));
        return fields;
    }

    private static void printStartup(Map<String, List<Double>> startMillis, Map<String, List<Long>> firstFrameRss) {
        double minimal = median(startMillis.get(Variant.MINIMAL));
        System.out.printf(Locale.ROOT, "  %-38s %9s %9s %9s %10s %14s%n", "variant", "median ms", "min ms", "max ms", "x minimal", "RSS at frame");
        for (Map.Entry<String, List<Double>> entry : startMillis.entrySet()) {
            List<Double> values = entry.getValue();
            double median = median(values);
            System.out.printf(Locale.ROOT, "  %-38s %9.0f %9.0f %9.0f %10.2f %10d MiB%n", entry.getKey(), median,
                    Collections.min(values), Collections.max(values), median / minimal,
                    medianLong(firstFrameRss.get(entry.getKey())) / 1024);
        }
    }

    private static void printPhases(Map<String, Map<String, List<Double>>> phaseMillis) {
        System.out.printf(Locale.ROOT, "%n  Phases, medians in ms: JVM and JavaFX start until Application.start, the app's start method,"
                + " start's return until the first frame (CSS, layout, rendering), of which the last rendering pulse%n");
        System.out.printf(Locale.ROOT, "  %-38s %9s %9s %11s %9s%n", "variant", "toolkit", "start()", "first pulse", "render");
        for (Map.Entry<String, Map<String, List<Double>>> entry : phaseMillis.entrySet()) {
            Map<String, List<Double>> phases = entry.getValue();
            System.out.printf(Locale.ROOT, "  %-38s %9.0f %9.0f %11.0f %9.0f%n", entry.getKey(),
                    median(phases.get("toolkit-millis")), median(phases.get("app-start-millis")),
                    median(phases.get("first-pulse-millis")), median(phases.get("render-millis")));
        }
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    static long medianLong(List<Long> values) {
        return Math.round(median(values.stream().map(Long::doubleValue).toList()));
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** The runtime, class path and Java options that a jpackage launcher reads from {@code lib/app/NAME.cfg}. */
    record LauncherConfig(Path javaExecutable, List<String> classPath, List<String> javaOptions) {

        static LauncherConfig read(Path image) throws IOException {
            Path appDirectory = image.resolve("lib/app");
            Path config;
            try (var files = Files.list(appDirectory)) {
                config = files.filter(file -> file.toString().endsWith(".cfg")).findFirst()
                        .orElseThrow(() -> new IOException("No launcher configuration (*.cfg) in " + appDirectory
                                + "; build the app image with mvn -Ppackage package."));
            }
            List<String> classPath = new ArrayList<>();
            List<String> options = new ArrayList<>();
            for (String line : Files.readAllLines(config)) {
                String expanded = line.replace("$APPDIR", appDirectory.toString());
                if (expanded.startsWith("app.classpath=")) {
                    classPath.add(expanded.substring("app.classpath=".length()));
                } else if (expanded.startsWith("java-options=")) {
                    options.add(expanded.substring("java-options=".length()));
                }
            }
            return new LauncherConfig(image.resolve("lib/runtime/bin/java"), classPath, options);
        }

        static boolean isAppCdsOption(String option) {
            return option.startsWith("-XX:SharedArchiveFile=") || option.startsWith("-Xlog:cds");
        }

        /** Matches the options that the pom's package.memory-options property adds to the launcher. */
        static boolean isMemoryOption(String option) {
            return option.equals("-XX:+UseSerialGC") || option.startsWith("-Xms") || option.startsWith("-Dio.netty.allocator.type=");
        }
    }
}
