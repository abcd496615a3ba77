package org.parc.extract.entities;

import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.pipeline.CoreEntityMention;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import org.parc.extract.Entity;
import org.parc.extract.EntityRecognizer;
import org.parc.extract.EntityType;
import org.parc.extract.Evidence;

/**
 * People, organizations and places in English text, found by Stanford CoreNLP 4.5.10's CRF
 * named-entity tagger and merged per article by {@link EntityMerger}.
 *
 * <p>Configuration chosen by measurement on the GUM news dev set (12 Wikinews articles, 238 gold
 * entities; EntitiesEval), with this merger, warm, CPU time of the calling thread (the machine was
 * shared, so wall times were 3-8x higher and noisy):
 * <pre>
 *   config (ner.model; SUTime, numeric classifiers off)   untyped P / R / F1      CPU ms/article
 *   english.all.3class            (chosen)                0.722 / 0.718 / 0.720    38-50
 *   english.conll.4class                                  0.627 / 0.735 / 0.677    41
 *   english.muc.7class                                    0.684 / 0.664 / 0.674    30
 *   3class+4class+7class, NORMAL (CoreNLP's default)      0.722 / 0.718 / 0.720    ~100
 *   3class+4class+7class, HIGH_RECALL                     0.641 / 0.756 / 0.694    78
 *   3class + pos,lemma annotators                         0.722 / 0.718 / 0.720    64
 *   default + fine-grained KBP regexner (+pos,lemma)      0.679 / 0.693 / 0.686    558 (load 8-44 s)
 * </pre>
 * Then {@code MentionRules} (pure Java, about 1-3 ms/article) and the merger, measured on the same set
 * (untyped P / R / F1): merger alone 0.722 / 0.718 / 0.720; + country/cue typing, known places,
 * org head words, nested places 0.723 / 0.735 / 0.729; + organization running into a person split,
 * admin1 short names 0.728 / 0.744 / 0.736; + nationality-prefixed and 3-word-prefix organization
 * short forms 0.738 / 0.744 / 0.741; ambiguous short names kept apart (not given to the nearest bearer)
 * 0.734 / 0.744 / 0.739; + organizations built on a head word ("Medical Journal of Australia"), nested
 * places need a head word (never "Mexico City" → Mexico) 0.740 / 0.752 / 0.746; + "Mountain View,
 * California" when the bare name does not identify the place 0.744 / 0.756 / 0.750; + a facility named
 * after a facility ("NTU Hospital Station") 0.746 / 0.765 / 0.755 (place 0.839); + a given name and one
 * more word tagged organization is a person: same untyped, person 0.693 → 0.705, organization 0.594 →
 * 0.605. Title stripping changed nothing on the set (it gives better keys). With all rules, 4class gives
 * 0.642 / 0.769 / 0.700 and 3+4+7class HIGH_RECALL 0.662 / 0.798 / 0.724 (72 ms CPU): 3class stays.
 * CPU with the rules: 39-47 ms/article (4.1 KB), i.e. about 50-57 ms per 5 KB.
 *
 * In NORMAL combination the first model decides PERSON/ORGANIZATION/LOCATION, so the others only
 * add types parc drops (MISC, dates); the distsim CRFs do not use POS tags. Hence the single 3class
 * model with tokenize and ssplit only: same quality, half the cost. Articles average 4.1 KB, so a
 * 5 KB article costs about 50 ms on one core; the model loads in 1-3.5 s (up to 8 s on a busy machine).
 *
 * The pipeline is built lazily on first use and shared: StanfordCoreNLP.annotate is safe to call
 * from several threads on separate documents (the CRF classifiers keep no per-call state), which
 * CoreNlpRecognizerTest checks against sequential runs.
 *
 * <p>Text that is not English (a language tag not starting with "en") gives no entities: the
 * shipped models are English only. A null language is taken as English.
 */
public final class CoreNlpRecognizer implements EntityRecognizer {
    /** The configuration parc uses. */
    public static final String DEFAULT_CONFIG = "3class";

    private static final CoreNlpRecognizer SHARED = new CoreNlpRecognizer(DEFAULT_CONFIG);

    private final String config;
    private final Properties props;
    private final EntityMerger merger;
    private final MentionRules rules = new MentionRules(PlaceNames.shipped(), PlaceGazetteer.shipped());
    private final Evidence evidence;
    private volatile StanfordCoreNLP pipeline;
    private volatile long loadMillis = -1;

    /** The process-wide recognizer; its models load on the first call of {@link #recognize}. */
    public static CoreNlpRecognizer shared() {
        return SHARED;
    }

