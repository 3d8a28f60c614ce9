package io.wiretrace.core.generate;

import static io.wiretrace.core.generate.StoryText.gaussian;
import static io.wiretrace.core.generate.StoryText.headline;
import static io.wiretrace.core.generate.StoryText.localParagraph;
import static io.wiretrace.core.generate.StoryText.paragraphs;
import static io.wiretrace.core.generate.StoryText.pick;
import static io.wiretrace.core.generate.StoryText.sentence;
import static io.wiretrace.core.generate.StoryText.titleCase;
import static io.wiretrace.core.generate.StoryText.typo;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wiretrace.core.outlet.OutletResolver;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes a synthetic scrape corpus with ground truth. Stories (wire stories or one outlet's
 * originals) are republished by simulated outlets with the edits real syndication shows: trimmed
 * paragraphs, new headlines, local intros and follow-ups, rewritten ledes, site boilerplate,
 * changed quote style, typos, wire credit lines; with lognormal pickup lags, mixed date formats,
 * exact re-scrapes and, on request, broken records. Everything derives from the seed: the same
 * settings write byte-identical files.
 *
 * <p>Layout: {@code DIR/articles/articles-NNNNN.jsonl} (the corpus to read) and {@code DIR/truth/}:
 * {@code stories.csv} (id,cluster), {@code topics.csv} (id,topic) and {@code articles.csv} (id,
 * story, topic, outlet, is_origin, edits).
 */
public final class CorpusGenerator {

    /**
     * What to generate. {@code base} is an optional JSON Lines corpus whose texts seed the stories;
     * {@code pages}: render each article as a scraped page (its outlet's chrome around the body,
     * stubs, paragraphs quoted from other stories; {@link ScrapedPages}) instead of clean text.
     */
    /** {@code days}: stories start over this many days from 2026-03-02 06:00 UTC (pickups may run later). */
    public record Settings(int articles, long seed, double noise, int articlesPerFile, Path base, boolean pages,
                           int days) {
        public Settings(int articles, long seed, double noise, int articlesPerFile, Path base, boolean pages) {
            this(articles, seed, noise, articlesPerFile, base, pages, DEFAULT_DAYS);
        }

        public Settings(int articles, long seed, double noise, int articlesPerFile, Path base) {
            this(articles, seed, noise, articlesPerFile, base, false);
        }
    }

    /** The span of story start times unless told otherwise. */
    public static final int DEFAULT_DAYS = 60;

    /** What was generated. */
    public record Summary(int articles, int records, int stories, int exactDuplicates, int brokenRecords, int outlets) {}

    private static final Instant EPOCH = Instant.parse("2026-03-02T06:00:00Z");
    private static final String[][] WIRES = {
            {"Associated Press", "apnews.example", "AP"},
            {"Reuters", "reuters.example", "Reuters"},
            {"Agence France-Presse", "afp.example", "AFP"}};

    private final Settings settings;
    private final List<String[]> outlets = new ArrayList<>();
    private final List<String[]> baseDocs = new ArrayList<>();
    private final ScrapedPages pages;
    /** A paragraph of the story made before the current one: what a page may quote from another story. */
    private String otherStoryParagraph;

    public CorpusGenerator(Settings settings) {
        this.settings = settings;
        this.pages = settings.pages() ? new ScrapedPages(settings.seed()) : null;
    }

    private record Story(String id, String topic, String title, List<String> paragraphs, String wireCredit,
                         String originOutlet, Instant originTime, String city) {}

    private record Article(String id, String storyId, String topic, String[] outlet, String url, String title,
                           String text, Instant publishedAt, Instant scrapedAt, boolean origin, String edits) {}

