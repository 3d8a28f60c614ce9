package io.wiretrace.core.syndication;

import io.wiretrace.core.syndication.StoryBuilder.Assignment;
import io.wiretrace.core.syndication.StoryBuilder.Doc;
import io.wiretrace.core.syndication.StoryBuilder.Pin;
import io.wiretrace.core.syndication.StoryBuilder.UnionFind;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The pinned stories of one story build (articles of earlier runs, {@link StoryBuilder.Pin}): the
 * pinned story of every core root, so that unions which would join two pinned stories are refused
 * (without pinned docs every union goes through, as plain union-find), and the assignment of new
 * members to a story an earlier run started.
 */
final class PinnedStories {
    private final List<Doc> docs;
    private final UnionFind cores;
    private final Pin[] byRoot;

    PinnedStories(List<Doc> docs, UnionFind cores) {
        this.docs = docs;
        this.cores = cores;
        this.byRoot = new Pin[docs.size()];
        Map<String, Integer> first = new HashMap<>();
        for (int i = 0; i < docs.size(); i++) {
            Pin p = docs.get(i).pin();
            if (p != null) {
                Integer j = first.putIfAbsent(p.storyId(), i);
                if (j != null) {
                    cores.union(i, j);
                }
                byRoot[cores.find(i)] = p;
            }
        }
    }

    /** Whether the cores of {@code a} and {@code b} may merge: not two different pinned stories. */
    boolean compatible(int a, int b) {
        Pin pa = byRoot[cores.find(a)];
        Pin pb = byRoot[cores.find(b)];
        return pa == null || pb == null || pa.storyId().equals(pb.storyId());
    }

    /** Unions the cores of {@code a} and {@code b} unless that would join two pinned stories. */
    boolean union(int a, int b) {
        if (!compatible(a, b)) {
            return false;
        }
        Pin p = byRoot[cores.find(a)] != null ? byRoot[cores.find(a)] : byRoot[cores.find(b)];
        cores.union(a, b);
        byRoot[cores.find(a)] = p;
        return true;
    }

    /**
     * The pinned story of a group of members, or null when none of them is pinned. Members
     * indexed before the story had an origin carry none: one that names it wins.
     */
    Pin of(List<Integer> members) {
        Pin found = null;
        for (int i : members) {
            Pin p = docs.get(i).pin();
            if (p != null && (found == null || found.originArticleId() == null && p.originArticleId() != null)) {
                found = p;
            }
        }
        return found;
    }

    /**
     * New members of a story an earlier run started: its id and origin stay. The edit kind is told
     * against the origin when it is among the docs, else against the earliest pinned member here
     * (the origin may be out of the index window or in another component).
     */
    static void assign(List<Integer> m, Pin pinned, List<Doc> docs, Assignment[] out) {
        Pin pin = pinned;
        if (pin.originArticleId() == null) {
            // No member had a time so far: the earliest new one with a time becomes the origin (an
            // origin is set once, never moved). The story id stays.
            Doc first = null;
            for (int i : m) {
                Doc d = docs.get(i);
                if (d.pin() == null && d.publishedAt() != null && (first == null || StoryBuilder.earlier(d, first))) {
                    first = d;
                }
            }
            if (first != null) {
                pin = new Pin(pin.storyId(), first.articleId(), first.publishedAt());
            }
        }
        Doc ref = null;
        for (int i : m) {
            Doc d = docs.get(i);
            if (d.pin() == null) {
                continue;
            }
            if (d.articleId().equals(pin.originArticleId())) {
                ref = d;
                break;
            }
            if (ref == null || StoryBuilder.earlier(d, ref)) {
                ref = d;
            }
        }
        for (int i : m) {
            Doc d = docs.get(i);
            if (d.pin() == null) {
                // The origin itself when it comes again (scraped again on a later date, same id).
                boolean isOrigin = d.articleId().equals(pin.originArticleId());
                out[i] = new Assignment(d.key(), d.articleId(), pin.storyId(), pin.originArticleId(), isOrigin,
                        ref == null || isOrigin ? null : StoryBuilder.editKind(d, ref), isOrigin ? Long.valueOf(0L)
                        : StoryBuilder.lag(d, pin.originPublishedAt()), pin.originPublishedAt());
            }
        }
    }
}
