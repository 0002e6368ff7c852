package fr.atelier.workshops.core;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Refuses offensive nicknames and team names (issue 15, item 4). A value: the server builds one
 * from the bundled lists plus the administrator's words and exceptions, and checks names at the
 * edge before the command reaches a decider (decision in docs/decisions.md, "(helper moderation)").
 *
 * <p>Matching is by whole words after normalisation, never by substring, so that "Conan",
 * "Bastien", "Cassandra" or "Scunthorpe" pass (the Scunthorpe problem). Normalisation: case and
 * accents folded, leetspeak undone (0→o 1→i 3→e 4→a 5→s 7→t @→a $→s), runs of three or more
 * equal letters cut to two ("connnnard"), letters spelt apart joined ("c.o.n.n.a.r.d",
 * "c o n n a r d"), the whole name read as one word ("Conn_ard"), and, for entries of five letters
 * or more, doubled letters read as single ("conard", "sallope"); a final s or x read as a plural.
 */
public final class NameFilter {
    public static final String CODE = "name_refused";
    /** Neutral on purpose: it does not repeat the word nor say why (the same for team names). */
    public static final String REFUSAL = "Ce pseudo n’est pas accepté ici. Choisissez-en un autre.";
    /** An entry this long (after doubled letters are read as single) also matches with letters doubled or not. */
    static final int LOOSE_MIN = 5;
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern LEET_WORD = Pattern.compile("[\\p{L}\\p{N}@$]+");
    private static final Pattern RUN3 = Pattern.compile("(.)\\1{2,}");
    private static final Pattern RUN2 = Pattern.compile("(.)\\1+");
    private static final String[] RESOURCES = {"moderation/ldnoobw-fr.txt", "moderation/ldnoobw-en.txt", "moderation/added.txt"};

    public static final NameFilter NONE = new NameFilter(Set.of(), Set.of(), Set.of(), 1);

    private final Set<String> exact;
    private final Set<String> loose;
    /** Entries with no letter or digit (emoji, symbols): matched inside the name. */
    private final Set<String> symbols;
    private final int maxWords;

    private NameFilter(Set<String> exact, Set<String> loose, Set<String> symbols, int maxWords) {
        this.exact = exact;
        this.loose = loose;
        this.symbols = symbols;
        this.maxWords = maxWords;
    }

    /** A filter refusing {@code words} (each a word or a phrase). */
    public static NameFilter of(Collection<String> words) {
        Set<String> exact = new HashSet<>();
        Set<String> loose = new HashSet<>();
        Set<String> symbols = new HashSet<>();
        int maxWords = 1;
        for (String w : words) {
            List<String> tokens = tokens(w);
            if (tokens.isEmpty()) {
                String s = Text.clean(w);
                if (!s.isEmpty()) {
                    symbols.add(s);
                }
                continue;
            }
            String phrase = String.join(" ", tokens);
            exact.add(phrase);
            maxWords = Math.max(maxWords, tokens.size());
            if (tokens.size() > 1) {
                exact.add(String.join("", tokens)); // "niquetamere"
            }
            String single = RUN2.matcher(String.join("", tokens)).replaceAll("$1");
            if (tokens.size() == 1 && single.length() >= LOOSE_MIN) {
                loose.add(single);
            }
        }
        return new NameFilter(Set.copyOf(exact), Set.copyOf(loose), Set.copyOf(symbols), maxWords);
    }

    /** The bundled lists (see {@code moderation/README.md}), with {@code added} refused too and {@code allowed} not refused. */
    public static NameFilter bundled(Collection<String> added, Collection<String> allowed) {
        return of(words(bundledWords(), added, allowed));
    }

    /** The entries of the bundled lists, less those in {@code not-refused.txt}. */
    public static List<String> bundledWords() {
        Set<String> notRefused = new HashSet<>();
        for (String n : read("moderation/not-refused.txt")) {
            notRefused.add(key(n));
        }
        List<String> out = new ArrayList<>();
        for (String resource : RESOURCES) {
            for (String w : read(resource)) {
                if (!notRefused.contains(key(w))) {
                    out.add(w);
                }
            }
        }
        return out;
    }

    /** {@code base} plus {@code added} less {@code allowed} (compared after normalisation). */
    public static List<String> words(Collection<String> base, Collection<String> added, Collection<String> allowed) {
        Set<String> allowedKeys = new HashSet<>();
        for (String a : allowed) {
            allowedKeys.add(key(a));
        }
        Set<String> out = new LinkedHashSet<>();
        for (String w : base) {
            if (!allowedKeys.contains(key(w))) {
                out.add(w);
            }
        }
        for (String w : added) {
            if (!allowedKeys.contains(key(w))) {
                out.add(w);
            }
        }
        return List.copyOf(out);
    }