    public Summary generate(Path dir) throws IOException {
        if (settings.articles() < 1) {
            throw new IllegalArgumentException("Invalid --articles: must be at least 1");
        }
        if (settings.base() != null) {
            loadBase(settings.base());
        }
        Path articlesDir = dir.resolve("articles");
        Path truthDir = dir.resolve("truth");
        Files.createDirectories(articlesDir);
        Files.createDirectories(truthDir);
        SplittableRandom root = new SplittableRandom(settings.seed());
        makeOutlets(root.split());

        int written = 0;
        int records = 0;
        int stories = 0;
        int duplicates = 0;
        int broken = 0;
        int fileIndex = 0;
        int inFile = 0;
        OutputStream out = null;
        JsonFactory json = new JsonFactory();
        try (Writer stories_ = Files.newBufferedWriter(truthDir.resolve("stories.csv"));
             Writer topics = Files.newBufferedWriter(truthDir.resolve("topics.csv"));
             Writer truth = Files.newBufferedWriter(truthDir.resolve("articles.csv"))) {
            stories_.write("id,cluster\n");
            topics.write("id,topic\n");
            truth.write("id,story,topic,outlet,is_origin,edits\n");
            while (written < settings.articles()) {
                SplittableRandom rnd = new SplittableRandom(settings.seed() * 1_000_003L + stories);
                Story story = makeStory(rnd, stories);
                stories++;
                int size = storySize(rnd, settings.articles() - written);
                List<Article> copies = publish(story, size, rnd);
                otherStoryParagraph = story.paragraphs().get(story.paragraphs().size() / 2);
                for (Article a : copies) {
                    if (out == null || inFile >= settings.articlesPerFile()) {
                        if (out != null) {
                            out.close();
                        }
                        out = Files.newOutputStream(articlesDir.resolve(String.format("articles-%05d.jsonl", fileIndex++)));
                        inFile = 0;
                    }
                    int copiesOfRecord = rnd.nextDouble() < 0.01 ? 2 : 1;
                    for (int c = 0; c < copiesOfRecord; c++) {
                        Instant scraped = a.scrapedAt().plusSeconds(c * 86_400L);
                        writeRecord(json, out, a, c == 0 ? a.id() : a.id() + "-rescrape", scraped, rnd);
                        String rowId = c == 0 ? a.id() : a.id() + "-rescrape";
                        stories_.write(rowId + "," + a.storyId() + "\n");
                        topics.write(rowId + "," + a.topic() + "\n");
                        truth.write(rowId + "," + a.storyId() + "," + a.topic() + "," + a.outlet()[1] + ","
                                + a.origin() + "," + a.edits() + "\n");
                        records++;
                        inFile++;
                    }
                    duplicates += copiesOfRecord - 1;
                    written++;
                    if (settings.noise() > 0 && rnd.nextDouble() < settings.noise()) {
                        out.write(BrokenRecords.of(rnd, a.id(), a.title(), a.url()));
                        broken++;
                        records++;
                        inFile++;
                    }
                }
            }
        } finally {
            if (out != null) {
                out.close();
            }
        }
        return new Summary(written, records, stories, duplicates, broken, outlets.size());
    }

    private void loadBase(Path base) throws IOException {
        ObjectMapper m = new ObjectMapper();
        try (BufferedReader r = Files.newBufferedReader(base, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n = m.readTree(line);
                String text = n.path("text").asText("");
                if (text.isBlank()) {
                    continue;
                }
                baseDocs.add(new String[]{n.path("title").asText(""), text, n.path("topic").asText("base")});
            }
        }
        if (baseDocs.isEmpty()) {
            throw new IOException("Invalid --base '" + base + "': no records with text");
        }
    }

