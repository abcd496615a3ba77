package org.parc.extract.entities;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.parc.extract.Entity;
import org.parc.extract.EntityType;
import org.parc.extract.Evidence;
import org.parc.extract.Mention;
import org.parc.extract.Span;
import org.parc.rdf.Iris;

/**
 * Turns raw typed name occurrences of one article into entities: cleans each span (no leading
 * "the", no possessive), drops demonyms, groups the names used for one thing, finds the
 * unlabelled repeats of those names, and picks the fullest name. Pure Java, no models; thread-safe.
 *
 * <p>Names are grouped when they are the same after folding case, diacritics and punctuation;
 * aliases in a shipped table (US, U.S., America → United States); an acronym and the name whose
 * initials it spells (IS → Islamic State), or an acronym given in parentheses right after a name
 * (Islamic State (ISIS/ISIL)); spelling or transliteration variants with the same words otherwise
 * (Moeen/Muen al-Kadhimi); and, within one type, a person's surname or an organization's leading
 * or trailing words (Maliki → Nouri al-Maliki, Scientology → Church of Scientology). A short name
 * that fits several people is kept apart, its candidates named in its evidence.
 */
public final class EntityMerger {
    private static final Pattern PAREN = Pattern.compile("\\s{0,2}\\(\\s*([^()\\n]{1,60}?)\\s*\\)");
    private static final Pattern ALIAS_PART = Pattern.compile("[^/,;]+");
    private static final Set<String> KEEP_DOT = Set.of("jr.", "sr.", "inc.", "co.", "ltd.", "corp.", "st.", "bros.");

    private final Aliases aliases;
    private final Set<String> demonyms;
    private final PlaceGazetteer gazetteer;

    /**
     * @param aliases   alias table
     * @param demonyms  folded adjectives and nouns of nationality ("iraqi", "russians"), never places
     * @param gazetteer known places, to tell a short name that is a place of its own ("Sudan" beside
     *                  "South Sudan") from one that is not ("Korea"); linking is GazetteerLinker's stage
     */
    public EntityMerger(Aliases aliases, Set<String> demonyms, PlaceGazetteer gazetteer) {
        this.aliases = aliases;
        this.demonyms = Set.copyOf(demonyms);
        this.gazetteer = gazetteer;
    }

    /** One name as written, with its occurrences and the types the recognizer gave them. */
    /** Where the earliest of these forms' mentions starts. */
    private static int firstAt(List<Form> forms) {
        int min = Integer.MAX_VALUE;
        for (Form f : forms) for (Span sp : f.spans) min = Math.min(min, sp.start());
        return min;
    }

    private static final class Form {
        final String text;
        final String folded;
        final List<String> words;
        final List<Span> spans = new ArrayList<>();
        final Map<EntityType, Integer> votes = new EnumMap<>(EntityType.class);
        /** Why this form joined its group, for the identity evidence; null for the group's own name. */
        String why;
        /** Set when the form could belong to several entities and was kept apart. */
        String ambiguous;

        /** The alias table's name for this form (null if none) and its folded form: the grouping rules compare every pair of forms. */
        final String canonical;
        final String canonicalFolded;

        Form(String text, Aliases aliases) {
            this.text = text;
            this.folded = Names.fold(text);
            this.words = Names.foldedWords(text);
            this.canonical = aliases.canonical(text);
            this.canonicalFolded = canonical == null ? null : Names.fold(canonical);
        }

        /** The type most votes gave it, the first declared on a tie (a loop: asked for every pair of forms). */
        EntityType type() {
            EntityType best = EntityType.ORGANIZATION;
            int most = 0;
            for (Map.Entry<EntityType, Integer> e : votes.entrySet()) { // in declaration order
                if (e.getValue() > most) {
                    most = e.getValue();
                    best = e.getKey();
                }
            }
            return best;
        }


        int first() {
            return spans.stream().mapToInt(Span::start).min().orElse(Integer.MAX_VALUE);
        }
    }