    /** A recognizer with one of the measured configurations (see {@link #properties(String)}); for evaluation. */
    public static CoreNlpRecognizer withConfig(String config) {
        return config.equals(DEFAULT_CONFIG) ? SHARED : new CoreNlpRecognizer(config);
    }

    private CoreNlpRecognizer(String config) {
        this.config = config;
        this.props = properties(config);
        // The gazetteer only tells places apart here: linking is its own stage (GazetteerLinker),
        // with its own activity in the provenance.
        this.merger = new EntityMerger(Aliases.shipped(), Demonyms.INSTANCE, PlaceGazetteer.shipped());
        this.evidence = Evidence.of("corenlp", "Stanford CoreNLP 4.5.10 NER, " + config);
    }

    /**
     * Pipeline properties of a named configuration: "3class", "4class", "7class" (one CRF model each),
     * "all" (the three combined, CoreNLP's default) and "all-fine" (CoreNLP's default with fine-grained
     * regexner types); a "+pos" suffix adds the POS tagger and lemmatizer the default pipeline runs.
     */
    static Properties properties(String config) {
        boolean pos = config.endsWith("+pos");
        String base = pos ? config.substring(0, config.length() - 4) : config;
        Properties p = new Properties();
        p.setProperty("annotators", pos ? "tokenize,ssplit,pos,lemma,ner" : "tokenize,ssplit,ner");
        p.setProperty("tokenize.language", "en");
        p.setProperty("tokenize.options", "untokenizable=noneKeep,invertible=true");
        // news text here has one paragraph (or headline, or dateline) per line
        p.setProperty("ssplit.newlineIsSentenceBreak", "always");
        p.setProperty("ner.useSUTime", "false");
        p.setProperty("ner.applyNumericClassifiers", "false");
        p.setProperty("ner.buildEntityMentions", "true");
        p.setProperty("ner.docdate.usePresent", "false");
        if (!pos) p.setProperty("enforceRequirements", "false");
        String models = "edu/stanford/nlp/models/ner/";
        switch (base) {
            case "3class" -> p.setProperty("ner.model", models + "english.all.3class.distsim.crf.ser.gz");
            case "4class" -> p.setProperty("ner.model", models + "english.conll.4class.distsim.crf.ser.gz");
            case "7class" -> p.setProperty("ner.model", models + "english.muc.7class.distsim.crf.ser.gz");
            case "all", "all-fine", "all-recall" -> p.setProperty("ner.model", String.join(",",
                    models + "english.all.3class.distsim.crf.ser.gz",
                    models + "english.conll.4class.distsim.crf.ser.gz",
                    models + "english.muc.7class.distsim.crf.ser.gz"));
            default -> throw new IllegalArgumentException("unknown NER configuration " + config);
        }
        if (base.equals("all-recall")) p.setProperty("ner.combinationMode", "HIGH_RECALL");
        boolean fine = base.equals("all-fine");
        p.setProperty("ner.applyFineGrained", Boolean.toString(fine));
        p.setProperty("ner.fine.regexner.ignorecase", "false");
        return p;
    }

    @Override
    public List<Entity> recognize(String text, String language) {
        if (text == null || text.isBlank()) return List.of();
        if (language != null && !language.toLowerCase(Locale.ROOT).startsWith("en")) return List.of();
        return merger.merge(text, rules.apply(text, mentions(text)), evidence);
    }

    /**
     * Characters CoreNLP annotates at once. Each token it makes costs about a kilobyte of heap, so a
     * book-length text annotated whole (a 5-million-character report) would need gigabytes; in
     * pieces cut at line breaks, where sentences end anyway (ssplit.newlineIsSentenceBreak), the
     * mentions are the same and the heap holds one piece's tokens at a time.
     */
    static final int CHUNK_CHARS = 100_000;

    /** The raw typed mentions CoreNLP finds, before cleaning and merging. */
    public List<RawMention> mentions(String text) {
        return mentions(text, CHUNK_CHARS);
    }

    List<RawMention> mentions(String text, int chunkChars) {
        List<RawMention> out = new ArrayList<>();
        for (int from = 0; from < text.length(); ) {
            int to = chunkEnd(text, from, chunkChars);
            annotate(text.substring(from, to), from, out);
            from = to;
        }
        return out;
    }

