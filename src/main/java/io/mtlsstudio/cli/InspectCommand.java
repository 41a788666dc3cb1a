package io.mtlsstudio.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mtlsstudio.handshake.Finding;
import io.mtlsstudio.handshake.Severity;
import io.mtlsstudio.pki.CertificateChain;
import io.mtlsstudio.pki.CertificateDetails;
import io.mtlsstudio.pki.CertificateSource;
import io.mtlsstudio.pki.ChainLink;
import io.mtlsstudio.pki.CheckStatus;
import io.mtlsstudio.pki.CredentialException;
import io.mtlsstudio.pki.CredentialInspector;
import io.mtlsstudio.pki.FileCheck;
import io.mtlsstudio.pki.FileRole;
import io.mtlsstudio.pki.Inspection;
import io.mtlsstudio.pki.InspectionRequest;
import io.mtlsstudio.pki.LoadedFile;
import io.mtlsstudio.pki.PasswordSource;
import io.mtlsstudio.pki.Purpose;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.Console;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code inspect}: loads credential files, prints their certificates, chains and findings, and exits 0, 1 or 2. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = {"Load certificate, key and keystore files in any common format, build the chain to the CA files,"
                + " and explain every problem with its fix.",
                "Exit status: 0 when no finding is an error; 1 when one is; 2 on bad usage or a missing or unreadable FILE."})
