package io.wiretrace.core.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The generator's words: headlines and sentences drawn from the {@link Lexicon}, and the marks
 * copy editing leaves on a republished text (curly quotes, typos, title case). Every draw comes
 * from the caller's seeded random source, in the caller's order.
 */
final class StoryText {

    private StoryText() {}

    static String headline(SplittableRandom rnd, Lexicon.Topic topic, String city) {
        String n = pick(rnd, topic.nouns());
        String h;
        switch (rnd.nextInt(4)) {
            case 0 -> h = city + " " + pick(rnd, topic.verbs()) + " " + pick(rnd, Lexicon.ADJ) + " " + n + " " + pick(rnd, Lexicon.GENERAL);
            case 1 -> h = capital(pick(rnd, topic.orgs()).replaceFirst("^the ", "")) + " " + pick(rnd, topic.verbs()) + " " + n
                    + " in " + city;
            case 2 -> h = capital(pick(rnd, Lexicon.ADJ)) + " " + n + " " + pick(rnd, Lexicon.GENERAL) + " raises questions in " + city;
            default -> h = capital(n) + " " + pick(rnd, Lexicon.GENERAL) + " " + pick(rnd, topic.verbs()) + " after "
                    + pick(rnd, Lexicon.ADJ) + " " + pick(rnd, topic.nouns());
        }
        return capital(h);
    }

    static String sentence(SplittableRandom rnd, Lexicon.Topic topic, String city, String lead, String leadRole) {
        String t = pick(rnd, Lexicon.TEMPLATES);
        StringBuilder out = new StringBuilder(t.length() + 64);
        int i = 0;
        while (i < t.length()) {
            char c = t.charAt(i);
            if (c != '{') {
                out.append(c);
                i++;
                continue;
            }
            int close = t.indexOf('}', i);
            String slot = t.substring(i + 1, close);
            i = close + 1;
            String v = switch (slot) {
                case "P" -> rnd.nextDouble() < 0.5 ? lead : pick(rnd, Lexicon.FIRST) + " " + pick(rnd, Lexicon.LAST);
                case "L" -> rnd.nextDouble() < 0.6 ? lead.substring(lead.indexOf(' ') + 1) : pick(rnd, Lexicon.LAST);
                case "R" -> rnd.nextDouble() < 0.5 ? leadRole : pick(rnd, topic.roles());
                case "O" -> pick(rnd, topic.orgs());
                case "N", "N2", "N3" -> pick(rnd, topic.nouns());
                case "V" -> pick(rnd, topic.verbs());
                case "A" -> pick(rnd, Lexicon.ADJ);
                case "G" -> pick(rnd, Lexicon.GENERAL);
                case "C" -> rnd.nextDouble() < 0.7 ? city : pick(rnd, Lexicon.CITIES);
                case "W" -> pick(rnd, Lexicon.TIME);
                case "K" -> Integer.toString(2 + rnd.nextInt(480));
                default -> slot;
            };
            out.append(v);
        }
        return capital(out.toString());
    }

    static String curlyQuotes(String p) {
        StringBuilder sb = new StringBuilder(p.length());
        boolean open = true;
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == '"') {
                sb.append(open ? '\u201C' : '\u201D');
                open = !open;
            } else if (c == '\'') {
                sb.append('\u2019');
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    static String typo(String p, SplittableRandom rnd) {
        char[] c = p.toCharArray();
        for (int k = 0; k < 3; k++) {
            int i = 1 + rnd.nextInt(Math.max(1, c.length - 2));
            if (Character.isLetter(c[i]) && Character.isLetter(c[i - 1])) {
                char t = c[i];
                c[i] = c[i - 1];
                c[i - 1] = t;
            }
        }
        return new String(c);
    }

    static String titleCase(String t) {
        StringBuilder sb = new StringBuilder();
        for (String w : t.split(" ")) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(w.length() > 3 ? capital(w) : w);
        }
        return sb.toString();
    }

    static double gaussian(SplittableRandom rnd) {
        double u1 = 1.0 - rnd.nextDouble();
        double u2 = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    static <T> T pick(SplittableRandom rnd, List<T> list) {
        return list.get(rnd.nextInt(list.size()));
    }

    /** A story's body: 5 to 13 paragraphs of 2 to 4 sentences about {@code topic} in {@code city}. */
    static List<String> paragraphs(SplittableRandom rnd, Lexicon.Topic topic, String city, String lead, String leadRole) {
        int nParas = 5 + rnd.nextInt(9);
        List<String> paras = new ArrayList<>();
        for (int p = 0; p < nParas; p++) {
            int sentences = 2 + rnd.nextInt(3);
            StringBuilder sb = new StringBuilder();
            for (int s = 0; s < sentences; s++) {
                if (s > 0) {
                    sb.append(' ');
                }
                sb.append(sentence(rnd, topic, city, lead, leadRole));
            }
            paras.add(sb.toString());
        }
        return paras;
    }

    /** A paragraph an outlet adds of its own: two sentences on the story's topic, someone new speaking. */
    static String localParagraph(SplittableRandom rnd, String topic, String city) {
        // orElse draws its fallback topic either way: the draw is part of the seeded sequence.
        Lexicon.Topic t = Lexicon.TOPICS.stream().filter(x -> x.name().equals(topic)).findFirst()
                .orElse(Lexicon.TOPICS.get(rnd.nextInt(Lexicon.TOPICS.size())));
        String who = pick(rnd, Lexicon.FIRST) + " " + pick(rnd, Lexicon.LAST);
        return sentence(rnd, t, city, who, pick(rnd, t.roles())) + " " + sentence(rnd, t, city, who,
                pick(rnd, t.roles()));
    }
}
