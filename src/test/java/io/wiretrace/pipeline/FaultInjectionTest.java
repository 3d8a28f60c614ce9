package io.wiretrace.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;

/** Fault hooks are reachable from outside the JVM only together with the testing flag. */
class FaultInjectionTest {

    private static SparkConf withFaults() {
        return new SparkConf(false).set("spark." + FaultInjection.FAIL, "ingest")
                .set("spark." + FaultInjection.SLOW, "write:100");
    }

    @Test
    void faultSettingsWithoutTheTestingFlagAreIgnored() {
        assertTrue(FaultInjection.fromConf(withFaults(), false).isEmpty());
        assertTrue(FaultInjection.fromConf(withFaults().set("spark." + FaultInjection.TESTING, "false"), false).isEmpty());
    }

    @Test
    void faultSettingsWithTheTestingFlagAreApplied() {
        Map<String, String> expected = Map.of(FaultInjection.FAIL, "ingest", FaultInjection.SLOW, "write:100");
        assertEquals(expected, FaultInjection.fromConf(withFaults().set("spark." + FaultInjection.TESTING, "true"), false));
        assertEquals(expected, FaultInjection.fromConf(withFaults(), true));
        assertTrue(FaultInjection.fromConf(new SparkConf(false), true).isEmpty());
    }

    @Test
    void haltWithoutTheTestingFlagDoesNotHalt() {
        String before = System.getProperty(FaultInjection.HALT);
        System.setProperty(FaultInjection.HALT, "commit:1");
        try {
            for (int i = 0; i < 3; i++) {
                FaultInjection.maybeHalt("commit"); // with the flag this would end the test JVM at the first call
            }
        } finally {
            if (before == null) {
                System.clearProperty(FaultInjection.HALT);
            } else {
                System.setProperty(FaultInjection.HALT, before);
            }
        }
        assertTrue(!Boolean.getBoolean(FaultInjection.TESTING), "the test JVM runs without the testing flag");
    }
}
