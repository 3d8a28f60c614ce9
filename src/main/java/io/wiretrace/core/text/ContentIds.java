package io.wiretrace.core.text;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Content-derived identifiers. SHA-256 is used rather than a faster non-cryptographic hash because
 * these IDs are persisted and compared across runs, library versions and clusters for years: the
 * algorithm must never change and must be available everywhere.
 */
public final class ContentIds {

    /** Hex characters kept: 128 bits, collision-free for any corpus this job will see. */
    public static final int ID_HEX_CHARS = 32;

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot create SHA-256 digest: JVM lacks it", e);
        }
    });

    private ContentIds() {}

    /** ID of an article: its outlet key and its text in the matching form. */
    public static String articleId(String outletKey, String matchingText) {
        return hash("article", outletKey, matchingText);
    }

    /** Hash of parts separated unambiguously (a NUL byte cannot appear in cleaned text). */
    public static String hash(String kind, String... parts) {
        MessageDigest md = SHA256.get();
        md.reset();
        md.update(kind.getBytes(StandardCharsets.UTF_8));
        for (String p : parts) {
            md.update((byte) 0);
            if (p != null) {
                md.update(p.getBytes(StandardCharsets.UTF_8));
            }
        }
        return HexFormat.of().formatHex(md.digest()).substring(0, ID_HEX_CHARS);
    }
}
