package io.wiretrace.core.ingest;

import java.util.Locale;

/**
 * A reason of the output contract ({@code rejects.reason}, the manifest's skipped records): its
 * code is the enum constant's name in lower case, so a code cannot drift from its constant.
 */
public interface ReasonCode {

    /** The enum constant's name. */
    String name();

    /** What the reason means, for docs/schema.md and the report. */
    String description();

    /** The code written to the outputs. */
    default String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
