package io.mtlsstudio.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mtlsstudio.handshake.FailureCode;
import io.mtlsstudio.handshake.Target;
import io.mtlsstudio.pki.CredentialException;
import io.mtlsstudio.pki.CredentialFiles;
import io.mtlsstudio.scenario.Scenario;
import io.mtlsstudio.scenario.ScenarioCredentials;
import io.mtlsstudio.scenario.ScenarioGroup;
import io.mtlsstudio.scenario.ScenarioReport;
import io.mtlsstudio.scenario.ScenarioResult;
import io.mtlsstudio.scenario.ScenarioRunner;
import io.mtlsstudio.scenario.ScenarioServers;
import io.mtlsstudio.scenario.ScenarioSettings;
import io.mtlsstudio.scenario.Verdict;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code scenarios}: runs the mutual TLS scenario table and prints it as text or JSON. Exits 0
 * when every row that ran matches its expectation, 1 when one does not, 2 on bad usage.
 */
@Command(name = "scenarios", mixinStandardHelpOptions = true,
        description = {"Run Cadence's mutual TLS testing table (server TLS off/on x client TLS off/on) and the common faults, "
                + "and show for each row whether the actual outcome matches the expected one.",
                "Without --secured, --unsecured or --tls-only the rows run on embedded frontends on free ports of 127.0.0.1.",
                "Without --cert, --key and --ca the bundled sample credentials are used."})
public final class ScenariosCommand implements Callable<Integer> {

    /**
     * grpc-netty logs every failed server transport at INFO with a stack trace. Rows 2a and 3 make
     * the embedded frontends fail transports on purpose, so the command raises this logger's level.
     * The static field keeps the logger, and so its level, from being garbage collected.
     */
    private static final Logger SERVER_TRANSPORT_LOG = Logger.getLogger("io.grpc.netty.NettyServerTransport");

    @Option(names = "--secured", paramLabel = "HOST:PORT", description = "Your frontend with mutual TLS (requireClientAuth: true).")
    String secured;

    @Option(names = "--unsecured", paramLabel = "HOST:PORT", description = "Your frontend with TLS off.")
    String unsecured;

    @Option(names = "--tls-only", paramLabel = "HOST:PORT", description = "Your frontend with TLS but without client authentication.")
    String tlsOnly;

    @Option(names = "--cert", paramLabel = "FILE", description = "Client certificate (PEM or DER), leaf first.")
    Path cert;

    @Option(names = "--key", paramLabel = "FILE", description = "Private key of the client certificate (PEM).")
    Path key;

    @Option(names = "--ca", paramLabel = "FILE", description = "CA certificates the client trusts; repeat for several files. "
            + "On the embedded frontends they are also the CAs that client certificates must chain to.")
    List<Path> caFiles = new ArrayList<>();

    @Option(names = "--ca-key", paramLabel = "FILE", description = "Private key of one --ca certificate (PEM). With it, the rows "
            + "for an expired client certificate and for one without clientAuth run against your servers too; "
            + "the key stays in memory.")
    Path caKey;

    @Option(names = "--server-name", paramLabel = "NAME", description = "Name sent as SNI and checked against the server "
            + "certificate; default: the target host.")
    String serverName;

    @Option(names = "--no-hostname-verification", description = "Do not check the server certificate against the server name; "
            + "the chain is still verified, and the server-name row does not run.")
    boolean noHostnameVerification;

    @Option(names = "--timeout", paramLabel = "DURATION", description = "Limit for each row's connection attempt, for example "
            + "5s (default: 5s on the embedded frontends, 10s against your servers).")
    Duration timeout;

    @Option(names = "--cadence-table-only", description = "Run only the rows of Cadence's table, not the common faults.")
    boolean cadenceTableOnly;

    @Option(names = "--json", description = "Print one JSON object instead of the text table.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();

        ScenarioSettings settings;
        try {
            settings = settings();
        } catch (IllegalArgumentException | CredentialException | IOException e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return MtlsStudioCommand.EXIT_USAGE;
        }

        if (settings.servers() instanceof ScenarioServers.Embedded) {
            SERVER_TRANSPORT_LOG.setLevel(Level.WARNING);
        }
        ScenarioReport report = ScenarioRunner.run(settings);
        if (json) {
            out.println(ScenarioJson.write(report, credentialsLabel()));
        } else {
            ScenarioText.print(out, report, credentialsLabel());
        }
        out.flush();

        if (!report.setupError().isEmpty()) {
            err.println("error: " + report.setupError());
            err.flush();
            return MtlsStudioCommand.EXIT_USAGE;
        }
        return report.allRunPassed() ? 0 : MtlsStudioCommand.EXIT_FAILED;
    }

