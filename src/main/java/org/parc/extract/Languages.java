package org.parc.extract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Set;
import org.apache.tika.langdetect.opennlp.OpenNLPDetector;
import org.apache.tika.language.detect.LanguageDetector;
import org.apache.tika.language.detect.LanguageResult;

/**
 * BCP 47 language tags: cleaning declared ones, detecting the rest. Detection is Tika's OpenNLP
 * detector; on short texts, where its scores spread thin over a hundred languages, a count of
 * very common function words decides, and only when one language clearly leads.
 */
public final class Languages {
    private static final int SAMPLE_CHARS = 20_000;

    private Languages() {}

    /** A well-formed BCP 47 tag from a declaration like "en_US", "EN-us" or "en-US,fr"; null if none. */
    public static String normalizeTag(String declared) {
        if (declared == null) return null;
        String s = declared.strip();
        int cut = s.indexOf(',');
        if (cut >= 0) s = s.substring(0, cut).strip();
        cut = s.indexOf(';');
        if (cut >= 0) s = s.substring(0, cut).strip();
        s = s.replace('_', '-');
        if (s.isEmpty() || s.equalsIgnoreCase("und") || s.equals("*")) return null;
        try {
            Locale l = new Locale.Builder().setLanguageTag(s).build();
            String tag = l.toLanguageTag();
            return tag.equals("und") ? null : tag;
        } catch (IllformedLocaleException e) {
            return null;
        }
    }

    /** The detected language as a BCP 47 tag, or null when the text does not say clearly. */
    public static String detect(String text) {
        Found<String> f = detectWithEvidence(text);
        return f == null ? null : f.value();
    }

    /** The detected language with the detector that decided it (tika-opennlp or function-words). */
    public static Found<String> detectWithEvidence(String text) {
        if (text == null) return null;
        String sample = text.length() > SAMPLE_CHARS ? text.substring(0, SAMPLE_CHARS) : text;
        if (sample.codePoints().filter(Character::isLetter).count() < 20) return null;
        LanguageDetector d = DETECTOR.get();
        d.reset();
        d.addText(sample);
        List<LanguageResult> rs = d.detectAll();
        if (!rs.isEmpty() && !rs.get(0).isUnknown()) {
            float top = rs.get(0).getRawScore();
            float second = rs.size() > 1 ? rs.get(1).getRawScore() : 0f;
            if (top >= 0.08f && top >= 3 * second) {
                String tag = bcp47(rs.get(0).getLanguage());
                if (tag != null) return Found.of(tag, "language-detection", "tika-opennlp");
            }
        }
        String byWords = functionWords(sample);
        return byWords == null ? null : Found.of(byWords, "language-detection", "function-words");
    }

    /** "eng" → "en", "hin-rom" → "hi-Latn", "cmn" → "zh". */
    public static String bcp47(String code) {
        if (code == null) return null;
        String c = code.toLowerCase(Locale.ROOT);
        String script = null;
        if (c.endsWith("-rom")) {
            c = c.substring(0, c.length() - 4);
            script = "Latn";
        }
        c = ISO3_TO_1.getOrDefault(c, c);
        return normalizeTag(script == null ? c : c + "-" + script);
    }

    /** Very common words, by language: enough to tell short news texts apart. */
    private static final Map<String, Set<String>> FUNCTION_WORDS = Map.of(
            "en", Set.of("the", "of", "and", "to", "in", "is", "was", "for", "on", "with", "that", "by", "after", "from", "at", "its", "are", "were", "has", "have"),
            "fr", Set.of("le", "la", "les", "des", "et", "du", "une", "est", "dans", "pour", "que", "qui", "sur", "au", "aux", "par", "pas", "avec", "après"),
            "de", Set.of("der", "die", "das", "und", "den", "von", "zu", "mit", "ist", "im", "dem", "nicht", "ein", "eine", "auf", "für", "sich", "nach"),
            "es", Set.of("el", "los", "las", "del", "y", "que", "en", "por", "con", "una", "para", "es", "se", "al", "fue", "tras", "como"),
            "it", Set.of("il", "di", "che", "della", "e", "per", "gli", "una", "sono", "nel", "con", "dopo", "alla", "delle", "dei"),
            "pt", Set.of("o", "os", "da", "do", "das", "dos", "que", "em", "uma", "para", "com", "não", "foi", "ao", "após"),
            "nl", Set.of("de", "het", "een", "en", "van", "is", "dat", "op", "te", "voor", "niet", "met", "zijn", "werd", "na"));

    private static String functionWords(String text) {
        Map<String, Integer> hits = new HashMap<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
            if (w.isEmpty()) continue;
            for (var e : FUNCTION_WORDS.entrySet()) {
                if (e.getValue().contains(w)) hits.merge(e.getKey(), 1, Integer::sum);
            }
        }
        String best = null;
        int top = 0, second = 0;
        for (var e : hits.entrySet()) {
            if (e.getValue() > top) {
                second = top;
                top = e.getValue();
                best = e.getKey();
            } else if (e.getValue() > second) {
                second = e.getValue();
            }
        }
        return top >= 4 && top >= 2 * second ? best : null;
    }

    // Detectors keep per-call state: one per thread.
    private static final ThreadLocal<LanguageDetector> DETECTOR = ThreadLocal.withInitial(() -> {
        LanguageDetector d = new OpenNLPDetector();
        try {
            d.loadModels();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return d;
    });

    /** OpenNLP answers in ISO 639-3; BCP 47 wants the 2-letter code where one exists. */
    private static final Map<String, String> ISO3_TO_1 = iso3to1();

    private static Map<String, String> iso3to1() {
        Map<String, String> m = new HashMap<>();
        for (String two : Locale.getISOLanguages()) {
            try {
                m.putIfAbsent(Locale.forLanguageTag(two).getISO3Language(), two);
            } catch (MissingResourceException ignored) {
                // no 3-letter form known to this JVM
            }
        }
        m.put("cmn", "zh");
        m.put("pes", "fa");
        m.put("arb", "ar");
        m.put("zsm", "ms");
        m.put("nob", "nb");
        m.put("ekk", "et");
        m.put("lvs", "lv");
        return m;
    }
}
