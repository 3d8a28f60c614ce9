package io.wiretrace.core.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2026-03-01T12:00:00Z|2026-03-01T12:00:00Z",
            "2026-03-01T14:00:00+02:00|2026-03-01T12:00:00Z",
            "2026-03-01T14:00:00+0200|2026-03-01T12:00:00Z",
            "2026-03-01 12:00:00|2026-03-01T12:00:00Z",
            "2026-03-01T12:00|2026-03-01T12:00:00Z",
            "2026-03-01|2026-03-01T00:00:00Z",
            "2026-03-01 12:00:00 UTC|2026-03-01T12:00:00Z",
            "Sun, 1 Mar 2026 12:00:00 GMT|2026-03-01T12:00:00Z",
            "1772366400000|2026-03-01T12:00:00Z",
            "1772366400|2026-03-01T12:00:00Z",
            "2026-03-01T12:00:00.250Z|2026-03-01T12:00:00.250Z"})
    void parsesCommonForms(String raw, String expected) {
        Timestamps.Parsed p = Timestamps.parse(raw, ZoneOffset.UTC);
        assertFalse(p.invalid(), raw);
        assertEquals(Instant.parse(expected), p.value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday-ish", "9999-12-31T00:00:00Z", "1899-12-31", "0001-01-01T00:00:00Z", "2026-13-45"})
    void rejectsUnparseableAndImplausibleValues(String raw) {
        Timestamps.Parsed p = Timestamps.parse(raw, ZoneOffset.UTC);
        assertTrue(p.invalid(), raw);
        assertNull(p.value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void blankIsAbsentNotInvalid(String raw) {
        Timestamps.Parsed p = Timestamps.parse(raw, ZoneOffset.UTC);
        assertFalse(p.invalid());
        assertNull(p.value());
    }

    @org.junit.jupiter.api.Test
    void localTimesUseTheConfiguredZoneAndNumbersAreEpochs() {
        assertEquals(Instant.parse("2026-03-01T11:00:00Z"),
                Timestamps.parse("2026-03-01 12:00:00", ZoneId.of("Europe/Berlin")).value());
        assertEquals(Instant.parse("2026-03-01T12:00:00Z"), Timestamps.parse(1772366400000L, ZoneOffset.UTC).value());
        assertFalse(Timestamps.parse(null, ZoneOffset.UTC).invalid());
    }
}
