package io.mtlsstudio.cadence.config;

import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Parses one Cadence YAML file into {@link YamlNode}s the way the server's loader
 * (go.uber.org/config over gopkg.in/yaml.v2) reads it: the first document only, {@code ~},
 * {@code null} and empty values as null, merge keys ({@code <<}) applied, and environment
 * variables expanded with the rules of go.uber.org/config's {@code Expand} option:
 * {@code $VAR}, {@code ${VAR}}, {@code ${VAR:default}}, {@code ${VAR:""}} for an empty
 * default, and {@code $$} for a literal dollar sign.
 */
final class YamlFiles {

    private static final Set<String> NULL_FORMS = Set.of("", "~", "null", "Null", "NULL");
    private static final int MAX_DEPTH = 200;

    private YamlFiles() {
    }

    /**
     * Parses {@code file}; returns null for a file without any document.
     *
     * @param environment variables for expansion; null turns expansion off
     * @param findings    receives duplicate keys and unset variables
     */
    static YamlNode parse(Path file, Map<String, String> environment, List<ConfigFinding> findings)
            throws CadenceConfigException {
        LoadSettings settings = LoadSettings.builder()
                .setLabel(file.toString())
                .setAllowDuplicateKeys(true)
                .build();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Iterator<Node> documents = new Compose(settings).composeAllFromReader(reader).iterator();
            if (!documents.hasNext()) {
                return null;
            }
            Node first = documents.next();
            // NOTE: yaml.v2's Decoder reads one document per call and the server calls it once, so
            // later documents are skipped without a word; they are not parsed here either.
            return new Converter(file, environment, findings).convert(first, 0);
        } catch (MarkedYamlEngineException e) {
            YamlLocation location = e.getProblemMark().or(e::getContextMark).map(mark -> location(file, mark)).orElse(null);
            String where = location == null ? file.toString() : location.toString();
            String problem = e.getProblem() == null ? e.getMessage() : e.getProblem();
            String context = e.getContext() == null ? "" : " (" + e.getContext() + ")";
            throw new CadenceConfigException(ConfigCode.YAML_SYNTAX, location, where + ": invalid YAML: " + problem + context
                    + ". Fix the file at that line and column; indentation must use spaces, and a value that contains \": \" or starts with a special character needs quotes.", e);
        } catch (YamlEngineException e) {
            throw new CadenceConfigException(ConfigCode.YAML_SYNTAX, null, file + ": invalid YAML: " + e.getMessage(), e);
        } catch (MalformedInputException e) {
            throw new CadenceConfigException(ConfigCode.YAML_SYNTAX, null, file + " is not UTF-8 text; save it as UTF-8.", e);
        } catch (IOException e) {
            throw new CadenceConfigException(ConfigCode.YAML_SYNTAX, null, file + " cannot be read: " + e.getMessage(), e);
        }
    }

    static YamlLocation location(Path file, Mark mark) {
        return new YamlLocation(file, mark.getLine() + 1, mark.getColumn() + 1);
    }

    /** Converts snakeyaml-engine nodes to YamlNodes for one file. */
    private static final class Converter {
        private final Path file;
        private final Map<String, String> environment;
        private final List<ConfigFinding> findings;

        Converter(Path file, Map<String, String> environment, List<ConfigFinding> findings) {
            this.file = file;
            this.environment = environment;
            this.findings = findings;
        }

        YamlNode convert(Node node, int depth) throws CadenceConfigException {
            YamlLocation location = locate(node);
            if (depth > MAX_DEPTH || node.isRecursive()) {
                throw new CadenceConfigException(ConfigCode.YAML_SYNTAX, location, location
                        + ": the YAML nests deeper than " + MAX_DEPTH + " levels or refers to itself through an alias; no Cadence configuration does.");
            }
            return switch (node) {
                case ScalarNode scalar -> scalar(scalar, location);
                case SequenceNode sequence -> {
                    List<YamlNode> items = new ArrayList<>();
                    for (Node item : sequence.getValue()) {
                        items.add(convert(item, depth + 1));
                    }
                    yield new YamlNode.Sequence(items, location);
                }
                case MappingNode mapping -> mapping(mapping, location, depth);
                default -> throw new CadenceConfigException(ConfigCode.YAML_SYNTAX, location,
                        location + ": unsupported YAML node " + node.getNodeType());
            };
        }

        private YamlNode scalar(ScalarNode scalar, YamlLocation location) {
            // The server expands variables in the raw text before parsing, so a plain value that
            // expands to "" or "null" is a null there; expanding first gives the same result.
            // NOTE: expansion here covers scalar values only, not keys or comments, and an
            // expanded value is never re-parsed as YAML syntax the way the server's text is.
            String text = environment == null ? scalar.getValue() : expand(scalar.getValue(), location);
            if (scalar.isPlain() && NULL_FORMS.contains(text)) {
                return new YamlNode.Null(location);
            }
            return new YamlNode.Scalar(text, scalar.isPlain(), location);
        }

        private YamlNode mapping(MappingNode mapping, YamlLocation location, int depth) throws CadenceConfigException {
            Map<String, YamlNode> entries = new LinkedHashMap<>();
            Map<String, YamlLocation> keyLocations = new LinkedHashMap<>();
            List<YamlNode.Mapping> mergedIn = new ArrayList<>();

            for (NodeTuple tuple : mapping.getValue()) {
                if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
                    continue;
                }
                String key = keyNode.getValue();
                YamlLocation keyLocation = locate(keyNode);
                YamlNode value = convert(tuple.getValueNode(), depth + 1);

                if (keyNode.isPlain() && "<<".equals(key)) {
                    collectMergeSources(value, mergedIn);
                    continue;
                }
                if (entries.containsKey(key)) {
                    findings.add(ConfigFinding.of(ConfigCode.YAML_DUPLICATE_KEY, "", keyLocation, key,
                            "The key \"" + key + "\" appears a second time in the same mapping (first at "
                                    + keyLocations.get(key) + "). Cadence loads its YAML in strict mode, which rejects duplicate keys, so the server does not start.",
                            "Delete one of the two \"" + key + "\" entries, or merge their contents."));
                    entries.remove(key);
                }
                entries.put(key, value);
                keyLocations.put(key, keyLocation);
            }

            // Explicit keys win over merged ones; earlier merge sources win over later ones.
            for (YamlNode.Mapping source : mergedIn) {
                for (Map.Entry<String, YamlNode> entry : source.entries().entrySet()) {
                    if (!entries.containsKey(entry.getKey())) {
                        entries.put(entry.getKey(), entry.getValue());
                        keyLocations.put(entry.getKey(), source.keyLocations().get(entry.getKey()));
                    }
                }
            }
            return new YamlNode.Mapping(entries, keyLocations, location);
        }

        private static void collectMergeSources(YamlNode value, List<YamlNode.Mapping> into) {
            if (value instanceof YamlNode.Mapping mapping) {
                into.add(mapping);
            } else if (value instanceof YamlNode.Sequence sequence) {
                for (YamlNode item : sequence.items()) {
                    if (item instanceof YamlNode.Mapping mapping) {
                        into.add(mapping);
                    }
                }
            }
        }

        private YamlLocation locate(Node node) {
            Optional<Mark> mark = node.getStartMark();
            return mark.map(m -> location(file, m)).orElse(new YamlLocation(file, 1, 1));
        }

        /** Expands variable references in one scalar with go.uber.org/config's rules. */
        private String expand(String text, YamlLocation location) {
            if (text.indexOf('$') < 0) {
                return text;
            }
            StringBuilder out = new StringBuilder(text.length());
            int i = 0;
            while (i < text.length()) {
                char c = text.charAt(i);
                if (c != '$' || i + 1 == text.length()) {
                    out.append(c);
                    i++;
                    continue;
                }
                char next = text.charAt(i + 1);
                if (next == '$') {
                    out.append('$');
                    i += 2;
                } else if (next == '{') {
                    int close = text.indexOf('}', i + 2);
                    if (close < 0) {
                        out.append(text, i, text.length());
                        break;
                    }
                    out.append(replace(text.substring(i + 2, close), location));
                    i = close + 1;
                } else if (isShellNameStart(next)) {
                    int end = i + 2;
                    while (end < text.length() && isShellNameChar(text.charAt(end))) {
                        end++;
                    }
                    out.append(replace(text.substring(i + 1, end), location));
                    i = end;
                } else {
                    out.append(c);
                    i++;
                }
            }
            return out.toString();
        }

        private String replace(String token, YamlLocation location) {
            int separator = token.indexOf(':');
            String name = separator < 0 ? token : token.substring(0, separator);
            String fallback = separator < 0 ? "" : token.substring(separator + 1);
            String value = environment.get(name);
            if (value != null) {
                return value;
            }
            if (fallback.isEmpty()) {
                findings.add(ConfigFinding.of(ConfigCode.YAML_ENV_VARIABLE_UNSET, "", location, name,
                        "The value refers to the environment variable " + name + ", which is not set, and gives no default. "
                                + "The server's loader stops with \"default is empty for \\\"" + name + "\\\"\", so the server does not start.",
                        "Set " + name + " in the server's environment, or write a default as ${" + name + ":value} (${" + name + ":\"\"} for an empty one)."));
                return "";
            }
            return "\"\"".equals(fallback) ? "" : fallback;
        }

        private static boolean isShellNameStart(char c) {
            return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        }

        private static boolean isShellNameChar(char c) {
            return isShellNameStart(c) || (c >= '0' && c <= '9');
        }
    }
}
