package io.wiretrace.core.ingest;

import io.wiretrace.config.WiretraceConfig;
import java.util.LinkedHashMap;

/** Mappers built from the default configuration, for parser tests. */
final class IngestFixtures {

    private IngestFixtures() {}

    static RecordMapper mapper() {
        return mapper(1_000_000);
    }

    static RecordMapper mapper(int maxTextChars) {
        WiretraceConfig.Input in = WiretraceConfig.defaults().input();
        return new RecordMapper(new RecordMapper.Settings(new LinkedHashMap<>(in.fieldAliases()), maxTextChars, 200,
                "UTC", null));
    }
}