public final class InspectCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Certificate, private key, PKCS#12 or JKS files of the side inspected.")
    List<Path> files = new ArrayList<>();

    @Option(names = "--ca", paramLabel = "FILE", description = "CA file the peer verifies this side with; repeat for several files. "
            + "For a server without --ca, the JDK's default trust store is used.")
    List<Path> caFiles = new ArrayList<>();

    @Option(names = "--server-name", paramLabel = "NAME", description = "Name or IP address clients dial; checked against the server certificate.")
    String serverName;

    @Option(names = "--purpose", paramLabel = "SIDE", description = "client or server (default: server when --server-name is given, else client).")
    String purpose;

    @Option(names = "--password-file", paramLabel = "FILE", description = "File whose first line is the password of encrypted keys and keystores. "
            + "Without it, the password is asked on the terminal when one is needed.")
    Path passwordFile;

    @Option(names = "--alias", paramLabel = "NAME", description = "Keystore entry to use (default: the first key entry).")
    String alias;

    @Option(names = "--expiry-warning-days", paramLabel = "DAYS", description = "Warn about certificates that expire within this many days (default: 30).")
    int expiryWarningDays = 30;

    @Option(names = "--pem", description = "Also print each certificate as PEM.")
    boolean pem;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Asks for passwords when no --password-file is given; tests replace it. */
    PasswordSource prompt = terminalPrompt();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();

        Purpose side;
        try {
            side = purpose();
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return MtlsStudioCommand.EXIT_USAGE;
        }
        if (expiryWarningDays < 0) {
            err.println("error: --expiry-warning-days must be 0 or more, not " + expiryWarningDays + ".");
            return MtlsStudioCommand.EXIT_USAGE;
        }

        Inspection inspection;
        if (passwordFile != null) {
            try (PasswordSource.Fixed password = PasswordSource.fromFile(passwordFile)) {
                inspection = inspect(side, password);
            } catch (CredentialException e) {
                err.println("error: " + e.getMessage());
                return MtlsStudioCommand.EXIT_USAGE;
            }
        } else {
            inspection = inspect(side, prompt);
        }

        if (json) {
            out.println(InspectionJson.write(inspection));
        } else {
            new InspectionText(out, pem).print(inspection);
        }
        out.flush();
        if (inspection.findings().stream().anyMatch(f -> UNREADABLE.contains(f.code()))) {
            return MtlsStudioCommand.EXIT_USAGE;
        }
        return inspection.status() == CheckStatus.ERROR ? MtlsStudioCommand.EXIT_FAILED : 0;
    }

    /** Codes of files that could not be read at all, which the command line treats as unreadable input. */
    private static final java.util.Set<String> UNREADABLE = java.util.Set.of(
            io.mtlsstudio.pki.CredentialCode.FILE_NOT_FOUND.name(), io.mtlsstudio.pki.CredentialCode.FILE_UNREADABLE.name());

    private Inspection inspect(Purpose side, PasswordSource passwords) {
        return CredentialInspector.inspect(InspectionRequest.builder(side)
                .files(files)
                .caFiles(caFiles)
                .serverName(serverName)
                .passwords(passwords)
                .alias(alias)
                .expiryWarning(Duration.ofDays(expiryWarningDays))
                .build());
    }

    private Purpose purpose() {
        if (purpose == null) {
            return serverName == null ? Purpose.CLIENT : Purpose.SERVER;
        }
        return switch (purpose.strip().toLowerCase(Locale.ROOT)) {
            case "client" -> Purpose.CLIENT;
            case "server" -> Purpose.SERVER;
            default -> throw new IllegalArgumentException("Invalid --purpose \"" + purpose + "\". Use client or server.");
        };
    }

    /** Reads passwords from the terminal without echo, or gives none when no terminal is attached. */
    static PasswordSource terminalPrompt() {
        Console console = System.console();
        if (console == null || !isTerminal(console)) {
            return PasswordSource.NONE;
        }
        return request -> console.readPassword("%s", request.prompt());
    }

    /** Console.isTerminal() exists from Java 22; before that, System.console() is null unless there is a terminal. */
    private static boolean isTerminal(Console console) {
        try {
            Method method = Console.class.getMethod("isTerminal");
            return (Boolean) method.invoke(console);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    /** Writes an inspection as readable text. */
    static final class InspectionText {
        private final PrintWriter out;
        private final boolean pem;

        InspectionText(PrintWriter out, boolean pem) {
            this.out = out;
            this.pem = pem;
        }

        void print(Inspection inspection) {
            Instant now = inspection.request().now();
            printFiles(inspection);

            Set<CertificateDetails> inChains = new HashSet<>();
            inspection.chains().forEach(chain -> inChains.addAll(chain.certificates()));
            List<CertificateDetails> summaries = new ArrayList<>();
            int number = 0;
            for (CertificateDetails certificate : inspection.certificates()) {
                boolean detailed = certificate.source().origin() == CertificateSource.Origin.CREDENTIAL_FILE
                        || inChains.contains(certificate) || inspection.chains().isEmpty();
                if (detailed) {
                    printCertificate(++number, certificate, now);
                } else {
                    summaries.add(certificate);
                }
            }
            if (!summaries.isEmpty()) {
                out.println();
                out.println("Other CA certificates (" + summaries.size() + ")");
                for (CertificateDetails certificate : summaries) {
                    out.println("  " + certificate.displayName() + "  until " + certificate.notAfter() + "  (" + certificate.source().label() + ")");
                }
            }
            for (CertificateChain chain : inspection.chains()) {
                printChain(chain);
            }
            printFindings(inspection);
        }

        private void printFiles(Inspection inspection) {
            out.println("Files");
            for (FileCheck check : inspection.files()) {
                String role = check.role() == FileRole.CA ? " (CA file)" : "";
                out.printf("  %-8s %s%s: %s%n", "[" + check.status() + "]", check.file(), role, describe(check.loaded()));
            }
        }

        private static String describe(LoadedFile loaded) {
            if (loaded == null) {
                return "not loaded";
            }
            List<String> parts = new ArrayList<>();
            parts.add(loaded.format().label());
            if (!loaded.certificates().isEmpty()) {
                parts.add(loaded.certificates().size() + (loaded.certificates().size() == 1 ? " certificate" : " certificates"));
            }
            if (loaded.key() != null) {
                parts.add(loaded.key().format().label() + " private key, " + loaded.key().description());
            } else if (loaded.keyFailure() != null) {
                parts.add("private key not decrypted");
            }
            return String.join(", ", parts);
        }

        private void printCertificate(int number, CertificateDetails certificate, Instant now) {
            out.println();
            out.println("Certificate " + number + ": " + certificate.displayName());
            field("Source", certificate.source().label());
            field("Issuer", certificate.issuer());
            field("Serial", certificate.serialHex());
            field("Valid", certificate.notBefore() + " to " + certificate.notAfter() + " (" + validity(certificate, now) + ")");
            field("Public key", certificate.publicKey());
            field("Signature", certificate.signatureAlgorithm());
            field("Subject alt names", listOrNone(certificate.subjectAltNames()));
            field("Key usage", listOrNone(certificate.keyUsage()));
            field("Extended key usage", listOrNone(certificate.extendedKeyUsage()));
            field("Basic constraints", certificate.ca()
                    ? "CA:TRUE" + (certificate.pathLength() == null ? "" : ", pathlen:" + certificate.pathLength()) : "CA:FALSE");
            field("Subject key ID", orNone(certificate.subjectKeyIdentifier()));
            field("Authority key ID", orNone(certificate.authorityKeyIdentifier()));
            field("SHA-256", certificate.sha256());
            field("SHA-1", certificate.sha1());
            if (certificate.selfSigned()) {
                field("Self-signed", "yes");
            }
            if (pem) {
                out.print(certificate.pem());
            }
        }

        private static String validity(CertificateDetails certificate, Instant now) {
            if (now.isBefore(certificate.notBefore())) {
                return "not yet valid";
            }
            if (now.isAfter(certificate.notAfter())) {
                return "expired " + certificate.daysSinceExpiry(now) + " day(s) ago";
            }
            return certificate.daysLeft(now) + " day(s) left";
        }

        private void printChain(CertificateChain chain) {
            out.println();
            out.println("Chain of " + chain.leaf().displayName() + " (" + chain.leaf().source().label() + "): " + chain.status());
            List<CertificateDetails> certificates = chain.certificates();
            for (int i = 0; i < certificates.size(); i++) {
                CertificateDetails certificate = certificates.get(i);
                String anchor = certificate == chain.anchor() ? "  [trust anchor]" : "";
                out.println("  ".repeat(i + 1) + certificate.displayName() + " (" + certificate.source().label() + ")" + anchor);
                for (ChainLink link : chain.links()) {
                    if (link.certificate() == certificate) {
                        out.println("  ".repeat(i + 2) + (link.isSelfLink() ? "self-signed: " : "issued by " + link.issuer().displayName() + ": ")
                                + (link.issuerNameMatches() ? "issuer name matches" : "issuer name differs")
                                + ", " + switch (link.keyIdentifier()) {
                                    case MATCH -> "key identifiers match";
                                    case MISMATCH -> "key identifiers differ";
                                    case NOT_PRESENT -> "no key identifiers to compare";
                                }
                                + ", signature " + (link.signatureVerified() ? "verified" : "NOT verified"));
                    }
                }
            }
        }

        private void printFindings(Inspection inspection) {
            out.println();
            if (inspection.findings().isEmpty()) {
                out.println("No findings.");
            }
            for (Finding finding : inspection.findings()) {
                out.println(finding.severity() + " " + finding.code() + " (" + finding.subject() + ")");
                out.println("  " + finding.message());
                if (!finding.fix().isEmpty()) {
                    out.println("  Fix: " + finding.fix());
                }
                out.println();
            }
            long errors = inspection.findings().stream().filter(f -> f.severity() == Severity.ERROR).count();
            long warnings = inspection.findings().stream().filter(f -> f.severity() == Severity.WARNING).count();
            long infos = inspection.findings().stream().filter(f -> f.severity() == Severity.INFO).count();
            out.println("Result: " + inspection.status() + " (" + errors + " error(s), " + warnings + " warning(s), " + infos + " note(s))");
        }

        private void field(String name, String value) {
            out.printf("  %-19s %s%n", name, value);
        }

        private static String listOrNone(List<String> values) {
            return values.isEmpty() ? "(none)" : String.join(", ", values);
        }

        private static String orNone(String value) {
            return value == null ? "(none)" : value;
        }
    }

    /** Writes an inspection as the JSON object of {@code inspect --json}. */
    static final class InspectionJson {

        private InspectionJson() {
        }

        static String write(Inspection inspection) {
            try {
                return ReportJson.mapper().writeValueAsString(toJson(inspection));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("The inspection cannot be written as JSON", e);
            }
        }

        static ObjectNode toJson(Inspection inspection) {
            ObjectNode root = ReportJson.mapper().createObjectNode();
            root.put("status", inspection.status().name());
            root.put("purpose", inspection.request().purpose().label());
            root.put("serverName", inspection.request().serverName());

            ArrayNode files = root.putArray("files");
            for (FileCheck check : inspection.files()) {
                files.add(file(check));
            }
            ArrayNode certificates = root.putArray("certificates");
            for (CertificateDetails certificate : inspection.certificates()) {
                certificates.add(certificate(certificate, inspection.request().now()));
            }
            ArrayNode chains = root.putArray("chains");
            for (CertificateChain chain : inspection.chains()) {
                chains.add(chain(chain));
            }
            ArrayNode findings = root.putArray("findings");
            for (Finding finding : inspection.findings()) {
                findings.addObject()
                        .put("code", finding.code())
                        .put("severity", finding.severity().name())
                        .put("subject", finding.subject())
                        .put("message", finding.message())
                        .put("fix", finding.fix());
            }
            return root;
        }

        private static ObjectNode file(FileCheck check) {
            ObjectNode node = ReportJson.mapper().createObjectNode();
            node.put("path", check.file().toString());
            node.put("role", check.role().name());
            node.put("status", check.status().name());
            node.put("passwordRequired", check.passwordRequired());
            LoadedFile loaded = check.loaded();
            node.put("format", loaded == null ? null : loaded.format().name());
            node.put("certificates", loaded == null ? 0 : loaded.certificates().size());
            if (loaded == null || loaded.key() == null) {
                node.putNull("key");
            } else {
                node.putObject("key")
                        .put("format", loaded.key().format().name())
                        .put("description", loaded.key().description())
                        .put("der", loaded.key().der())
                        .put("encryption", loaded.key().encryption());
            }
            if (loaded != null && loaded.keystore() != null) {
                ObjectNode keystore = node.putObject("keystore").put("alias", loaded.keystore().chosenAlias());
                loaded.keystore().keyAliases().forEach(keystore.putArray("keyAliases")::add);
                loaded.keystore().trustedAliases().forEach(keystore.putArray("trustedAliases")::add);
            }
            return node;
        }

        private static ObjectNode certificate(CertificateDetails certificate, Instant now) {
            ObjectNode node = ReportJson.mapper().createObjectNode();
            node.put("file", certificate.source().file() == null ? null : certificate.source().file().toString());
            node.put("index", certificate.source().index());
            node.put("origin", certificate.source().origin().name());
            node.put("subject", certificate.subject());
            node.put("issuer", certificate.issuer());
            node.put("commonName", certificate.commonName());
            node.put("serial", certificate.serialHex());
            node.put("notBefore", certificate.notBefore().toString());
            node.put("notAfter", certificate.notAfter().toString());
            node.put("daysLeft", certificate.daysLeft(now));
            node.put("publicKey", certificate.publicKey());
            node.put("signatureAlgorithm", certificate.signatureAlgorithm());
            certificate.subjectAltNames().forEach(node.putArray("subjectAltNames")::add);
            certificate.keyUsage().forEach(node.putArray("keyUsage")::add);
            certificate.extendedKeyUsage().forEach(node.putArray("extendedKeyUsage")::add);
            node.put("ca", certificate.ca());
            if (certificate.pathLength() == null) {
                node.putNull("pathLength");
            } else {
                node.put("pathLength", certificate.pathLength());
            }
            node.put("subjectKeyIdentifier", certificate.subjectKeyIdentifier());
            node.put("authorityKeyIdentifier", certificate.authorityKeyIdentifier());
            node.put("sha256", certificate.sha256());
            node.put("sha1", certificate.sha1());
            node.put("selfSigned", certificate.selfSigned());
            node.put("pem", certificate.pem());
            return node;
        }

        private static ObjectNode chain(CertificateChain chain) {
            ObjectNode node = ReportJson.mapper().createObjectNode();
            node.put("status", chain.status().name());
            ArrayNode certificates = node.putArray("certificates");
            for (CertificateDetails certificate : chain.certificates()) {
                certificates.addObject()
                        .put("subject", certificate.subject())
                        .put("source", certificate.source().label())
                        .put("sha256", certificate.sha256())
                        .put("anchor", certificate == chain.anchor());
            }
            ArrayNode links = node.putArray("links");
            for (ChainLink link : chain.links()) {
                links.addObject()
                        .put("subject", link.certificate().subject())
                        .put("issuer", link.issuer().subject())
                        .put("issuerNameMatches", link.issuerNameMatches())
                        .put("keyIdentifier", link.keyIdentifier().name())
                        .put("signatureVerified", link.signatureVerified());
            }
            return node;
        }
    }
}