    private ScenarioSettings settings() throws CredentialException, IOException {
        ScenarioServers.UserServers userServers = userServers();
        ScenarioCredentials credentials = credentials(userServers == null);

        ScenarioSettings.Builder builder = userServers == null
                ? ScenarioSettings.embedded(credentials)
                : ScenarioSettings.userServers(userServers, credentials);
        if (cadenceTableOnly) {
            builder.groups(EnumSet.of(ScenarioGroup.CADENCE_TABLE));
        }
        if (timeout != null) {
            builder.timeout(timeout);
        }
        return builder.build();
    }

    private ScenarioServers.UserServers userServers() {
        if (secured == null && unsecured == null && tlsOnly == null) {
            return null;
        }
        return new ScenarioServers.UserServers(parse("--secured", secured), parse("--unsecured", unsecured),
                parse("--tls-only", tlsOnly));
    }

    private static Target parse(String option, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Target.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": " + e.getMessage(), e);
        }
    }

    private ScenarioCredentials credentials(boolean embedded) throws CredentialException, IOException {
        if ((cert == null) != (key == null)) {
            throw new IllegalArgumentException(cert == null
                    ? "--key was given without --cert. Give both, or neither."
                    : "--cert was given without --key. Give both, or neither.");
        }
        if (caKey != null && caFiles.isEmpty()) {
            throw new IllegalArgumentException("--ca-key needs the CA's certificate in a --ca file.");
        }

        if (usesSampleCredentials()) {
            ScenarioCredentials sample = ScenarioCredentials.sample();
            ScenarioCredentials.Builder builder = ScenarioCredentials.builder()
                    .clientCertificate(sample.clientChain(), sample.clientKey())
                    .trustedCas(sample.trustedCas())
                    .serverName(serverName)
                    .hostnameVerification(!noHostnameVerification);
            if (embedded) {
                builder.serverCertificate(sample.serverChain(), sample.serverKey()).clientCas(sample.clientCas());
            }
            return builder.build();
        }

        List<X509Certificate> cas = new ArrayList<>();
        for (Path file : caFiles) {
            cas.addAll(CredentialFiles.readCertificates(file));
        }
        ScenarioCredentials.Builder builder = ScenarioCredentials.builder()
                .trustedCas(cas)
                .serverName(serverName)
                .hostnameVerification(!noHostnameVerification);
        if (cert != null) {
            builder.clientCertificate(CredentialFiles.readCertificates(cert), CredentialFiles.readPrivateKey(key));
        }
        if (caKey != null) {
            PrivateKey issuingKey = CredentialFiles.readPrivateKey(caKey);
            try {
                builder.issuingCa(ScenarioCredentials.matchIssuingCa(cas, issuingKey));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--ca-key " + caKey + ": " + e.getMessage(), e);
            }
        }
        return builder.build();
    }

    private boolean usesSampleCredentials() {
        return cert == null && caFiles.isEmpty() && caKey == null;
    }

    private String credentialsLabel() {
        if (usesSampleCredentials()) {
            return "bundled sample credentials";
        }
        StringBuilder text = new StringBuilder();
        text.append(cert == null ? "no client certificate" : "client certificate " + cert);
        text.append(caFiles.isEmpty() ? ", JDK default trust store" : ", CA " + String.join(", ", caFiles.stream().map(Path::toString).toList()));
        return text.toString();
    }

    /** The text table of {@code scenarios}. */
    static final class ScenarioText {

        private ScenarioText() {
        }

        static void print(PrintWriter out, ScenarioReport report, String credentials) {
            out.println("Scenarios on " + report.servers() + ", " + credentials);
            List<String[]> all = new ArrayList<>();
            all.add(HEADER);
            report.results().forEach(result -> all.add(cells(result)));
            int[] widths = widths(all);

            for (ScenarioGroup group : ScenarioGroup.values()) {
                List<ScenarioResult> rows = report.results().stream().filter(r -> r.scenario().group() == group).toList();
                if (rows.isEmpty()) {
                    continue;
                }
                out.println();
                out.println(group.title());
                printLine(out, HEADER, widths);
                rows.forEach(result -> printLine(out, cells(result), widths));
            }
            printDetails(out, report);
            out.println();
            out.println(report.summary());
            if (!report.setupError().isEmpty()) {
                out.println("Set-up error: " + report.setupError());
            }
        }

        private static final String[] HEADER = {"ROW", "SERVER", "CLIENT", "EXPECTED", "ACTUAL", "VERDICT", "TIME"};

        private static String[] cells(ScenarioResult result) {
            Scenario scenario = result.scenario();
            String expected = scenario.expected().step() == null ? scenario.expected().outcome().label()
                    : scenario.expected().outcome().label() + " at " + scenario.expected().step();
            String time = result.report() == null ? "" : String.format(Locale.ROOT, "%.0f ms", result.elapsed().toNanos() / 1e6);
            return new String[] {scenario.id(), result.serverMode(), result.clientMode(), expected, result.describeActual(),
                    result.verdict().label(), time};
        }

        private static int[] widths(List<String[]> lines) {
            int[] widths = new int[HEADER.length];
            for (String[] line : lines) {
                for (int i = 0; i < line.length; i++) {
                    widths[i] = Math.max(widths[i], line[i].length());
                }
            }
            return widths;
        }

        private static void printLine(PrintWriter out, String[] cells, int[] widths) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < cells.length; i++) {
                text.append(cells[i]);
                if (i < cells.length - 1) {
                    text.append(" ".repeat(widths[i] - cells[i].length() + 2));
                }
            }
            out.println(text.toString().stripTrailing());
        }

        /** Prints, for each row that is not green, why, with the failure and the embedded frontend's verdict. */
        private static void printDetails(PrintWriter out, ScenarioReport report) {
            List<ScenarioResult> notGreen = report.results().stream().filter(r -> r.verdict() != Verdict.PASS).toList();
            if (notGreen.isEmpty()) {
                return;
            }
            out.println();
            out.println("Rows that are not green");
            for (ScenarioResult result : notGreen) {
                out.println("  " + result.scenario().id() + "  " + result.verdict().label() + "  " + result.scenario().title());
                out.println("      " + result.reason());
                if (result.failureCode() != null) {
                    out.println("      " + result.failureCode() + " at " + result.failedStep() + ": " + result.failureMessage());
                }
                if (!result.serverVerdict().isEmpty()) {
                    out.println("      Embedded frontend: " + result.serverVerdict());
                }
            }
        }
    }

    /** The JSON object of {@code scenarios --json}. */
    static final class ScenarioJson {

        private ScenarioJson() {
        }

        static String write(ScenarioReport report, String credentials) {
            try {
                return ReportJson.mapper().writeValueAsString(toJson(report, credentials));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("The scenario report cannot be written as JSON", e);
            }
        }

        static ObjectNode toJson(ScenarioReport report, String credentials) {
            ObjectNode root = ReportJson.mapper().createObjectNode();
            root.put("servers", report.servers());
            root.put("credentials", credentials);
            root.put("startedAt", report.startedAt().toString());
            root.put("elapsedMillis", report.elapsed().toMillis());
            root.put("cancelled", report.cancelled());
            root.put("setupError", report.setupError().isEmpty() ? null : report.setupError());
            root.put("passed", report.count(Verdict.PASS));
            root.put("failed", report.count(Verdict.FAIL));
            root.put("notRun", report.count(Verdict.NOT_RUN));
            root.put("allRunPassed", report.allRunPassed());

            ArrayNode rows = root.putArray("rows");
            for (ScenarioResult result : report.results()) {
                rows.add(row(result));
            }
            return root;
        }

        private static ObjectNode row(ScenarioResult result) {
            Scenario scenario = result.scenario();
            ObjectNode row = ReportJson.mapper().createObjectNode();
            row.put("id", scenario.id());
            row.put("group", scenario.group().name());
            row.put("title", scenario.title());
            row.put("server", scenario.server().name());
            row.put("serverMode", result.serverMode());
            row.put("client", scenario.client().name());
            row.put("clientMode", result.clientMode());
            row.put("tlsVersion", scenario.tlsVersion().name());
            row.put("serverName", scenario.serverName());

            ObjectNode expected = row.putObject("expected");
            expected.put("outcome", scenario.expected().outcome().name());
            expected.put("step", scenario.expected().step() == null ? null : scenario.expected().step().name());
            ArrayNode codes = expected.putArray("codes");
            scenario.expected().codes().stream().map(FailureCode::name).forEach(codes::add);

            row.put("actual", result.actual() == null ? null : result.actual().name());
            row.put("verdict", result.verdict().name());
            row.put("failedStep", result.failedStep() == null ? null : result.failedStep().name());
            row.put("failureCode", result.failureCode());
            row.put("failureMessage", result.failureMessage());
            row.put("elapsedMicros", result.elapsed().toNanos() / 1_000);
            row.put("target", result.target());
            row.put("reason", result.reason());
            row.put("serverVerdict", result.serverVerdict());
            row.put("note", scenario.note());
            if (result.report() == null) {
                row.putNull("report");
            } else {
                row.set("report", ReportJson.toJson(result.report()));
            }
            return row;
        }
    }
}