    /** True when {@code name} holds a refused word or phrase. */
    public boolean refuses(String name) {
        if (name == null) {
            return false;
        }
        String cleaned = Text.clean(name);
        for (String s : symbols) {
            if (cleaned.contains(s)) {
                return true;
            }
        }
        List<String> tokens = tokens(cleaned);
        if (tokens.isEmpty()) {
            return false;
        }
        if (anyPhrase(tokens) || anyPhrase(joinSpeltApart(tokens)) || anyPhrase(singular(tokens))) {
            return true;
        }
        String whole = String.join("", tokens);
        if (exact.contains(whole)) {
            return true;
        }
        if (loose.isEmpty()) {
            return false;
        }
        for (String t : tokens) {
            if (loose.contains(RUN2.matcher(t).replaceAll("$1"))) {
                return true;
            }
        }
        for (String t : joinSpeltApart(tokens)) {
            if (loose.contains(RUN2.matcher(t).replaceAll("$1"))) {
                return true;
            }
        }
        return loose.contains(RUN2.matcher(whole).replaceAll("$1"));
    }

    /** The refusal for a name, or null when it is accepted. */
    public String problemWith(String name) {
        return refuses(name) ? REFUSAL : null;
    }

    /** How many words and phrases the filter refuses (for the administrator's page). */
    public int size() {
        return exact.size() + symbols.size();
    }

    private boolean anyPhrase(List<String> tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            StringBuilder phrase = new StringBuilder();
            for (int n = 0; n < maxWords && i + n < tokens.size(); n++) {
                if (n > 0) {
                    phrase.append(' ');
                }
                phrase.append(tokens.get(i + n));
                if (exact.contains(phrase.toString())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** French and English plurals: "enculés" is read as "enculé" too (words of four letters or more). */
    static List<String> singular(List<String> tokens) {
        List<String> out = new ArrayList<>(tokens.size());
        for (String t : tokens) {
            out.add(t.length() >= 4 && (t.endsWith("s") || t.endsWith("x")) ? t.substring(0, t.length() - 1) : t);
        }
        return out;
    }

    /** "c o n n a r d" → "connard": runs of two or more one-letter words become one word. */
    static List<String> joinSpeltApart(List<String> tokens) {
        List<String> out = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        int runLength = 0;
        for (String t : tokens) {
            if (t.length() == 1) {
                run.append(t);
                runLength++;
                continue;
            }
            flush(out, run, runLength);
            runLength = 0;
            out.add(t);
        }
        flush(out, run, runLength);
        return out;
    }

    private static void flush(List<String> out, StringBuilder run, int runLength) {
        if (runLength >= 2) {
            out.add(RUN3.matcher(run).replaceAll("$1$1"));
        } else if (runLength == 1) {
            out.add(run.toString());
        }
        run.setLength(0);
    }

    /** The normalised words of a name or list entry. */
    static List<String> tokens(String s) {
        String folded = MARKS.matcher(Normalizer.normalize(Text.clean(s), Normalizer.Form.NFD)).replaceAll("").toLowerCase(Locale.ROOT);
        // Leetspeak is read only in words that hold a letter ("c0nnard", "a55") or stand alone: a number stays a number,
        // so that "Visiteur 455" is not read as an insult (a number in the lists, "1488", is matched as written).
        StringBuilder b = new StringBuilder(folded.length());
        Matcher word = LEET_WORD.matcher(folded);
        int last = 0;
        while (word.find()) {
            b.append(folded, last, word.start());
            String w = word.group();
            // One character may be a letter spelt apart ("c 0 n n a r d"); two digits or more are a number.
            boolean leet = w.length() == 1 || w.codePoints().anyMatch(Character::isLetter);
            for (int i = 0; i < w.length(); i++) {
                b.append(leet ? unleet(w.charAt(i)) : w.charAt(i));
            }
            last = word.end();
        }
        b.append(folded, last, folded.length());
        List<String> out = new ArrayList<>();
        for (String t : NOT_WORD.split(b)) {
            if (!t.isEmpty()) {
                out.add(RUN3.matcher(t).replaceAll("$1$1"));
            }
        }
        return out;
    }

    /** The form two entries are compared in (for exceptions). */
    public static String key(String s) {
        return String.join(" ", tokens(s));
    }

    private static char unleet(char c) {
        return switch (c) {
            case '0' -> 'o';
            case '1' -> 'i';
            case '3' -> 'e';
            case '4', '@' -> 'a';
            case '5', '$' -> 's';
            case '7' -> 't';
            default -> c;
        };
    }

    private static List<String> read(String resource) {
        InputStream in = NameFilter.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing resource " + resource);
        }
        List<String> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                String t = line.strip();
                if (!t.isEmpty() && !t.startsWith("#")) {
                    out.add(t);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
