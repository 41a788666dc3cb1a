package io.mtlsstudio.ui.config;

import java.util.List;

/**
 * One line of the TLS block table: a block, one of its keys, or one entry of {@code caFiles}.
 *
 * @param key      the block's YAML path, the key, or {@code caFiles[i]}
 * @param value    the value the server uses, as YAML writes it
 * @param resolved the file the server opens for a path value; empty otherwise
 * @param source   where the value was written ({@code file:line}), or {@code default}
 * @param check    the credential check of the resolved file, such as {@code VALID} or {@code WARNING: CERT_NO_SAN}; empty when not checked
 * @param children the keys of a block, or the entries of {@code caFiles}
 */
public record SettingRow(String key, String value, String resolved, String source, String check, List<SettingRow> children) {

    public SettingRow {
        children = List.copyOf(children);
    }

    static SettingRow leaf(String key, String value, String resolved, String source, String check) {
        return new SettingRow(key, value, resolved, source, check, List.of());
    }
}
