package io.mtlsstudio.cli;

import io.mtlsstudio.cadence.EmbeddedFrontend;
import io.mtlsstudio.cadence.FrontendSettings;
import io.mtlsstudio.cadence.config.BlockOwner;
import io.mtlsstudio.cadence.config.CadenceConfig;
import io.mtlsstudio.cadence.config.CadenceConfigLoader;
import io.mtlsstudio.cadence.config.ConfigFrontend;
import io.mtlsstudio.cadence.config.ConfigRequest;
import io.mtlsstudio.cadence.config.ConfigSummary;
import io.mtlsstudio.pki.CredentialException;
import io.mtlsstudio.pki.CredentialFiles;
import io.mtlsstudio.pki.PasswordSource;
import io.mtlsstudio.pki.SampleCredentials;
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
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code serve}: runs the embedded Cadence frontend in the foreground until interrupted. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Run an embedded Cadence frontend that serves MetaAPI/Health and enforces the YARPC metadata.",
                "Without --cert, --key or --plaintext it serves mutual TLS with the bundled sample credentials."})
public final class ServeCommand implements Callable<Integer> {

    @Option(names = "--cert", paramLabel = "FILE", description = "Server certificate chain (PEM or DER), leaf first.")
    Path cert;

    @Option(names = "--key", paramLabel = "FILE", description = "Private key of the server certificate (PEM).")
    Path key;

    @Option(names = "--key-password-file", paramLabel = "FILE", description = "File whose first line is the password of an encrypted --key.")
    Path keyPasswordFile;

    @Option(names = "--ca", paramLabel = "FILE", description = "CA certificates that client certificates must chain to; repeat for several files.")
    List<Path> caFiles = new ArrayList<>();

    @Option(names = "--require-client-auth", description = "Require a client certificate that chains to a --ca certificate (mutual TLS).")
    boolean requireClientAuth;

    @Option(names = "--plaintext", description = "Serve cleartext HTTP/2 without TLS.")
    boolean plaintext;

    @Option(names = "--config", paramLabel = "PATH", description = "Cadence config folder or YAML file: serve exactly its services.frontend.rpc.tls block.")
    Path config;

    @Option(names = "--env", paramLabel = "ENV", description = "With --config: the server's --env, which selects ENV.yaml (default: development).")
    String env = ConfigRequest.DEFAULT_ENV;

    @Option(names = "--zone", paramLabel = "ZONE", description = "With --config: the server's --zone, which adds ENV_ZONE.yaml, for example tls.")
    String zone;

    @Option(names = "--host", paramLabel = "HOST", description = "Address to listen on (default: 127.0.0.1).")
    String host = "127.0.0.1";

    @Option(names = "--port", paramLabel = "PORT", description = "Port to listen on; 0 picks a free one (default: the config's "
            + "services.frontend.rpc.grpcPort with --config, else 7833).")
    Integer port;

    /** Cadence's frontend gRPC port. */
    private static final int DEFAULT_PORT = 7833;

    @Option(names = "--tls-version", paramLabel = "VERSION", description = "Accept only 1.2 or 1.3 (default: both).")
    String tlsVersion;

    @Option(names = "--warm-up", paramLabel = "DURATION", description = "Answer Health with ok=false, \"WarmingUp\" for this long after start (default: 0).")
    Duration warmUp = Duration.ZERO;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();

        FrontendSettings settings;
        try {
            settings = settings();
        } catch (CredentialException | IOException | IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return MtlsStudioCommand.EXIT_USAGE;
        }