    private void makeOutlets(SplittableRandom rnd) {
        int n = Math.max(12, Math.min(500, settings.articles() / 40));
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String[] w : WIRES) {
            outlets.add(new String[]{w[0], w[1]});
            seen.add(w[0]);
        }
        while (outlets.size() < n + WIRES.length) {
            String name = "The " + pick(rnd, Lexicon.CITIES) + " " + pick(rnd, Lexicon.OUTLET_SUFFIX);
            if (seen.size() > 400 || !seen.add(name)) {
                name = name + " " + (outlets.size());
                seen.add(name);
            }
            String domain = OutletResolver.slug(name.substring(4)).replace("-", "") + ".example";
            outlets.add(new String[]{name, domain});
        }
    }

    private Story makeStory(SplittableRandom rnd, int index) {
        String id = String.format("s%07d", index);
        String city = pick(rnd, Lexicon.CITIES);
        boolean wire = rnd.nextDouble() < 0.6;
        String[] wireInfo = WIRES[rnd.nextInt(WIRES.length)];
        Instant time = EPOCH.plusSeconds(rnd.nextLong(settings.days() * 86_400L));
        String origin = wire ? wireInfo[1] : outlets.get(WIRES.length + rnd.nextInt(outlets.size() - WIRES.length))[1];
        if (!baseDocs.isEmpty()) {
            String[] doc = baseDocs.get(index % baseDocs.size());
            List<String> paras = new ArrayList<>();
            for (String p : doc[1].split("\n\\s*\n")) {
                if (!p.isBlank()) {
                    paras.add(p.strip());
                }
            }
            return new Story(id, doc[2], doc[0].isBlank() ? paras.get(0) : doc[0], paras, wire ? wireInfo[2] : null,
                    origin, time, city);
        }
        Lexicon.Topic topic = Lexicon.TOPICS.get(rnd.nextInt(Lexicon.TOPICS.size()));
        String lead = pick(rnd, Lexicon.FIRST) + " " + pick(rnd, Lexicon.LAST);
        String leadRole = pick(rnd, topic.roles());
        List<String> paras = paragraphs(rnd, topic, city, lead, leadRole);
        return new Story(id, topic.name(), headline(rnd, topic, city), paras, wire ? wireInfo[2] : null, origin, time, city);
    }

    private int storySize(SplittableRandom rnd, int remaining) {
        int size;
        if (rnd.nextDouble() < 0.45) {
            size = 1;
        } else {
            // Heavy tail: most stories reach a few outlets, a few reach dozens.
            double u = 1.0 - rnd.nextDouble();
            size = 2 + (int) Math.min(38, Math.floor(Math.pow(u, -1.0 / 1.3) - 1) * 2);
        }
        return Math.min(size, remaining);
    }

    private List<Article> publish(Story story, int size, SplittableRandom rnd) {
        List<Article> out = new ArrayList<>();
        List<String[]> pool = new ArrayList<>(outlets.subList(WIRES.length, outlets.size()));
        String[] originOutlet = outlets.stream().filter(o -> o[1].equals(story.originOutlet())).findFirst().orElseThrow();
        pool.remove(originOutlet);
        // The origin itself is in the corpus for outlet originals always, for wire stories half the time.
        boolean originInCorpus = story.wireCredit() == null || rnd.nextDouble() < 0.5 || size == 1;
        int made = 0;
        if (originInCorpus) {
            out.add(article(story, originOutlet, story.paragraphs(), story.title(), story.originTime(), true, "identical", rnd));
            made++;
        }
        while (made < size && !pool.isEmpty()) {
            String[] outlet = pool.remove(rnd.nextInt(pool.size()));
            long lagS = (long) Math.min(5 * 86_400.0, Math.exp(Math.log(3 * 3600.0) + 1.0 * gaussian(rnd)));
            Instant when = story.originTime().plusSeconds(Math.max(60, lagS));
            List<String> edits = new ArrayList<>();
            List<String> paras = new ArrayList<>(story.paragraphs());
            String title = story.title();
            if (paras.size() > 3 && rnd.nextDouble() < 0.3) {
                int keep = Math.max(2, (int) Math.round(paras.size() * (0.4 + 0.4 * rnd.nextDouble())));
                paras = new ArrayList<>(paras.subList(0, keep));
                edits.add("trimmed");
            }
            if (rnd.nextDouble() < 0.1) {
                paras.add(localParagraph(rnd, story.topic(), story.city()));
                edits.add("extended");
            }
            if (rnd.nextDouble() < 0.1) {
                paras.set(0, localParagraph(rnd, story.topic(), story.city()));
                edits.add("lede_rewritten");
            }
            if (rnd.nextDouble() < 0.15) {
                paras.add(0, "In " + story.city() + ", readers of " + outlet[0] + " have followed this closely. "
                        + localParagraph(rnd, story.topic(), story.city()));
                edits.add("local_intro");
            }
            if (rnd.nextDouble() < 0.35) {
                SplittableRandom h = rnd.split();
                Lexicon.Topic t = Lexicon.TOPICS.stream().filter(x -> x.name().equals(story.topic())).findFirst()
                        .orElse(Lexicon.TOPICS.get(0));
                title = headline(h, t, story.city());
                edits.add("headline_changed");
            } else if (rnd.nextDouble() < 0.3) {
                title = titleCase(title);
                edits.add("title_case");
            }
            if (rnd.nextDouble() < 0.4) {
                paras.replaceAll(StoryText::curlyQuotes);
                edits.add("quotes");
            }
            if (rnd.nextDouble() < 0.1) {
                int which = rnd.nextInt(paras.size());
                paras.set(which, typo(paras.get(which), rnd));
                edits.add("typos");
            }
            if (pages != null) {
                pageEdits(story, originOutlet, paras, edits, rnd);
            }
            if (rnd.nextDouble() < 0.4) {
                String year = Integer.toString(when.atZone(ZoneOffset.UTC).getYear());
                paras.add(pick(rnd, Lexicon.BOILERPLATE).replace("{OUTLET}", outlet[0]).replace("{Y}", year));
                edits.add("boilerplate");
            }
            if (edits.isEmpty()) {
                edits.add("identical");
            }
            out.add(article(story, outlet, paras, title, when, false, String.join("|", edits), rnd));
            made++;
        }
        return out;
    }

    private Article article(Story story, String[] outlet, List<String> paras, String title, Instant when, boolean origin,
                            String edits, SplittableRandom rnd) {
        List<String> body = new ArrayList<>(paras);
        if (story.wireCredit() != null && !outlet[1].equals(story.originOutlet()) && rnd.nextDouble() < 0.7) {
            String credit = story.wireCredit();
            switch (rnd.nextInt(3)) {
                case 0 -> body.set(0, story.city().toUpperCase(Locale.ROOT) + " (" + credit + ") \u2014 " + body.get(0));
                case 1 -> body.add(0, "By " + (credit.equals("AP") ? "The Associated Press" : credit));
                default -> body.add("Reporting by " + credit + ".");
            }
        }
        String slug = OutletResolver.slug(title);
        String id = "g-" + story.id().substring(1) + "-" + outlet[1].substring(0, outlet[1].indexOf('.'));
        String url = "https://www." + outlet[1] + "/" + DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC)
                .format(when) + "/" + (slug.length() > 60 ? slug.substring(0, 60) : slug);
        Instant scraped = when.plusSeconds(600 + rnd.nextInt(6 * 3600));
        String text = pages == null ? String.join("\n\n", body)
                : pages.render(outlet, title, body, when.atZone(ZoneOffset.UTC).getYear(), rnd);
        return new Article(id, story.id(), story.topic(), outlet, url, title, text, when, scraped, origin, edits);
    }

    /**
     * Edits only scraped pages show: a stub (the first paragraphs and a link to the full story)
     * and a paragraph quoted from another story (partial reuse: the pages stay different stories).
     */
    private void pageEdits(Story story, String[] originOutlet, List<String> paras, List<String> edits,
                           SplittableRandom rnd) {
        if (paras.size() > 3 && rnd.nextDouble() < 0.08) {
            int keep = 1 + rnd.nextInt(2);
            paras.subList(keep, paras.size()).clear();
            paras.add("Read the full story at " + originOutlet[0] + ".");
            edits.add("stub");
        }
        if (otherStoryParagraph != null && rnd.nextDouble() < 0.05) {
            paras.add(1 + rnd.nextInt(paras.size()), otherStoryParagraph);
            edits.add("quotes_other_story");
        }
    }

    private void writeRecord(JsonFactory json, OutputStream out, Article a, String id, Instant scraped,
                             SplittableRandom rnd) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream(a.text().length() + 512);
        try (JsonGenerator g = json.createGenerator(buf, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeStringField("id", id);
            g.writeStringField("url", a.url());
            // Outlets appear by name or by domain, as they do in real scrapes (each outlet always the same way).
            g.writeStringField("outlet", (a.outlet()[1].hashCode() & 7) < 2 ? a.outlet()[0] : a.outlet()[1]);
            g.writeStringField("title", a.title());
            g.writeStringField("text", a.text());
            if (rnd.nextDouble() >= 0.03) {
                double f = rnd.nextDouble();
                if (f < 0.7) {
                    g.writeStringField("published_at", a.publishedAt().toString());
                } else if (f < 0.8) {
                    g.writeStringField("published_at", a.publishedAt().atOffset(ZoneOffset.ofHours(2)).toString());
                } else if (f < 0.9) {
                    g.writeNumberField("published_at", a.publishedAt().toEpochMilli());
                } else {
                    g.writeStringField("published_at", DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                            .withZone(ZoneOffset.UTC).format(a.publishedAt()));
                }
            }
            g.writeStringField("scraped_at", scraped.toString());
            g.writeStringField("language", "en");
            g.writeEndObject();
        }
        buf.write('\n');
        buf.writeTo(out);
    }

    /** Writes a small text file (used for fixtures and sidecars). */
    public static void writeText(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(content);
        }
    }
}
