package org.parc.extract.meta;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.tika.langdetect.opennlp.OpenNLPDetector;
import org.apache.tika.language.detect.LanguageDetector;
import org.apache.tika.language.detect.LanguageResult;

/**
 * Language detection with Tika's OpenNLP detector, judged by the margin over the runner-up.
 * OpenNLP spreads probability over ~100 languages, so even clear English scores ~0.25: an
 * absolute threshold rejects it; a top score several times the second one is the useful signal.
 */
final class LanguageGuess {
    private static final int SAMPLE_CHARS = 20_000;
    private static final Map<String, String> ISO3_TO_2 = new HashMap<>();

    static {
        for (String two : Locale.getISOLanguages()) {
            try {
                ISO3_TO_2.put(Locale.forLanguageTag(two).getISO3Language(), two);
            } catch (java.util.MissingResourceException ignored) {
                // no three-letter code known for it
            }
        }
    }

    private LanguageGuess() {}

    private static final ThreadLocal<LanguageDetector> DETECTOR = ThreadLocal.withInitial(() -> {
        LanguageDetector d = new OpenNLPDetector();
        try {
            d.loadModels();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return d;
    });

    /** BCP 47 tag of the text's language, or null when the text is short or the detector unsure. */
    static String detect(String text) {
        if (text == null) return null;
        String sample = text.length() > SAMPLE_CHARS ? text.substring(0, SAMPLE_CHARS) : text;
        if (sample.codePoints().filter(Character::isLetter).count() < 40) return null;
        LanguageDetector d = DETECTOR.get();
        d.reset();
        d.addText(sample);
        List<LanguageResult> rs = d.detectAll();
        if (rs.isEmpty() || rs.get(0).isUnknown()) return null;
        float top = rs.get(0).getRawScore();
        float second = rs.size() > 1 ? rs.get(1).getRawScore() : 0f;
        if (top < 0.08f || top < 3 * second) return null;
        return bcp47(rs.get(0).getLanguage());
    }

    /** "eng" -> "en", "hin-rom" -> "hi-Latn", "cmn" -> "zh". */
    static String bcp47(String code) {
        if (code == null) return null;
        String c = code.toLowerCase(Locale.ROOT);
        String script = null;
        if (c.endsWith("-rom")) {
            c = c.substring(0, c.length() - 4);
            script = "Latn";
        }
        if (c.equals("cmn")) c = "zh";
        c = ISO3_TO_2.getOrDefault(c, c);
        String tag = HtmlRules.tag(script == null ? c : c + "-" + script);
        return tag;
    }
}