        EmbeddedFrontend frontend;
        try {
            frontend = EmbeddedFrontend.start(settings);
        } catch (IOException e) {
            err.println("error: " + e.getMessage());
            return MtlsStudioCommand.EXIT_USAGE;
        }

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            frontend.close();
            stopped.countDown();
        }, "serve-shutdown"));
        out.println("Embedded Cadence frontend listening on " + frontend.target() + " (" + describe(settings) + ")");
        out.println("Press Ctrl+C to stop.");
        out.flush();
        stopped.await();
        return 0;
    }

    private FrontendSettings settings() throws CredentialException, IOException {
        if (config != null) {
            if (plaintext || cert != null || key != null || keyPasswordFile != null || !caFiles.isEmpty() || requireClientAuth) {
                throw new IllegalArgumentException("--config cannot be combined with --cert, --key, --key-password-file, --ca, --require-client-auth or --plaintext: the config's frontend block sets them.");
            }
            CadenceConfig loaded = CadenceConfigLoader.load(ConfigRequest.of(config).withEnv(env).withZone(zone));
            ConfigSummary.print(spec.commandLine().getOut(), loaded, List.of(loaded.frontend()));
            ConfigFrontend frontend = ConfigFrontend.from(loaded);
            if (port == null && loaded.frontend().owner() instanceof BlockOwner.Service service && service.grpcPort() != null) {
                port = service.grpcPort();
            }
            return base(frontend.mode(), frontend.chain(), frontend.key(), frontend.clientCas());
        }
        if (plaintext) {
            if (cert != null || key != null || !caFiles.isEmpty() || requireClientAuth) {
                throw new IllegalArgumentException("--plaintext cannot be combined with --cert, --key, --ca or --require-client-auth.");
            }
            return base(FrontendSettings.Mode.PLAINTEXT, List.of(), null, List.of());
        }
        if ((cert == null) != (key == null)) {
            throw new IllegalArgumentException("Give both --cert and --key, or neither to serve the bundled sample credentials.");
        }

        if (cert == null) {
            SampleCredentials sample = SampleCredentials.locate();
            List<X509Certificate> cas = caFiles.isEmpty() ? sample.loadCa() : readAll(caFiles);
            return base(FrontendSettings.Mode.MUTUAL_TLS, sample.loadFrontendChain(), sample.loadFrontendKey(), cas);
        }

        List<X509Certificate> chain = CredentialFiles.readCertificates(cert);
        PrivateKey privateKey;
        try (PasswordSource.Fixed password = keyPasswordFile == null ? null : PasswordSource.fromFile(keyPasswordFile)) {
            privateKey = CredentialFiles.readPrivateKey(key, password == null ? PasswordSource.NONE : password);
        }
        if (requireClientAuth && caFiles.isEmpty()) {
            throw new IllegalArgumentException("--require-client-auth needs at least one --ca file to verify client certificates against.");
        }
        FrontendSettings.Mode mode = requireClientAuth ? FrontendSettings.Mode.MUTUAL_TLS : FrontendSettings.Mode.TLS;
        return base(mode, chain, privateKey, requireClientAuth ? readAll(caFiles) : List.of());
    }

    private FrontendSettings base(FrontendSettings.Mode mode, List<X509Certificate> chain, PrivateKey privateKey,
                                  List<X509Certificate> cas) {
        List<String> protocols = tlsVersion == null ? List.of() : switch (tlsVersion.strip()) {
            case "1.2" -> List.of("TLSv1.2");
            case "1.3" -> List.of("TLSv1.3");
            default -> throw new IllegalArgumentException("Invalid --tls-version \"" + tlsVersion + "\". Use 1.2 or 1.3.");
        };
        return new FrontendSettings(host, port == null ? DEFAULT_PORT : port, mode, chain, privateKey, cas, protocols, warmUp);
    }

    private static List<X509Certificate> readAll(List<Path> files) throws CredentialException {
        List<X509Certificate> all = new ArrayList<>();
        for (Path file : files) {
            all.addAll(CredentialFiles.readCertificates(file));
        }
        return all;
    }

    private String describe(FrontendSettings settings) {
        return switch (settings.mode()) {
            case PLAINTEXT -> "plaintext, no TLS";
            case TLS -> "TLS, no client authentication";
            case MUTUAL_TLS -> "mutual TLS: client certificates required" + (cert == null && config == null ? ", sample credentials" : "");
        };
    }
}
