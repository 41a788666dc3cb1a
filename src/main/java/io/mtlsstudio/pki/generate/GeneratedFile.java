package io.mtlsstudio.pki.generate;

/**
 * One file the generator writes.
 *
 * @param relativePath the path inside the output folder, with forward slashes
 * @param kind         certificate, private key or README
 * @param purpose      what the file is for, as written in the README
 * @param variant      the broken variant the file belongs to; null for the good set and the README
 */
public record GeneratedFile(String relativePath, Kind kind, String purpose, BrokenVariant variant) {

    public enum Kind { CERTIFICATE, PRIVATE_KEY, README }
}