    private void annotate(String chunk, int offset, List<RawMention> out) {
        if (chunk.isBlank()) return;
        CoreDocument doc = new CoreDocument(chunk);
        pipeline().annotate(doc);
        if (doc.entityMentions() == null) return;
        for (CoreEntityMention m : doc.entityMentions()) {
            EntityType t = type(m.entityType());
            if (t == null) continue;
            // CoreNLP adds pronouns ("He", "She") as PERSON mentions for its coreference: their tokens have no NER tag
            if (m.tokens().stream().allMatch(tok -> tok.ner() == null || tok.ner().equals("O"))) continue;
            int s = m.charOffsets().first, e = m.charOffsets().second;
            if (s >= 0 && e <= chunk.length() && s < e) out.add(new RawMention(t, offset + s, offset + e));
        }
    }

    /**
     * Where the piece of text starting at from ends: the whole rest when it is short enough, else
     * just after the last line break within max characters; failing that (one very long line) after
     * the last space, and failing that at max, never between the two halves of a surrogate pair.
     */
    static int chunkEnd(String text, int from, int max) {
        if (text.length() - from <= max) return text.length();
        int limit = from + max;
        int nl = text.lastIndexOf('\n', limit - 1);
        if (nl >= from) return nl + 1;
        int sp = text.lastIndexOf(' ', limit - 1);
        if (sp >= from) return sp + 1;
        return Character.isHighSurrogate(text.charAt(limit - 1)) ? limit - 1 : limit;
    }

    static EntityType type(String tag) {
        if (tag == null) return null;
        return switch (tag) {
            case "PERSON" -> EntityType.PERSON;
            case "ORGANIZATION" -> EntityType.ORGANIZATION;
            case "LOCATION", "CITY", "COUNTRY", "STATE_OR_PROVINCE" -> EntityType.PLACE;
            default -> null;
        };
    }

    /** Loads the models now if not yet loaded. */
    public void load() {
        pipeline();
    }

    /** Milliseconds the models took to load, or -1 before they are loaded. */
    public long loadMillis() {
        return loadMillis;
    }

    public String config() {
        return config;
    }

    private StanfordCoreNLP pipeline() {
        StanfordCoreNLP p = pipeline;
        if (p == null) {
            synchronized (this) {
                p = pipeline;
                if (p == null) {
                    long t0 = System.nanoTime();
                    p = new StanfordCoreNLP(props);
                    loadMillis = (System.nanoTime() - t0) / 1_000_000;
                    pipeline = p;
                }
            }
        }
        return p;
    }

    /** Adjectives and nouns of nationality, from CoreNLP's dcoref demonym list (folded), plus their plurals. */
    static final class Demonyms {
        // adherents of religions and their branches are adjectives of the same kind (parc's own list)
        private static final List<String> RELIGIOUS = List.of("Shiite", "Shi'ite", "Shia", "Shi'a", "Sunni",
                "Muslim", "Moslem", "Islamic", "Islamist", "Jihadist", "Salafi", "Salafist", "Wahhabi", "Alawite",
                "Druze", "Yazidi", "Ismaili", "Christian", "Catholic", "Protestant", "Evangelical", "Orthodox",
                "Anglican", "Lutheran", "Methodist", "Baptist", "Mormon", "Coptic", "Maronite", "Assyrian", "Chaldean",
                "Jewish", "Jew", "Hindu", "Sikh", "Buddhist", "Zoroastrian", "Baha'i");
        static final Set<String> INSTANCE = load();

        private static Set<String> load() {
            Set<String> out = new HashSet<>();
            try (InputStream in = CoreNlpRecognizer.class.getClassLoader()
                    .getResourceAsStream("edu/stanford/nlp/models/dcoref/demonyms.txt")) {
                if (in == null) return Set.of();
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String line; (line = r.readLine()) != null; ) {
                    if (line.startsWith("#")) continue;
                    String[] f = line.split("\t");
                    // column 0 is the place itself; the others are its demonyms
                    for (int i = 1; i < f.length; i++) {
                        String d = Names.fold(f[i]);
                        if (!d.isEmpty()) out.add(d);
                    }
                }
                // a demonym that is also a place name elsewhere in the list stays a place
                r.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            try (InputStream in = CoreNlpRecognizer.class.getClassLoader()
                    .getResourceAsStream("edu/stanford/nlp/models/dcoref/demonyms.txt")) {
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String line; (line = r.readLine()) != null; ) {
                    if (line.startsWith("#")) continue;
                    out.remove(Names.fold(line.split("\t")[0]));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            // adherents of religions and their branches are adjectives of the same kind (parc's own list)
            for (String w : RELIGIOUS) {
                out.add(Names.fold(w));
                out.add(Names.fold(w + "s"));
            }
            return Set.copyOf(out);
        }

    }
}
