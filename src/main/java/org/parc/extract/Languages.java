package org.parc.extract;

import java.util.IllformedLocaleException;
import java.util.Locale;
import org.apache.tika.langdetect.opennlp.OpenNLPDetector;
import org.apache.tika.language.detect.LanguageDetector;
import org.apache.tika.language.detect.LanguageResult;

/** BCP 47 language tags: cleaning declared ones, detecting the rest with Tika's detector. */
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

    /** Detected language of a text as a BCP 47 primary tag, or null when the detector is unsure. */
    public static String detect(String text) {
        String sample = text.length() > SAMPLE_CHARS ? text.substring(0, SAMPLE_CHARS) : text;
        LanguageResult r = DETECTOR.get().detect(sample);
        if (r == null || r.isUnknown() || r.getRawScore() < 0.5f && !r.isReasonablyCertain()) return null;
        return normalizeTag(r.getLanguage());
    }

    // Detectors keep per-call state: one per thread.
    private static final ThreadLocal<LanguageDetector> DETECTOR = ThreadLocal.withInitial(() -> {
        LanguageDetector d = new OpenNLPDetector();
        try {
            d.loadModels();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return d;
    });
}
