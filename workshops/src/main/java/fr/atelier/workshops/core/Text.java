package fr.atelier.workshops.core;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Text rules shared by every format: trimming, size checks, comparison without case or accents. */
public final class Text {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n]]");

    private Text() {}

    /** Lower case, no accents, single spaces: "  Élodie " and "elodie" compare equal. */
    public static String foldForComparison(String s) {
        String noMarks = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
        return SPACES.matcher(noMarks.toLowerCase(Locale.ROOT).trim()).replaceAll(" ");
    }

    /** Trims and removes control characters (keeps new lines). */
    public static String clean(String s) {
        return s == null ? "" : CONTROL.matcher(Normalizer.normalize(s, Normalizer.Form.NFC)).replaceAll("").strip();
    }

    public static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
