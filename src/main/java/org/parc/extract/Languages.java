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
        if (sample.strip().length() < 20) return null;
        LanguageDetector d = DETECTOR.get();
        d.reset();
        d.addText(sample);
        java.util.List<LanguageResult> all = d.detectAll();
        if (all.isEmpty() || all.get(0).isUnknown()) return null;
        LanguageResult top = all.get(0);
        // OpenNLP's raw scores are low on short texts: trust a clear lead over the runner-up instead.
        float second = all.size() > 1 ? all.get(1).getRawScore() : 0f;
        if (!top.isReasonablyCertain() && top.getRawScore() < 2 * second) return null;
        String code = top.getLanguage();
        int dash = code.indexOf('-');
        if (dash > 0) return null; // romanized variants ("hin-rom") have no plain BCP 47 tag
        return normalizeTag(ISO3_TO_1.getOrDefault(code, code));
    }

    /** OpenNLP answers in ISO 639-3; BCP 47 wants the 2-letter code where one exists. */
    private static final java.util.Map<String, String> ISO3_TO_1 = iso3to1();

    private static java.util.Map<String, String> iso3to1() {
        java.util.Map<String, String> m = new java.util.HashMap<>();
        for (String two : Locale.getISOLanguages()) {
            try {
                m.putIfAbsent(new Locale(two).getISO3Language(), two);
            } catch (java.util.MissingResourceException ignored) {
                // no 3-letter form known to this JVM
            }
        }
        m.put("zho", "zh");
        m.put("cmn", "zh");
        m.put("pes", "fa");
        m.put("arb", "ar");
        m.put("zsm", "ms");
        m.put("nob", "nb");
        m.put("ekk", "et");
        m.put("lvs", "lv");
        return m;
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
