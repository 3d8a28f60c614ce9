package io.wiretrace.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wiretrace.testing.ChildJvm;
import io.wiretrace.testing.Lanes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The jar that spark-submit gets holds the product: no benchmarks, no test code. */
@Lanes.Integration
class ShadedJarIT {

    @Test
    void shadedJarHoldsTheProductOnly() throws Exception {
        Path jar;
        try (Stream<Path> files = Files.list(ChildJvm.projectDir().resolve("target"))) {
            List<Path> jars = files.filter(p -> p.getFileName().toString().matches("wiretrace-.*\\.jar")).toList();
            assertEquals(1, jars.size(), "one shaded jar in target/: " + jars);
            jar = jars.get(0);
        }
        try (JarFile jf = new JarFile(jar.toFile())) {
            assertNotNull(jf.getEntry("io/wiretrace/cli/Main.class"), "the entry point is packaged");
            List<String> strays = jf.stream().map(e -> e.getName())
                    .filter(n -> n.startsWith("io/wiretrace/bench/") || n.startsWith("io/wiretrace/testing/")
                            || n.endsWith("Test.class") || n.endsWith("IT.class"))
                    .toList();
            assertTrue(strays.isEmpty(), "benchmark or test classes in the shaded jar: " + strays);
        }
    }
}
