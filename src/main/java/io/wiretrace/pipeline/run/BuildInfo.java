package io.wiretrace.pipeline.run;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Version and git commit baked into the jar at build time. */
public final class BuildInfo {

    private static final Properties PROPS = new Properties();

    static {
        try (InputStream in = BuildInfo.class.getResourceAsStream("/wiretrace-build.properties")) {
            if (in != null) {
                PROPS.load(in);
            }
        } catch (IOException ignored) {
            // Unknown version is reported as such.
        }
    }

    private BuildInfo() {}

    public static String version() {
        return value("version");
    }

    /** Abbreviated commit, with "-dirty" when the build had uncommitted changes. */
    public static String gitCommit() {
        String c = value("git.commit");
        return "true".equals(PROPS.getProperty("git.dirty")) && !c.equals("unknown") ? c + "-dirty" : c;
    }

    private static String value(String key) {
        String v = PROPS.getProperty(key);
        return v == null || v.isBlank() || v.startsWith("${") ? "unknown" : v;
    }
}
