package fr.atelier.workshops.core;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Text rules shared by every format: trimming, size checks, comparison without case or accents. */
public final class Text {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n]]");
    /** Zero-width characters that would make two nicknames look alike but compare different. */
    private static final Pattern INVISIBLE = Pattern.compile("[\\u200B-\\u200D\\u2060\\uFEFF\\u00AD]");
    /** Non-breaking and other Unicode spaces (a French keyboard types U+00A0 easily). */
    private static final Pattern UNICODE_SPACES = Pattern.compile("[\\p{Zs}&&[^ ]]");
    private static final Pattern LINE_SEPARATORS = Pattern.compile("[\\u2028\\u2029]");

    private Text() {}

    /** Lower case, no accents, single spaces: "  Élodie " and "elodie" compare equal. */
    public static String foldForComparison(String s) {
        String noMarks = MARKS.matcher(Normalizer.normalize(clean(s), Normalizer.Form.NFD)).replaceAll("");
        return SPACES.matcher(noMarks.toLowerCase(Locale.ROOT).trim()).replaceAll(" ");
    }

    /** Trims and removes control characters (keeps new lines). */
    public static String clean(String s) {
        if (s == null) {
            return "";
        }
        String t = Normalizer.normalize(s, Normalizer.Form.NFC);
        t = LINE_SEPARATORS.matcher(t).replaceAll("\n");
        t = CONTROL.matcher(t).replaceAll("");
        t = INVISIBLE.matcher(t).replaceAll("");
        t = UNICODE_SPACES.matcher(t).replaceAll(" ");
        return t.strip();
    }

    public static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
