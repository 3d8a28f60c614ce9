package io.wiretrace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The shape the codebase keeps (issue 17): no source file over 400 lines, and no method over 60
 * lines in the pipeline and the command line, where a long method is a pipeline step that has
 * not been named. Lengths count from a method's first signature line to its closing brace.
 */
class CodeShapeTest {

    static final int MAX_CLASS_LINES = 400;
    static final int MAX_METHOD_LINES = 60;

    private static final Path MAIN = Path.of("src/main/java/io/wiretrace");
    private static final List<Path> ALL_SOURCES = List.of(MAIN, Path.of("src/bench/java"));
    private static final List<Path> METHOD_BOUND = List.of(MAIN.resolve("pipeline"), MAIN.resolve("cli"));

    /** A method or constructor body and where it starts and ends (1-based lines). */
    record Method(String name, int firstLine, int lastLine) {
        int lines() {
            return lastLine - firstLine + 1;
        }
    }

    @Test
    void noSourceFileOverTheClassBound() throws IOException {
        List<String> over = new ArrayList<>();
        for (Path f : javaFiles(ALL_SOURCES)) {
            int n = Files.readAllLines(f).size();
            if (n > MAX_CLASS_LINES) {
                over.add(f + " (" + n + " lines)");
            }
        }
        assertEquals(List.of(), over, "files over " + MAX_CLASS_LINES + " lines");
    }

    @Test
    void noMethodOverTheMethodBoundInPipelineAndCli() throws IOException {
        List<String> over = new ArrayList<>();
        int seen = 0;
        for (Path f : javaFiles(METHOD_BOUND)) {
            for (Method m : methods(Files.readString(f))) {
                seen++;
                if (m.lines() > MAX_METHOD_LINES) {
                    over.add(f + ":" + m.firstLine() + " " + m.name() + " (" + m.lines() + " lines)");
                }
            }
        }
        assertTrue(seen > 300, "the scanner found only " + seen + " methods: it no longer reads the sources");
        assertEquals(List.of(), over, "methods over " + MAX_METHOD_LINES + " lines");
    }

    @Test
    void scannerMeasuresMethodsPastBracesInStringsAndComments() {
        String src = """
                class A {
                    static final String S = "{";

                    @Override
                    public String toString() {
                        // a } in a comment
                        char c = '}';
                        return "}" + c;
                    }

                    record R(int x) {
                        R {
                            if (x < 0) {
                                throw new IllegalArgumentException("{");
                            }
                        }
                    }

                    <T> List<T> many(
                            int n) throws Exception {
                        Runnable r = () -> {
                        };
                        return null;
                    }
                }
                """;
        List<Method> ms = methods(src);
        assertEquals(List.of(new Method("toString", 5, 9), new Method("R", 12, 16), new Method("many", 19, 24)), ms);
    }

    private static List<Path> javaFiles(List<Path> roots) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path root : roots) {
            try (Stream<Path> s = Files.walk(root)) {
                s.filter(p -> p.toString().endsWith(".java")).sorted().forEach(out::add);
            }
        }
        return out;
    }

    private static final Pattern TYPE_HEADER = Pattern.compile("\\b(class|interface|enum|record)\\s+\\w+");
    private static final Pattern NAME_BEFORE_PAREN = Pattern.compile("(\\w+)\\s*(<[^()]*>)?\\s*\\(");

    /**
     * Method and constructor bodies directly inside a type body: a brace opened there whose header
     * (the text since the last ';', '{' or '}') is not a type declaration and is not a field
     * initialiser. Compact record constructors count too. Comments, strings and char literals are
     * blanked first so their braces do not count.
     */
    static List<Method> methods(String source) {
        String code = blankLiteralsAndComments(source);
        List<Method> out = new ArrayList<>();
        // Per open brace: 'T' type body, 'M' method body (with its start), 'O' anything else.
        Deque<Object[]> stack = new ArrayDeque<>();
        int headerStart = 0;
        int line = 1;
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '\n') {
                line++;
            } else if (c == '{') {
                String header = code.substring(headerStart, i);
                boolean inTypeBody = !stack.isEmpty() && stack.peek()[0].equals('T');
                char kind;
                if (TYPE_HEADER.matcher(header).find()) {
                    kind = 'T';
                } else if (inTypeBody && !header.contains("=")) {
                    kind = 'M';
                } else {
                    kind = 'O';
                }
                stack.push(new Object[] {kind, name(header), firstLine(code, headerStart, line, header)});
                headerStart = i + 1;
            } else if (c == '}') {
                Object[] open = stack.pop();
                if (open[0].equals('M')) {
                    out.add(new Method((String) open[1], (Integer) open[2], line));
                }
                headerStart = i + 1;
            } else if (c == ';') {
                headerStart = i + 1;
            }
        }
        return out;
    }

    /** The line of the header's first token that is not an annotation. */
    private static int firstLine(String code, int headerStart, int braceLine, String header) {
        int newlines = (int) header.chars().filter(ch -> ch == '\n').count();
        int line = braceLine - newlines;
        for (String l : header.split("\n", -1)) {
            String t = l.strip();
            if (!t.isEmpty() && !t.startsWith("@")) {
                return line;
            }
            line++;
        }
        return braceLine;
    }

    private static String name(String header) {
        Matcher m = NAME_BEFORE_PAREN.matcher(header);
        while (m.find()) {
            if (m.start() == 0 || header.charAt(m.start() - 1) != '@') { // an annotation's arguments are not the name
                return m.group(1);
            }
        }
        String[] words = header.strip().split("\\s+");
        return words[words.length - 1]; // a compact record constructor: just its name
    }

    /** The source with comments, string/char literals and text blocks replaced by spaces (newlines kept). */
    static String blankLiteralsAndComments(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            int end;
            if (s.startsWith("//", i)) {
                end = s.indexOf('\n', i);
                end = end < 0 ? s.length() : end;
            } else if (s.startsWith("/*", i)) {
                end = s.indexOf("*/", i + 2) + 2;
            } else if (s.startsWith("\"\"\"", i)) {
                end = s.indexOf("\"\"\"", i + 3) + 3;
            } else if (s.charAt(i) == '"' || s.charAt(i) == '\'') {
                char q = s.charAt(i);
                end = i + 1;
                while (s.charAt(end) != q) {
                    end += s.charAt(end) == '\\' ? 2 : 1;
                }
                end++;
            } else {
                out.append(s.charAt(i++));
                continue;
            }
            for (int k = i; k < end; k++) {
                out.append(s.charAt(k) == '\n' ? '\n' : ' ');
            }
            i = end;
        }
        return out.toString();
    }
}
