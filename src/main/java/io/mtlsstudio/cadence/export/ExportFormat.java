package io.mtlsstudio.cadence.export;

/** The exports, each with a title for a tab and the file name its save action suggests. */
public enum ExportFormat {
    SERVER_YAML("Server TLS YAML", "cadence-tls.yaml"),
    GO_CLIENT("Go client", "main.go"),
    JAVA_CLIENT("Java client", JavaClientExport.CLASS_NAME + ".java"),
    OPENSSL_S_CLIENT("openssl s_client", "s_client.sh"),
    GRPCURL("grpcurl", "grpcurl-health.sh");

    private final String title;
    private final String fileName;

    ExportFormat(String title, String fileName) {
        this.title = title;
        this.fileName = fileName;
    }

    public String title() {
        return title;
    }

    public String fileName() {
        return fileName;
    }
}
