package io.wiretrace.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Access to the real data sets in ../shared. Tests that use them are evaluation tests: they skip
 * cleanly where ../shared is absent (a fresh clone elsewhere) and run where it is present (CI).
 */
public final class SharedData {

    private SharedData() {}

    public static Path root() {
        String dir = System.getProperty("wiretrace.shared.dir");
        return Path.of(dir != null ? dir : "../shared").toAbsolutePath().normalize();
    }

    /** The file under ../shared, or a skipped test when it is not there. */
    public static Path require(String relative) {
        Path p = root().resolve(relative);
        Assumptions.assumeTrue(Files.exists(p), "evaluation data not present: " + p);
        return p;
    }
}
