package io.wiretrace.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.EnumFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Builds the effective configuration: defaults ← YAML file ← {@code --set key=value} overrides,
 * merged as trees and bound once, so a misspelt key fails loudly ("Invalid config key ...")
 * instead of being ignored.
 */
public final class ConfigLoader {

    private static final ObjectMapper YAML = configure(new ObjectMapper(
            new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)));
    /** Canonical JSON: sorted keys, for the config hash. */
    private static final ObjectMapper CANONICAL = configure(JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY).build())
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private ConfigLoader() {}

    private static ObjectMapper configure(ObjectMapper m) {
        return m.setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                // Closed choices are enums, written in lower case ("bisecting_kmeans").
                .configure(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS, true)
                .configure(EnumFeature.WRITE_ENUMS_TO_LOWERCASE, true);
    }

    /**
     * @param yamlFile  a YAML file or null
     * @param overrides {@code key=value} strings in order; values are read as YAML scalars/lists
     */
    public static WiretraceConfig load(Path yamlFile, List<String> overrides) {
        ObjectNode tree = YAML.valueToTree(WiretraceConfig.defaults());
        if (yamlFile != null) {
            JsonNode file;
            try {
                file = YAML.readTree(Files.readString(yamlFile, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new ConfigException("Cannot read config file '" + yamlFile + "': " + e.getMessage(), e);
            }
            if (file != null && !file.isNull() && !file.isMissingNode()) {
                if (!file.isObject()) {
                    throw new ConfigException("Invalid config file '" + yamlFile + "': the top level must be a mapping");
                }
                merge(tree, (ObjectNode) file, "");
            }
        }
        for (String o : overrides) {
            applySet(tree, o);
        }
        return bind(tree).validate();
    }

    /** Sets one dotted key in a config tree: {@code input.format=csv}, {@code spark.conf.spark.ui.enabled=false}. */
    static void applySet(ObjectNode tree, String assignment) {
        int eq = assignment.indexOf('=');
        if (eq <= 0) {
            throw new ConfigException("Invalid --set '" + assignment + "': expected key=value");
        }
        String key = assignment.substring(0, eq).strip();
        String raw = assignment.substring(eq + 1);
        JsonNode value;
        try {
            value = raw.isEmpty() ? NullNode.getInstance() : YAML.readTree(raw);
            if (value == null || value.isMissingNode()) {
                value = NullNode.getInstance();
            }
        } catch (JsonProcessingException e) {
            throw new ConfigException("Invalid --set " + key + ": cannot read value '" + raw + "'");
        }
        String[] parts = key.split("\\.");
        ObjectNode node = tree;
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (path.length() > 0) {
                path.append('.');
            }
            path.append(parts[i]);
            boolean last = i == parts.length - 1;
            if (WiretraceConfig.MAP_KEYS.contains(path.toString()) && !last) {
                ObjectNode map = (ObjectNode) node.get(parts[i]);
                String mapKey = String.join(".", java.util.Arrays.copyOfRange(parts, i + 1, parts.length));
                map.set(mapKey, value.isValueNode() ? YAML.getNodeFactory().textNode(value.asText()) : value);
                return;
            }
            JsonNode child = node.get(parts[i]);
            if (child == null) {
                throw new ConfigException("Invalid config key '" + key + "': no such setting (see conf/wiretrace.yaml)");
            }
            if (last) {
                if (child.isObject() && !value.isObject()) {
                    throw new ConfigException("Invalid config key '" + key + "': it is a section; set one of its keys");
                }
                node.set(parts[i], value);
                return;
            }
            if (!child.isObject()) {
                throw new ConfigException("Invalid config key '" + key + "': '" + path + "' is not a section");
            }
            node = (ObjectNode) child;
        }
    }

    private static void merge(ObjectNode target, ObjectNode source, String prefix) {
        Iterator<Map.Entry<String, JsonNode>> it = source.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String path = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            JsonNode existing = target.get(e.getKey());
            if (existing == null && !WiretraceConfig.MAP_KEYS.contains(prefix)) {
                throw new ConfigException("Invalid config key '" + path + "': no such setting (see conf/wiretrace.yaml)");
            }
            if (existing != null && existing.isObject() && e.getValue().isObject()) {
                merge((ObjectNode) existing, (ObjectNode) e.getValue(), path);
            } else {
                target.set(e.getKey(), e.getValue());
            }
        }
    }

    private static WiretraceConfig bind(JsonNode tree) {
        try {
            return YAML.treeToValue(tree, WiretraceConfig.class);
        } catch (UnrecognizedPropertyException e) {
            throw new ConfigException("Invalid config key '" + path(e) + "': no such setting (see conf/wiretrace.yaml)");
        } catch (InvalidFormatException e) {
            if (e.getTargetType() != null && e.getTargetType().isEnum()) {
                @SuppressWarnings("unchecked")
                Class<? extends Enum<?>> type = (Class<? extends Enum<?>>) e.getTargetType();
                throw new ConfigException("Invalid " + path(e) + ": '" + e.getValue() + "' is not one of "
                        + WiretraceConfig.choices(type));
            }
            throw new ConfigException("Invalid " + path(e) + ": '" + e.getValue() + "' is not a valid "
                    + e.getTargetType().getSimpleName());
        } catch (MismatchedInputException e) {
            throw new ConfigException("Invalid " + path(e) + ": wrong type (expected "
                    + (e.getTargetType() == null ? "another type" : e.getTargetType().getSimpleName()) + ")");
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new ConfigException("Invalid configuration: " + e.getMessage(), e);
        }
    }

    private static String path(MismatchedInputException e) {
        return e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : String.valueOf(r.getIndex()))
                .collect(Collectors.joining("."));
    }

    /** The configuration as YAML (effective config in --dry-run and docs). */
    public static String toYaml(WiretraceConfig config) {
        try {
            return YAML.writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise configuration: " + e.getMessage(), e);
        }
    }

    /** The configuration as a JSON tree (for the manifest). */
    public static JsonNode toTree(WiretraceConfig config) {
        return CANONICAL.valueToTree(config);
    }

    /** SHA-256 of the canonical JSON form: equal configs hash equal whatever their source. */
    public static String hash(WiretraceConfig config) {
        try {
            byte[] json = CANONICAL.writeValueAsBytes(config);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot hash configuration: " + e.getMessage(), e);
        }
    }
}
