package io.wiretrace.core.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Serializable;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/** One JSON Lines line → one {@link InputRecord}. */
public final class JsonLinesParser implements Serializable {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private final RecordMapper mapper;

    public JsonLinesParser(RecordMapper mapper) {
        this.mapper = mapper;
    }

    /** Returns null for a blank line (not a record). */
    public InputRecord parse(String sourceFile, String location, long ordinal, BoundedLineReader.Line line) {
        if (line.tooLong()) {
            return mapper.reject(sourceFile, location, ordinal, RejectReason.RECORD_TOO_LARGE,
                    "line has " + line.length() + " bytes", Utf8.decodeLenient(line.head()));
        }
        byte[] bytes = line.bytes();
        if (isBlank(bytes)) {
            return null;
        }
        String text = Utf8.decodeStrict(bytes);
        if (text == null) {
            return mapper.reject(sourceFile, location, ordinal, RejectReason.INVALID_UTF8, "bytes are not UTF-8",
                    Utf8.decodeLenient(line.head()));
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            return mapper.reject(sourceFile, location, ordinal, RejectReason.MALFORMED_JSON,
                    firstLine(e.getOriginalMessage()), text);
        }
        if (node == null || !node.isObject()) {
            return mapper.reject(sourceFile, location, ordinal, RejectReason.MALFORMED_JSON,
                    "line is not a JSON object", text);
        }
        return mapper.map(sourceFile, location, ordinal, fields(node), text);
    }

    static Map<String, Object> fields(JsonNode object) {
        Map<String, Object> out = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = object.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            Object value;
            if (v == null || v.isNull() || v.isMissingNode()) {
                value = null;
            } else if (v.isTextual()) {
                value = v.textValue();
            } else if (v.isNumber()) {
                value = v.numberValue();
            } else if (v.isBoolean()) {
                value = v.booleanValue();
            } else {
                value = new RecordMapper.NonScalar(v.toString());
            }
            out.put(e.getKey(), value);
        }
        return out;
    }

    private static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    static String firstLine(String s) {
        if (s == null) {
            return null;
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
