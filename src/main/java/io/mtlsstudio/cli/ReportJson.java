package io.mtlsstudio.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mtlsstudio.handshake.Check;
import io.mtlsstudio.handshake.Evidence;
import io.mtlsstudio.handshake.Finding;
import io.mtlsstudio.handshake.ProbeReport;

import java.security.cert.CertificateEncodingException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;

/** Writes a {@link ProbeReport} as the JSON object of {@code check --json}. */
public final class ReportJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String write(ProbeReport report) {
        try {
            return MAPPER.writeValueAsString(toJson(report));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("The report cannot be written as JSON", e);
        }
    }

    public static ObjectNode toJson(ProbeReport report) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("target", report.target());
        root.put("result", report.result().name());
        root.put("failedStep", report.failedStep() == null ? null : report.failedStep().name());
        root.put("tls", report.tls());

        ArrayNode steps = root.putArray("steps");
        for (ProbeReport.StepReport step : report.steps()) {
            ObjectNode node = steps.addObject();
            node.put("id", step.id().name());
            node.put("status", step.status().name());
            node.put("startedMicros", step.startedMicros());
            node.put("durationMicros", step.durationMicros());
            ArrayNode checks = node.putArray("checks");
            for (Check check : step.checks()) {
                checks.addObject().put("name", check.name()).put("outcome", check.outcome().name()).put("message", check.message());
            }
            ArrayNode evidence = node.putArray("evidence");
            for (Evidence item : step.evidence()) {
                ObjectNode entry = evidence.addObject().put("label", item.label()).put("value", item.value());
                if (!item.certificates().isEmpty()) {
                    ArrayNode certificates = entry.putArray("certificates");
                    item.certificates().forEach(cert -> certificates.add(certificate(cert)));
                }
            }
        }

        ArrayNode findings = root.putArray("findings");
        for (Finding finding : report.findings()) {
            findings.addObject()
                    .put("code", finding.code())
                    .put("severity", finding.severity().name())
                    .put("step", finding.step() == null ? null : finding.step().name())
                    .put("subject", finding.subject())
                    .put("message", finding.message())
                    .put("fix", finding.fix());
        }

        ArrayNode records = root.putArray("records");
        for (var record : report.records()) {
            records.addObject()
                    .put("direction", record.direction().name())
                    .put("atMicros", record.atMicros())
                    .put("contentType", record.contentTypeName())
                    .put("version", record.versionName())
                    .put("length", record.length())
                    .put("encrypted", record.encrypted())
                    .put("alert", record.alert())
                    .set("messages", MAPPER.valueToTree(record.messages()));
        }
        ArrayNode serverLane = root.putArray("serverLane");
        for (var observation : report.serverLane()) {
            serverLane.addObject()
                    .put("atMicros", observation.atMicros())
                    .put("step", observation.step().name())
                    .put("kind", observation.kind().name())
                    .put("detail", observation.detail());
        }

        if (report.negotiated() == null) {
            root.putNull("negotiated");
        } else {
            root.putObject("negotiated")
                    .put("protocol", report.negotiated().protocol())
                    .put("cipherSuite", report.negotiated().cipherSuite())
                    .put("alpn", report.negotiated().alpn());
        }
        if (report.health() == null) {
            root.putNull("health");
        } else {
            root.putObject("health")
                    .put("ok", report.health().ok())
                    .put("message", report.health().message())
                    .put("roundTripMicros", report.health().roundTripMicros());
        }
        return root;
    }

    private static ObjectNode certificate(X509Certificate cert) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("subject", cert.getSubjectX500Principal().getName());
        node.put("issuer", cert.getIssuerX500Principal().getName());
        node.put("serial", cert.getSerialNumber().toString(16));
        node.put("notBefore", cert.getNotBefore().toInstant().toString());
        node.put("notAfter", cert.getNotAfter().toInstant().toString());
        try {
            node.put("sha256", HexFormat.ofDelimiter(":").withUpperCase()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(cert.getEncoded())));
        } catch (CertificateEncodingException | NoSuchAlgorithmException e) {
            node.putNull("sha256");
        }
        return node;
    }
}
