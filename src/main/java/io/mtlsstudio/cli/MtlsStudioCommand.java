package io.mtlsstudio.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root of the headless command line: {@code java -jar mtls-studio.jar SUBCOMMAND ...}. */
@Command(name = "mtls-studio",
        mixinStandardHelpOptions = true,
        versionProvider = MtlsStudioCommand.Version.class,
        description = "Connect to a Cadence frontend over mutual TLS and explain every step of the handshake.%n"
                + "Run without arguments to open the window.",
        subcommands = {
                CheckCommand.class,
                ServeCommand.class,
                ScenariosCommand.class,
                InspectCommand.class,
                GenerateCommand.class,
        })
public final class MtlsStudioCommand implements Runnable {

    /** Exit status of a run whose check or scenario failed. */
    public static final int EXIT_FAILED = 1;
    /** Exit status of bad usage or unreadable input. */
    public static final int EXIT_USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Choose a subcommand, for example check or serve; run with --help to list all of them.");
    }

    /** Builds the command line with the project's exit codes and converters. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new MtlsStudioCommand());
        commandLine.registerConverter(java.time.Duration.class, new DurationConverter());
        commandLine.setExecutionExceptionHandler((exception, line, parseResult) -> {
            line.getErr().println("error: " + exception.getMessage());
            return EXIT_USAGE;
        });
        return commandLine;
    }

    /** Prints the version from the jar manifest, or "development" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = MtlsStudioCommand.class.getPackage().getImplementationVersion();
            return new String[] {"mTLS Studio " + (version == null ? "development build" : version)};
        }
    }
}