    /**
     * Entities of one article.
     *
     * @param text     the article text the offsets refer to
     * @param raw      what the recognizer found, in any order, possibly overlapping
     * @param evidence how the names were recognized
     */
    public List<Entity> merge(String text, Collection<RawMention> raw, Evidence evidence) {
        List<RawMention> clean = clean(text, raw);
        Map<String, String> parenLinks = new HashMap<>();
        clean = addParenthesized(text, clean, parenLinks);
        Map<String, Form> forms = new LinkedHashMap<>();
        for (RawMention m : clean) {
            String s = text.substring(m.start(), m.end());
            Form f = forms.computeIfAbsent(s, k -> new Form(k, aliases));
            f.spans.add(new Span(m.start(), m.end()));
            f.votes.merge(m.type(), 1, Integer::sum);
        }
        List<Form> list = new ArrayList<>(forms.values());
        // fullest first: more words, then longer
        list.sort(Comparator.comparing((Form f) -> -f.words.size()).thenComparing(f -> -f.text.length())
                .thenComparing(Form::first));
        int n = list.size();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) parent[i] = i;

        // strong, type-independent rules
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                String why = strongSame(list.get(i), list.get(j));
                if (why != null && find(parent, i) != find(parent, j)) {
                    union(parent, i, j);
                    list.get(j).why = why;
                }
            }
        }
        // acronyms given in parentheses after a name
        for (Map.Entry<String, String> e : parenLinks.entrySet()) {
            int a = indexOf(list, e.getKey()), b = indexOf(list, e.getValue());
            if (a >= 0 && b >= 0 && find(parent, a) != find(parent, b)) {
                union(parent, a, b);
                list.get(a).why = "acronym in parentheses after " + e.getValue();
            }
        }
        // partial names: a shorter form whose words are the end (or, for organizations, the start) of longer forms
        for (int j = 0; j < n; j++) {
            Form s = list.get(j);
            EntityType t = s.type();
            List<Integer> candidates = new ArrayList<>();
            for (int i = 0; i < j; i++) {
                Form l = list.get(i);
                if (find(parent, i) == find(parent, j) || l.words.size() <= s.words.size()) continue;
                if (partOf(s, l, t)) candidates.add(i);
            }
            if (candidates.isEmpty() && t == EntityType.PERSON && s.words.size() == 1) {
                // a given name alone ("Daniel" after "Daniel Montalvo"), only when one person bears it
                Set<Integer> bearers = new TreeSet<>();
                for (int i = 0; i < j; i++) {
                    Form l = list.get(i);
                    if (l.type() == EntityType.PERSON && l.words.size() >= 2 && l.words.size() <= 3 && l.words.get(0).equals(s.words.get(0))) {
                        candidates.add(i);
                        bearers.add(find(parent, i));
                    }
                }
                if (bearers.size() > 1) continue;
            }
            if (candidates.isEmpty()) continue;
            Set<Integer> roots = new TreeSet<>();
            for (int c : candidates) roots.add(find(parent, c));
            int pick = candidates.get(0);
            String others = "";
            if (roots.size() > 1) {
                // Several bearers. A reader takes the short name for the one already named where it first
                // appears ("Mohamed" after "Ahmed Mohamed", before his father "Mohamed El-Hassan Mohamed"
                // is named). Otherwise ("Abadi" after Haider al-Abadi and Ali al-Abadi) merging into either
                // could be wrong: it stays an entity of its own, with the candidates in its evidence.
                int at = firstAt(List.of(s));
                List<Integer> named = new ArrayList<>();
                TreeSet<String> later = new TreeSet<>();
                for (int r : roots) {
                    List<Form> group = new ArrayList<>();
                    for (int i = 0; i < n; i++) if (find(parent, i) == r) group.add(list.get(i));
                    if (firstAt(group) < at) named.add(r);
                    else later.add(list.get(r).text);
                }
                if (named.size() != 1) {
                    TreeSet<String> names = new TreeSet<>();
                    for (int r : roots) names.add(list.get(r).text);
                    s.ambiguous = "ambiguous, kept apart: could be " + String.join(" or ", names);
                    continue;
                }
                for (int c : candidates) if (find(parent, c) == named.get(0)) { pick = c; break; }
                others = " (the only one named before it; " + String.join(", ", later) + " later)";
            }
            union(parent, pick, j);
            boolean given = t == EntityType.PERSON && !list.get(pick).words.get(list.get(pick).words.size() - 1).equals(s.words.get(s.words.size() - 1));
            s.why = (t != EntityType.PERSON ? "short form of " : given ? "given name of " : "surname of ") + list.get(pick).text + others;
        }

        Map<Integer, List<Form>> groups = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) groups.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(list.get(i));

        // repeats of a known name that the recognizer missed
        List<Span> taken = new ArrayList<>();
        for (Form f : list) taken.addAll(f.spans);
        taken.sort(Comparator.comparingInt(Span::start));
        for (List<Form> g : groups.values()) {
            for (Form f : List.copyOf(g)) {
                for (Span sp : findRepeats(text, f.text, taken)) {
                    f.spans.add(sp);
                    insertSorted(taken, sp);
                }
            }
            // an organization's acronym used alone later ("With IS on the ropes" after "Islamic State")
            for (String acr : initialsInText(text, g)) {
                Form f = g.stream().filter(x -> x.text.equals(acr)).findFirst().orElse(null);
                List<Span> spans = findRepeats(text, acr, taken);
                if (spans.isEmpty()) continue;
                if (f == null) {
                    f = new Form(acr, aliases);
                    f.why = "initials of " + g.get(0).text;
                    g.add(f);
                }
                for (Span sp : spans) {
                    f.spans.add(sp);
                    insertSorted(taken, sp);
                }
            }
        }
        groups.values().removeIf(g -> g.stream().allMatch(f -> f.spans.isEmpty()));

        List<Entity> out = new ArrayList<>();
        for (List<Form> g : groups.values()) {
            if (!commonWord(text, g)) out.add(entity(g, evidence));
        }
        out.sort(Comparator.comparingInt(e -> e.mentions().get(0).span().start()));
        return out;
    }

    private static int indexOf(List<Form> list, String text) {
        for (int i = 0; i < list.size(); i++) if (list.get(i).text.equals(text)) return i;
        return -1;
    }

    /** Acronyms of a multi-word organization's name that the text uses in capitals, not known aliases of anything else. */
    private List<String> initialsInText(String text, List<Form> g) {
        List<String> out = new ArrayList<>();
        if (g.stream().noneMatch(f -> f.type() == EntityType.ORGANIZATION)) return out;
        for (Form f : g) {
            if (f.words.size() < 2) continue;
            for (String ini : Names.initials(f.text)) {
                String acr = ini.toUpperCase(java.util.Locale.ROOT);
                if (acr.length() < 2 || out.contains(acr) || aliases.canonical(acr) != null) continue;
                if (text.contains(acr)) out.add(acr);
            }
        }
        return out;
    }

    /** A lone capitalized common noun ("Church", "State") that the text also uses in lower case. */
    private static boolean commonWord(String text, List<Form> g) {
        for (Form f : g) {
            if (f.words.size() != 1 || Names.isAcronym(f.text)) return false;
            String lower = f.text.toLowerCase(java.util.Locale.ROOT);
            if (lower.equals(f.text) || !containsWord(text, lower)) return false;
        }
        return true;
    }

    /** {@code word} in the text, not inside a longer word or hyphenated compound (a regex per form cost too much). */
    private static boolean containsWord(String text, String word) {
        for (int i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
            int end = i + word.length();
            boolean before = i > 0 && (Character.isLetter(text.codePointBefore(i)) || text.charAt(i - 1) == '-');
            boolean after = end < text.length() && (Character.isLetter(text.codePointAt(end)) || text.charAt(end) == '-');
            if (!before && !after) return true;
        }
        return false;
    }

    private Entity entity(List<Form> g, Evidence evidence) {
        // the fullest name: most words, then longest, then most used
        Form main = g.stream().min(Comparator.comparing((Form f) -> -f.words.size()).thenComparing(f -> -f.text.length())
                .thenComparing(f -> -f.spans.size()).thenComparing(Form::first)).orElseThrow();
        Map<EntityType, Integer> votes = new EnumMap<>(EntityType.class);
        for (Form f : g) f.votes.forEach((t, c) -> votes.merge(t, c * (f == main ? 2 : 1), Integer::sum));
        EntityType type = votes.entrySet().stream().max(Map.Entry.<EntityType, Integer>comparingByValue()
                .thenComparing(e -> -e.getKey().ordinal())).map(Map.Entry::getKey).orElseThrow();
        String canonical = null;
        Form aliased = main;
        for (Form f : g) {
            canonical = f.canonical;
            if (canonical != null) {
                aliased = f;
                break;
            }
        }
        // An alias table's canonical form names the entity, so that articles which only say "US"
        // and those that say "United States" give the shared IRI one schema:name.
        String name = canonical != null ? canonical : main.text;
        // A place the text only writes in capitals (a dateline's "CAIRO") takes the gazetteer's
        // spelling, the capitals staying an alternate name: what a catalogue shows and sorts.
        // (more than one word or longer than an acronym: "CAIRO", not "UK")
        if (canonical == null && type == EntityType.PLACE && Names.capitals(name) && (name.length() > 3 || name.contains(" "))) {
            List<PlaceGazetteer.Place> known = gazetteer.lookup(name);
            if (!known.isEmpty()) name = known.get(0).name();
        }
        TreeSet<String> alternates = new TreeSet<>();
        List<Mention> mentions = new ArrayList<>();
        for (Form f : g) {
            if (!f.text.equals(name)) alternates.add(f.text);
            for (Span s : f.spans) mentions.add(new Mention(f.text, s));
        }
        mentions.sort(Comparator.comparingInt((Mention m) -> m.span().start()));
        EntityKeys.Key id = EntityKeys.of(aliases, aliased.text);
        String key = id.key();
        // how the identity was decided: the key, then why each other name joined it
        StringBuilder how = new StringBuilder(evidence.detail() == null ? "" : evidence.detail() + "; ");
        how.append("identity: ").append(id.how());
        for (Form f : g) {
            if (f.why != null && !f.text.equals(name) && !f.folded.equals(Names.fold(name))) how.append("; ").append(f.text).append(": ").append(f.why);
            if (f.ambiguous != null) how.append("; ").append(f.text).append(": ").append(f.ambiguous);
        }
        Evidence ev = Evidence.of(evidence.method(), how.toString());
        return new Entity(type, key, name, List.copyOf(alternates), List.copyOf(mentions), List.of(), ev);
    }

    // ---- cleaning ----

    private List<RawMention> clean(String text, Collection<RawMention> raw) {
        List<RawMention> out = new ArrayList<>();
        for (RawMention m : raw) {
            if (m.end() > text.length()) continue;
            // taggers read title case as names everywhere ("Iraq Asks Russia"): headlines get only known names, later
            if (titleCaseLine(text, m.start())) continue;
            if (credit(text, m.start())) continue;
            int s = m.start(), e = m.end();
            // surrounding blanks, quotes and punctuation
            while (s < e && !Character.isLetterOrDigit(text.charAt(s))) s++;
            while (e > s && trailingJunk(text, s, e)) e--;
            // a leading article
            if (e - s > 4 && text.regionMatches(true, s, "the ", 0, 4)) {
                s += 4;
                while (s < e && Character.isWhitespace(text.charAt(s))) s++;
            }
            // possessives: Iraq's, Iraq’s, Iraq 's, Reuters'
            String t = text.substring(s, e);
            Matcher pm = Pattern.compile("\\s*['’]s?$").matcher(t);
            if (pm.find() && (pm.group().length() > 1 || t.endsWith("s'") || t.endsWith("s’"))) {
                e = s + pm.start();
                while (e > s && trailingJunk(text, s, e)) e--;
            }
            if (e <= s) continue;
            // "in Washington D.C." at a sentence end: the tokenizer gave the dot to the sentence
            if (e < text.length() && text.charAt(e) == '.' && text.substring(s, e).matches("(?s).*(^|[\\s-])(\\p{L}\\.)+\\p{L}")) e++;
            t = text.substring(s, e);
            if (t.chars().noneMatch(Character::isLetter) || !Character.isUpperCase(firstLetter(t))) continue;
            if (demonyms.contains(Names.fold(t))) continue;
            if (m.type() == EntityType.ORGANIZATION) s = withDemonym(text, s);
            out.add(new RawMention(m.type(), s, e, m.nested()));
        }
        // overlapping spans: keep the longer; a nested mention stays beside its container
        out.sort(Comparator.comparingInt(RawMention::start).thenComparing(m -> -(m.end() - m.start())));
        List<RawMention> kept = new ArrayList<>();
        List<RawMention> nested = new ArrayList<>();
        for (RawMention m : out) {
            if (m.nested()) {
                nested.add(m);
                continue;
            }
            if (!kept.isEmpty() && m.start() < kept.get(kept.size() - 1).end()) continue;
            kept.add(m);
        }
        for (RawMention m : nested) {
            boolean inside = kept.stream().anyMatch(k -> k.start() <= m.start() && m.end() <= k.end() && k.end() - k.start() > m.end() - m.start());
            boolean same = kept.stream().anyMatch(k -> k.start() == m.start() && k.end() == m.end());
            if (inside && !same) kept.add(m);
        }
        kept.sort(Comparator.comparingInt(RawMention::start));
        return kept;
    }

    /** "the British Red Cross": taggers leave the nationality out of an organization's name; take it in. */
    private int withDemonym(String text, int s) {
        int e = s - 1;
        if (e < 1 || text.charAt(e) != ' ') return s;
        int b = e;
        while (b > 0 && Character.isLetter(text.charAt(b - 1))) b--;
        if (b == e || !Character.isUpperCase(text.charAt(b))) return s;
        if (b > 0 && (Character.isLetterOrDigit(text.charAt(b - 1)) || text.charAt(b - 1) == '-')) return s;
        return demonyms.contains(Names.fold(text.substring(b, e))) ? b : s;
    }

    private static int firstLetter(String t) {
        for (int i = 0; i < t.length(); i++) if (Character.isLetter(t.charAt(i))) return t.charAt(i);
        return 'a';
    }

    /** Whether the last char of text[s,e) is junk to drop: blanks, quotes, brackets, commas, a sentence dot. */
    private static boolean trailingJunk(String text, int s, int e) {
        char c = text.charAt(e - 1);
        if (Character.isLetterOrDigit(c)) return false;
        if (c == '.') {
            String last = text.substring(s, e);
            int sp = Math.max(last.lastIndexOf(' '), last.lastIndexOf('-'));
            String word = last.substring(sp + 1);
            // abbreviations keep their dot: U.S., D.C., Jr.
            return !(word.matches("(\\p{L}\\.){2,}") || KEEP_DOT.contains(word.toLowerCase()));
        }
        return c != ')' || text.substring(s, e).indexOf('(') < 0;
    }

    /**
     * Acronyms in parentheses right after a name: "Popular Mobilization Forces (PMF)", "Islamic State
     * (ISIS/ISIL)". Adds their mentions and records alias → name in {@code links}.
     */
    private static List<RawMention> addParenthesized(String text, List<RawMention> mentions, Map<String, String> links) {
        List<RawMention> out = new ArrayList<>(mentions);
        for (int k = 0; k < mentions.size(); k++) {
            RawMention m = mentions.get(k);
            String name = text.substring(m.start(), m.end());
            if (Names.words(name).size() < 2 || name.equals(name.toUpperCase())) continue;
            Matcher pm = PAREN.matcher(text);
            pm.region(m.end(), text.length());
            if (!pm.lookingAt()) continue;
            // "WASHINGTON (Reuters) -": a dateline, not an alias
            String after = text.substring(pm.end(), Math.min(text.length(), pm.end() + 3)).strip();
            if (after.startsWith("-") || after.startsWith("–") || after.startsWith("—")) continue;
            int base = pm.start(1);
            String inner = pm.group(1);
            Matcher part = ALIAS_PART.matcher(inner);
            while (part.find()) {
                int s = base + part.start(), e = base + part.end();
                while (s < e && !Character.isLetterOrDigit(text.charAt(s))) s++;
                while (e > s && !Character.isLetterOrDigit(text.charAt(e - 1))) e--;
                if (e <= s) continue;
                String alias = text.substring(s, e);
                if (!Names.isAcronym(alias)) continue;
                boolean overlaps = false;
                for (RawMention o : mentions) {
                    if (o.start() < e && s < o.end()) {
                        overlaps = true;
                        if (o.start() == s && o.end() == e) links.put(alias, name);
                    }
                }
                if (!overlaps) {
                    out.add(new RawMention(m.type(), s, e));
                    links.put(alias, name);
                }
            }
        }
        return out;
    }

    // ---- grouping rules ----

    /** Why two forms name the same thing whatever their types, or null. */
    private String strongSame(Form a, Form b) {
        if (a.folded.equals(b.folded)) return "same name as " + a.text;
        String ca = a.canonical, cb = b.canonical;
        if (ca != null && ca.equals(cb)
                || ca != null && a.canonicalFolded.equals(b.folded) || cb != null && b.canonicalFolded.equals(a.folded)) {
            return "alias table: " + b.text + " -> " + (cb != null ? cb : a.text);
        }
        if (acronymOf(b, a)) return "initials of " + a.text;
        if (acronymOf(a, b)) return "spelled out by " + a.text;
        return a.type() == b.type() && variants(a, b) ? "spelling variant of " + a.text : null;
    }

    /** {@code acr} is an acronym spelling the initials of {@code full}. */
    private boolean acronymOf(Form acr, Form full) {
        if (!Names.isAcronym(acr.text) || full.words.size() < 2) return false;
        // a well-known alias says what it stands for: "US" is not "University of Sheffield"
        if (acr.canonical != null) return false;
        String letters = Names.fold(acr.text).replace(" ", "");
        return Names.initials(full.text).contains(letters);
    }

    /** Same number of words, each the same or a spelling variant, at least one the same. */
    private static boolean variants(Form a, Form b) {
        if (a.words.size() != b.words.size() || a.words.size() < 2) return false;
        boolean oneSame = false;
        for (int i = 0; i < a.words.size(); i++) {
            String x = a.words.get(i), y = b.words.get(i);
            if (x.equals(y)) {
                oneSame = true;
            } else if (!Names.variantWords(x, y)) {
                return false;
            }
        }
        return oneSame;
    }

    private static final Set<String> GENERIC_ORG_WORDS = Set.of("party", "group", "inc", "corp", "corporation",
            "company", "co", "ltd", "llc", "plc", "organization", "organisation", "movement", "foundation",
            "association", "agency", "network", "news", "times", "militia", "forces", "army", "government");

    /**
     * Words that end the name of a body within or beside another: a long name that begins with a whole
     * other name and ends in one of these names a part of it or a body of its own ("University of Texas
     * Arlington Muslim Student Association", "Food and Drug Administration Advisory Committee"), not the other.
     */
    private static final Set<String> BODY_WORDS = Set.of("association", "department", "council", "committee", "club",
            "society", "union", "school", "fair", "team", "office", "center", "centre", "institute", "board", "commission",
            "division", "unit", "branch", "chapter", "league", "college", "faculty", "hospital", "museum", "library",
            "fund", "bureau", "service", "navy", "army", "press", "foundation", "trust", "group", "party");

    private static final Set<String> COMPASS = Set.of("north", "south", "east", "west");

    /** Whether short form {@code s} names the same {@code t} as longer form {@code l}. */
    private boolean partOf(Form s, Form l, EntityType t) {
        List<String> sw = s.words, lw = l.words;
        // "Supreme Court" ↔ "Italian Supreme Court of Cassation": the nationality we took in is not part of the short name
        if (t == EntityType.ORGANIZATION && lw.size() > sw.size() + 1 && demonyms.contains(lw.get(0)) && !demonyms.contains(sw.get(0))) {
            lw = lw.subList(1, lw.size());
        }
        int k = sw.size();
        if (k == 0 || k >= lw.size()) return false;
        boolean suffix = lw.subList(lw.size() - k, lw.size()).equals(sw);
        boolean prefix = lw.subList(0, k).equals(sw);
        if (t == EntityType.PERSON) {
            // surname (with its particle: "al-Maliki"), whatever type the tagger gave the full name once
            return suffix && lw.size() <= 4;
        }
        if (l.type() != t) return false;
        return switch (t) {
            // "Scientology" ↔ "Church of Scientology", "Home Office" ↔ "United Kingdom Home Office"
            // "Labour" ↔ "Labour Party", "Supreme Court" ↔ "Supreme Court of Cassation"; not "Google" ↔ "Google Science Fair",
            // nor "University of Texas Arlington" ↔ "University of Texas Arlington Muslim Student Association"
            case ORGANIZATION -> suffix && (k >= 2 || lw.size() == 2 || lw.get(lw.size() - k - 1).equals("of"))
                    || prefix && (k >= 2 && lw.get(k).equals("of") || k >= 3 && !BODY_WORDS.contains(lw.get(lw.size() - 1))
                    || GENERIC_ORG_WORDS.containsAll(lw.subList(k, lw.size())));
            // "Mountain View" is "Mountain View, California"; "Mexico" is not "Mexico City"
            case PLACE -> l.text.startsWith(s.text + ",") || l.text.startsWith(s.text + " ,")
                    // "Korea" beside "South Korea"; but "Sudan" is a country of its own beside "South Sudan"
                    || suffix && lw.size() == k + 1 && COMPASS.contains(lw.get(0)) && gazetteer.lookup(s.text).isEmpty();
            default -> false;
        };
    }

    // ---- repeats ----

    /** Unlabelled occurrences of a name, as a whole word, not inside a found mention. */
    private static List<Span> findRepeats(String text, String name, List<Span> taken) {
        List<Span> out = new ArrayList<>();
        if (name.length() < 2 || !Character.isUpperCase(name.charAt(0))) return out;
        for (int i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + 1)) {
            int e = i + name.length();
            if (i > 0 && wordChar(text.charAt(i - 1))) continue;
            if (e < text.length() && wordChar(text.charAt(e))) continue;
            // part of a longer capitalized name the recognizer did not find ("Moscow State University")
            if (capitalizedNeighbour(text, i, e)) continue;
            // in a line of capitals an acronym is just a word ("THIS IS WAR")
            if (Names.isAcronym(name) && allCapsLine(text, i)) continue;
            if (overlaps(taken, i, e)) continue;
            out.add(new Span(i, e));
        }
        return out;
    }

    private static boolean wordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '-' || c == '‐' || c == '&' || c == '@';
    }

    private static boolean capitalizedNeighbour(String text, int s, int e) {
        int j = e;
        if (j < text.length() && text.charAt(j) == ' ' && j + 1 < text.length() && Character.isUpperCase(text.charAt(j + 1))) {
            // "Iraq Asks Russia": title case on both sides is a headline, allowed
            return !titleCaseLine(text, s);
        }
        int i = s - 1;
        if (i > 0 && text.charAt(i) == ' ' && Character.isUpperCase(text.charAt(i - 1) == '.' ? 'a' : wordStart(text, i - 1))) {
            return !titleCaseLine(text, s) && !sentenceStart(text, i);
        }
        return false;
    }

    private static char wordStart(String text, int last) {
        int k = last;
        while (k > 0 && Character.isLetter(text.charAt(k - 1))) k--;
        return text.charAt(k);
    }

    private static boolean sentenceStart(String text, int spaceBefore) {
        // the previous word starts a sentence or paragraph: "In Iraq" style openers are not names
        int k = spaceBefore - 1;
        while (k > 0 && Character.isLetter(text.charAt(k - 1))) k--;
        int p = k - 1;
        while (p >= 0 && text.charAt(p) == ' ') p--;
        return p < 0 || ".!?\n\"“:".indexOf(text.charAt(p)) >= 0;
    }

    private static final Set<String> MINOR_WORDS = Set.of("a", "an", "the", "and", "but", "or", "nor", "for", "so",
            "yet", "as", "at", "by", "in", "of", "off", "on", "per", "to", "up", "via", "with", "from", "into", "over", "vs");

    /** A headline-style line: every content word capitalized ("Iraq Asks Russia to Help It Join ..."). */
    private static boolean titleCaseLine(String text, int at) {
        String line = Names.lineAt(text, at);
        if (line.length() > 250 || sentences(line)) return false;
        int content = 0, caps = 0;
        for (String w : line.split("[\\s\\-–—/:,;\"“”()]+")) {
            if (w.isEmpty() || !Character.isLetter(w.charAt(0)) || MINOR_WORDS.contains(w.toLowerCase(java.util.Locale.ROOT))) continue;
            content++;
            if (Character.isUpperCase(w.charAt(0))) caps++;
        }
        return content >= 4 && caps * 10 >= content * 9;
    }

    /** A sentence's end: a word, then . ! or ?, then a space or the line's end. */
    private static final Pattern SENTENCE_END = Pattern.compile("(\\p{L}+|\\p{N}+)([.!?])[\"”’)]?(?=\\s|$)");
    /** Words that end in a dot without ending a sentence. */
    private static final Set<String> ABBREVIATIONS = Set.of("mr", "mrs", "ms", "dr", "st", "jr", "sr", "inc", "ltd",
            "corp", "co", "gov", "gen", "sen", "rep", "col", "sgt", "capt", "lt", "vs", "no", "vol", "prof", "rev", "ft", "mt");

    /**
     * Running text, not a headline: a sentence ends in the line, as in a photo caption ("... on The
     * Solent on February 8, 2010. Image: ..."), or the line ends with a full stop. A headline may end
     * with "?" or "!" ("Will Iraq Join?"); an initial ("U.S.") or an abbreviation ("Inc.") ends nothing.
     */
    static boolean sentences(String line) {
        String l = line.strip();
        Matcher m = SENTENCE_END.matcher(l);
        while (m.find()) {
            String w = m.group(1);
            if (w.length() < 2 || ABBREVIATIONS.contains(w.toLowerCase(java.util.Locale.ROOT))) continue;
            if (m.group(2).equals(".") || !l.substring(m.end()).isBlank()) return true;
        }
        return false;
    }

    /** "Image: Brian Burnell.", "Photo by Jane Doe/AP", "(Picture: Reuters)": who made or gave the picture, not whom the story mentions. */
    private static final Pattern CREDIT = Pattern.compile("(?i)(?:^|[\\s(\\[|.,;])(?:"
            + "(?:image|images|photo|photos|photograph|picture|pictures|pic|credit|credits)\\s*:" // "Image: ..."
            + "|(?:image|photo|photograph|picture)s?\\s+(?:by|credit\\s*:?)" // "Photo by ...", not "a photo Obama posted"
            + "|courtesy(?:\\s+of)?)" // "courtesy of ...", not "a picture of Saddam Hussein"
            + "\\s*(?:[\\p{L}\\p{M}.' -]{1,30}\\s*/\\s*)?$"); // "Jane Doe/AP": the agency after the photographer

    /** The mention opens a photo credit: the words just before it on its line name a picture's maker. */
    static boolean credit(String text, int start) {
        int from = Math.max(text.lastIndexOf('\n', Math.max(0, start - 1)) + 1, start - 40);
        return CREDIT.matcher(text.substring(from, start)).find();
    }

    private static boolean allCapsLine(String text, int at) {
        String line = Names.lineAt(text, at);
        int words = 0, caps = 0;
        for (String w : line.split("[^\\p{L}]+")) {
            if (w.length() < 2) continue;
            words++;
            if (w.equals(w.toUpperCase(java.util.Locale.ROOT))) caps++;
        }
        return words >= 3 && caps * 2 > words;
    }

    private static boolean overlaps(List<Span> sorted, int s, int e) {
        for (Span t : sorted) {
            if (t.start() >= e) break;
            if (s < t.end()) return true;
        }
        return false;
    }

    private static void insertSorted(List<Span> sorted, Span sp) {
        int i = 0;
        while (i < sorted.size() && sorted.get(i).start() < sp.start()) i++;
        sorted.add(i, sp);
    }

    // ---- union-find ----

    private static int find(int[] p, int i) {
        while (p[i] != i) {
            p[i] = p[p[i]];
            i = p[i];
        }
        return i;
    }

    private static void union(int[] p, int a, int b) {
        int ra = find(p, a), rb = find(p, b);
        if (ra == rb) return;
        // the root stays the fuller form (lower index)
        if (ra < rb) p[rb] = ra;
        else p[ra] = rb;
    }
}
