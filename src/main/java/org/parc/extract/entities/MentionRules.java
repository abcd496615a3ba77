package org.parc.extract.entities;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.parc.extract.EntityType;

/**
 * General corrections of a tagger's raw mentions before merging, from the text around them and the
 * list of known place names: boundaries (a dateline's "WASHINGTON DC", an outlet's "Kurdistan 24"),
 * types (a country is a place; "news outlet Rudaw" is an organization; "Harir base" is a place; a
 * facility is a place), names the tagger missed (known places, capitalized names ending in an
 * organization's head word) and places nested in organization names ("University of Sheffield").
 * Pure Java, stateless, thread-safe.
 */
final class MentionRules {
    /** Last words of organization names. */
    static final Set<String> ORG_HEADS = Set.of("Council", "Department", "Ministry", "Agency", "Party", "Police",
            "Force", "Forces", "University", "College", "Institute", "Committee", "Commission", "Organization",
            "Organisation", "Association", "Foundation", "Society", "Federation", "Corporation", "Bank", "Court",
            "Parliament", "Assembly", "Authority", "Bureau", "Board", "Army", "Navy", "Church", "Movement",
            "League", "Club", "Legion", "Corps", "Conference", "Congress", "Tribunal", "Senate", "Cabinet",
            "Brigade", "Brigades", "Militia", "Guard", "Government", "Municipality", "Journal", "Office");
    /** Other last words of organization names that follow a given name ("Jordan Times", "Ford Motors"). */
    private static final Set<String> ORG_WORDS = Set.of("Times", "News", "Post", "Media", "Group", "Records", "Airlines",
            "Motors", "Motor", "Foods", "Entertainment", "Studios", "Pictures", "Publishing", "Press", "Labs", "Bank",
            "Holdings", "Partners", "Capital", "Energy", "Systems", "Software", "Games", "FC", "United", "City", "Inc",
            "Ltd", "LLC", "Co", "Corp", "Company", "Television", "TV", "Radio", "Magazine", "Review", "Herald", "Tribune");

    /** Given names, from CoreNLP's dcoref name-gender list (folded). */
    static final class FirstNames {
        static final Set<String> INSTANCE = load();

        private static Set<String> load() {
            Set<String> out = new java.util.HashSet<>();
            try (java.io.InputStream in = MentionRules.class.getClassLoader()
                    .getResourceAsStream("edu/stanford/nlp/models/dcoref/namegender.combine.txt")) {
                if (in == null) return Set.of();
                java.io.BufferedReader r = new java.io.BufferedReader(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
                for (String line; (line = r.readLine()) != null; ) {
                    int tab = line.indexOf('\t');
                    if (tab > 1) out.add(Names.fold(line.substring(0, tab)));
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return Set.copyOf(out);
        }
    }

    /** Last words of facility names, which count as places. */
    static final Set<String> FACILITY_HEADS = Set.of("Stadium", "Arena", "Airport", "Hospital", "Museum", "Hall",
            "Temple", "Tower", "Towers", "Palace", "Bridge", "Station", "Square", "Memorial", "Cathedral",
            "Mosque", "Castle", "Airbase");
    /** Lower-case nouns after a one-word name that make it a place ("Harir base", "Anbar province"). */
    private static final Pattern PLACE_NOUN = Pattern.compile("\\s(base|airbase|air base|airport|province|governorate|"
            + "district|village|town|camp|river|dam|refinery|border crossing|neighbourhood|neighborhood)\\b");
    /** Lower-case nouns before a one-word name that make it an organization ("news outlet Rudaw"). */
    private static final Pattern ORG_NOUN = Pattern.compile("\\b(outlet|agency|newspaper|broadcaster|channel|daily|"
            + "website|magazine|network|station|company|firm|group|militia|party)\\s$");
    private static final Set<String> NESTING = Set.of("of", "at", "in");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}\\p{N}]+");

    private final PlaceNames places;
    private final PlaceGazetteer gazetteer;

    MentionRules(PlaceNames places, PlaceGazetteer gazetteer) {
        this.places = places;
        this.gazetteer = gazetteer;
    }

    List<RawMention> apply(String text, List<RawMention> raw) {
        List<RawMention> ms = new ArrayList<>();
        // a tagger may type a lone dash or quote; nothing to name there
        for (RawMention m : raw) {
            if (m.end() <= text.length() && text.substring(m.start(), m.end()).codePoints().anyMatch(Character::isLetter)) ms.add(m);
        }
        ms.sort(Comparator.comparingInt(RawMention::start));
        ms = boundaries(text, ms);
        ms = types(text, ms);
        ms.addAll(missedPlaces(text, ms));
        ms = missedOrganizations(text, ms);
        ms.addAll(nestedPlaces(text, ms));
        ms = qualifiedPlaces(text, ms);
        ms.sort(Comparator.comparingInt(RawMention::start));
        return ms;
    }

    // ---- boundaries ----

    private static final Pattern DATELINE_TAIL = Pattern.compile("\\G ((?:\\p{Lu}\\.){2,}|\\p{Lu}{2,3})(?=\\s*[(\\-–—,])");
    private static final Pattern ORG_NUMBER = Pattern.compile("\\G \\d{1,3}(?=$|[),;:\\n]|\\.(?!\\d))");

    private static List<RawMention> boundaries(String text, List<RawMention> ms) {
        List<RawMention> out = new ArrayList<>();
        Set<String> personWords = new java.util.HashSet<>();
        for (RawMention m : ms) {
            if (m.type() != EntityType.PERSON) continue;
            List<String> w = Names.foldedWords(text.substring(m.start(), m.end()));
            personWords.add(w.get(w.size() - 1));
        }
        for (RawMention m : ms) {
            String t = text.substring(m.start(), m.end());
            int e = m.end();
            if (m.type() == EntityType.PERSON) m = withoutTitle(text, m);
            RawMention person = absorbedPerson(text, m, personWords);
            if (person != null) {
                // "University of Texas Arlington Amneh Jafari": the name ran on into a person's
                int end = person.start();
                while (end > m.start() && Character.isWhitespace(text.charAt(end - 1))) end--;
                out.add(new RawMention(m.type(), m.start(), end, m.nested()));
                out.add(person);
                continue;
            }
            if (m.type() == EntityType.PLACE && t.equals(t.toUpperCase(Locale.ROOT)) && t.length() > 3 && lineStart(text, m.start())) {
                // "WASHINGTON DC (Kurdistan 24) -": the dateline's place goes on to its state or district
                Matcher d = DATELINE_TAIL.matcher(text);
                if (d.find(e)) e = d.end();
            } else if (m.type() == EntityType.ORGANIZATION && Names.words(t).size() == 1) {
                // "Kurdistan 24", "France 24", "Channel 4": a number that ends the name
                Matcher d = ORG_NUMBER.matcher(text);
                if (d.find(e)) e = d.end();
            }
            out.add(new RawMention(m.type(), m.start(), e, m.nested()));
        }
        return out;
    }

    /** Honorifics and offices a tagger sometimes takes into a person's name. */
    private static final Set<String> TITLES = Set.of("mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame",
            "lord", "lady", "president", "vice", "prime", "minister", "general", "gen", "brig", "col", "colonel", "major",
            "maj", "capt", "captain", "lt", "lieutenant", "sgt", "sergeant", "admiral", "adm", "senator", "sen", "rep",
            "governor", "gov", "mayor", "judge", "justice", "king", "queen", "prince", "princess", "pope", "saint",
            "ayatollah", "sheikh", "shaikh", "imam", "mullah", "rabbi", "reverend", "rev", "father", "bishop", "cardinal",
            "chancellor", "secretary", "ambassador", "chairman", "chief", "director", "coach", "commander", "emir", "sultan");

    /** "Ayatollah Ali al-Sistani" → "Ali al-Sistani": the name without leading titles, when two words remain. */
    private static RawMention withoutTitle(String text, RawMention m) {
        List<Word> ws = words(text.substring(m.start(), m.end()));
        int k = 0;
        while (k < ws.size() - 2 && TITLES.contains(ws.get(k).folded())) k++;
        return k == 0 ? m : new RawMention(m.type(), m.start() + ws.get(k).start(), m.end(), m.nested());
    }

    /** The trailing given name and surname of a long organization or place name, when the surname is a person's elsewhere. */
    private static RawMention absorbedPerson(String text, RawMention m, Set<String> personWords) {
        if (m.type() == EntityType.PERSON) return null;
        List<Word> ws = words(text.substring(m.start(), m.end()));
        int n = ws.size();
        if (n < 4 || !personWords.contains(ws.get(n - 1).folded())) return null;
        Word given = ws.get(n - 2), before = ws.get(n - 3);
        String g = text.substring(m.start() + given.start(), m.start() + given.end());
        String b = text.substring(m.start() + before.start(), m.start() + before.end());
        if (!Character.isUpperCase(g.charAt(0)) || ORG_HEADS.contains(g) || FACILITY_HEADS.contains(g)) return null;
        if (CONNECTORS.contains(b) || !text.substring(m.start() + before.end(), m.start() + given.start()).equals(" ")) return null;
        return new RawMention(EntityType.PERSON, m.start() + given.start(), m.end());
    }

    private static boolean lineStart(String text, int at) {
        for (int i = at - 1; i >= 0; i--) {
            char c = text.charAt(i);
            if (c == '\n') return true;
            if (!Character.isWhitespace(c)) return false;
        }
        return true;
    }

    // ---- types ----

    private List<RawMention> types(String text, List<RawMention> ms) {
        // a cue anywhere types every occurrence of the same name
        Map<String, EntityType> decided = new HashMap<>();
        for (int i = 0; i < ms.size(); i++) {
            RawMention m = ms.get(i);
            String t = text.substring(m.start(), m.end());
            EntityType to = null;
            List<String> words = Names.words(t);
            String last = words.get(words.size() - 1);
            if (places.isCountry(t)) {
                to = EntityType.PLACE;
            } else if (words.size() > 1 && FACILITY_HEADS.contains(last)) {
                to = EntityType.PLACE;
            } else if (m.type() == EntityType.ORGANIZATION && words.size() == 2 && FirstNames.INSTANCE.contains(Names.fold(words.get(0)))
                    && !t.equals(t.toUpperCase(Locale.ROOT)) && !ORG_HEADS.contains(last) && !ORG_WORDS.contains(last)
                    && !places.isPlace(words.get(0)) && !places.isPlace(last)) {
                // "John Stones", "Eden Hazard": a given name and one more word is a person
                to = EntityType.PERSON;
            } else if (words.size() == 1 && !places.isPlace(t)) {
                String before = text.substring(Math.max(0, m.start() - 30), m.start());
                String after = text.substring(m.end(), Math.min(text.length(), m.end() + 30));
                if (PLACE_NOUN.matcher(after).lookingAt()) {
                    to = EntityType.PLACE;
                } else if (ORG_NOUN.matcher(before).find()) {
                    to = EntityType.ORGANIZATION;
                } else if (opensLineBeforeDash(text, t)) {
                    // "Alwaght- Iraqis and ...": a source credit opens a paragraph with it
                    to = EntityType.ORGANIZATION;
                } else {
                    to = coordinated(text, ms, i);
                }
            }
            if (to != null && to != m.type()) decided.put(t, to);
        }
        List<RawMention> out = new ArrayList<>();
        for (RawMention m : ms) {
            EntityType to = decided.get(text.substring(m.start(), m.end()));
            out.add(to == null ? m : new RawMention(to, m.start(), m.end(), m.nested()));
        }
        return out;
    }

    /** "in Afrin and Idlib": a one-word name joined by "and"/"or" to a known place or a longer organization. */
    private EntityType coordinated(String text, List<RawMention> ms, int i) {
        RawMention m = ms.get(i);
        for (int j : new int[] {i - 1, i + 1}) {
            if (j < 0 || j >= ms.size()) continue;
            RawMention o = ms.get(j);
            if (!(j > i ? separatedBy(text, m.end(), o.start(), " (and|or) ") : separatedBy(text, o.end(), m.start(), " (and|or) "))) continue;
            String ot = text.substring(o.start(), o.end());
            if (o.type() == EntityType.PLACE && places.isPlace(ot)) return EntityType.PLACE;
            if (o.type() == EntityType.ORGANIZATION && Names.words(ot).size() >= 2) return EntityType.ORGANIZATION;
        }
        return null;
    }

    // ---- missed names ----

    private record Word(int start, int end, String folded) {}

    private static List<Word> words(String text) {
        List<Word> out = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) out.add(new Word(m.start(), m.end(), Names.fold(m.group())));
        return out;
    }

    /** Known place names the tagger left untagged, standing alone (not part of a longer capitalized name). */
    private List<RawMention> missedPlaces(String text, List<RawMention> ms) {
        List<RawMention> out = new ArrayList<>();
        List<Word> ws = words(text);
        Set<String> surnames = new java.util.HashSet<>();
        for (RawMention m : ms) {
            if (m.type() != EntityType.PERSON) continue;
            List<String> w = Names.foldedWords(text.substring(m.start(), m.end()));
            surnames.add(w.get(w.size() - 1));
        }
        for (int i = 0; i < ws.size(); i++) {
            Word w = ws.get(i);
            if (!Character.isUpperCase(text.charAt(w.start()))) continue;
            for (List<String> cand : places.startingWith(w.folded())) {
                int k = cand.size();
                if (i + k > ws.size() || !matches(text, ws, i, cand)) continue;
                int s = w.start(), e = ws.get(i + k - 1).end();
                String name = text.substring(s, e);
                boolean country = places.isCountry(name);
                if (!Character.isUpperCase(text.charAt(ws.get(i + k - 1).start())) && k == 1) break;
                if (overlaps(ms, s, e) || overlaps(out, s, e)) break;
                if (k == 1 && (surnames.contains(cand.get(0)) || name.equals(name.toUpperCase(Locale.ROOT)) && !country)) break;
                if (capitalizedNeighbour(text, ws, i, i + k - 1)) break;
                // "US$ 20,000"
                if (e < text.length() && (text.charAt(e) == '$' || Character.isDigit(text.charAt(e)))) break;
                if (!country && sentenceStart(text, s)) break;
                out.add(new RawMention(EntityType.PLACE, s, e));
                break;
            }
        }
        return out;
    }

    private static boolean matches(String text, List<Word> ws, int i, List<String> cand) {
        for (int j = 0; j < cand.size(); j++) {
            if (!ws.get(i + j).folded().equals(cand.get(j))) return false;
            if (j > 0) {
                String sep = text.substring(ws.get(i + j - 1).end(), ws.get(i + j).start());
                if (!sep.matches("[ \\-‐–.'’]{1,2}")) return false;
            }
        }
        return true;
    }

    private static boolean capitalizedNeighbour(String text, List<Word> ws, int first, int last) {
        if (last + 1 < ws.size()) {
            Word n = ws.get(last + 1);
            String sep = text.substring(ws.get(last).end(), n.start());
            if (sep.matches("[ \\-]") && Character.isUpperCase(text.charAt(n.start()))) return true;
        }
        if (first > 0) {
            Word p = ws.get(first - 1);
            String sep = text.substring(p.end(), ws.get(first).start());
            if (sep.matches("[ \\-]") && Character.isUpperCase(text.charAt(p.start())) && !sentenceStart(text, p.start())) return true;
        }
        return false;
    }

    static boolean sentenceStart(String text, int at) {
        int p = at - 1;
        while (p >= 0 && (text.charAt(p) == ' ' || text.charAt(p) == '\t')) p--;
        return p < 0 || ".!?\n\"“‘:(".indexOf(text.charAt(p)) >= 0;
    }

    private static final Set<String> CONNECTORS = Set.of("of", "for", "and", "on", "the", "&", "de", "in");
    /** "the Police Department on Monday": a day or month after the head word is not part of the name. */
    private static final Set<String> CALENDAR = Set.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
            "Sunday", "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
            "November", "December", "Christmas", "Easter");
    // Names run on within a line only: a line break ends a headline, a heading or a block of a web page
    // ("Oregon.\nThe Oregon Health Authority" was one name).
    private static final Pattern HYPHEN_RUN = Pattern.compile("\\G\\h?[-–]\\h?\\p{Lu}[\\p{L}\\p{M}]*(?:\\h\\p{Lu}[\\p{L}\\p{M}]*)*");
    private static final Pattern CAP_SEQUENCE = Pattern.compile(
            "\\p{Lu}[\\p{L}\\p{M}.'’-]*(?:\\h(?:(?:of|for|on|de|&)\\h(?:the\\h)?)?\\p{Lu}[\\p{L}\\p{M}.'’-]*)+");

    /**
     * Capitalized names ending in an organization's head word ("Irving Police Department") or built on one
     * ("Council on Foreign Relations", "Medical Journal of Australia") that the tagger missed or found only
     * part of: the longer name replaces the organization and place mentions inside it.
     */
    private static List<RawMention> missedOrganizations(String text, List<RawMention> ms) {
        List<RawMention> out = new ArrayList<>(ms);
        Matcher m = CAP_SEQUENCE.matcher(text);
        while (m.find()) {
            int s = m.start();
            List<String> words = new ArrayList<>(List.of(m.group().split("\\h")));
            // a leading "The" or connector is not part of the name
            while (words.size() > 1 && (words.get(0).equals("The") || CONNECTORS.contains(words.get(0)))) {
                s += words.get(0).length() + 1;
                words.remove(0);
            }
            while (words.size() > 1 && CONNECTORS.contains(words.get(words.size() - 1))) words.remove(words.size() - 1);
            // the name ends at the last head word, or runs on after "Head of/on/for ..."
            int end = words.size() - 1;
            while (end >= 0 && !ORG_HEADS.contains(words.get(end))) end--;
            int from = 0;
            if (end >= 0) {
                // "CEO of the Refugee Council": a name ending in a head word after "of" is the part after it
                for (int k = end - 1; k > 0; k--) {
                    if (CONNECTORS.contains(words.get(k))) {
                        if (end - k >= 2) from = k + 1;
                        break;
                    }
                }
            }
            for (int h = 0; h + 2 < words.size(); h++) {
                if (ORG_HEADS.contains(words.get(h)) && Set.of("of", "on", "for").contains(words.get(h + 1))
                        && !CALENDAR.contains(words.get(h + 2))) {
                    // "Medical Journal of Australia", "University of Sheffield (of the UK)": up to the next connector
                    int k = h + 2;
                    if (words.get(k).equals("the")) k++;
                    while (k + 1 < words.size() && !CONNECTORS.contains(words.get(k + 1))) k++;
                    if (k < words.size() && k > end) {
                        end = k;
                        from = 0;
                    }
                    break;
                }
            }
            for (int k = 0; k < from; k++) s += words.get(k).length() + 1;
            words = new ArrayList<>(words.subList(from, words.size()));
            end -= from;
            if (end < 1 || CONNECTORS.contains(words.get(end - 1)) && end == 1) continue;
            int len = 0;
            for (int k = 0; k <= end; k++) len += words.get(k).length() + (k > 0 ? 1 : 0);
            int e = s + len;
            // "Council on American - Islamic Relations", "Council on American-Islamic Relations"
            Matcher hy = HYPHEN_RUN.matcher(text);
            if (end == words.size() - 1 && hy.find(e)) e = hy.end();
            if (titleCaseLine(text, s)) continue;
            final int fs = s, fe = e;
            List<RawMention> inside = new ArrayList<>();
            boolean blocked = false;
            for (RawMention o : out) {
                if (o.start() >= fe || o.end() <= fs) continue;
                if (o.start() >= fs && o.end() <= fe && o.type() != EntityType.PERSON && (o.start() > fs || o.end() < fe)) {
                    inside.add(o);
                } else {
                    blocked = true;
                }
            }
            if (blocked) continue;
            out.removeAll(inside);
            out.add(new RawMention(EntityType.ORGANIZATION, s, e));
        }
        return out;
    }

    /** Heuristic headline test: most words of the line capitalized. */
    private static boolean titleCaseLine(String text, int at) {
        String line = Names.lineAt(text, at);
        int words = 0, caps = 0;
        for (String w : line.split("[^\\p{L}]+")) {
            if (w.length() < 4) continue;
            words++;
            if (Character.isUpperCase(w.charAt(0))) caps++;
        }
        return words >= 3 && caps * 10 >= words * 8;
    }

    /**
     * A known place inside an organization's or facility's name: "University of Sheffield", "Volgograd
     * Arena", "Colorado State University". Not "Mexico City": the outer name must end in a head word.
     */
    private List<RawMention> nestedPlaces(String text, List<RawMention> ms) {
        List<RawMention> out = new ArrayList<>();
        for (RawMention m : ms) {
            if (m.nested()) continue;
            String t = text.substring(m.start(), m.end());
            List<Word> ws = words(t);
            if (ws.size() < 2) continue;
            // head words: of organizations and facilities; "Municipality of", "Port of" only before a place
            boolean[] head = new boolean[ws.size()], ofHead = new boolean[ws.size()];
            for (int k = 0; k < ws.size(); k++) {
                String w = t.substring(ws.get(k).start(), ws.get(k).end());
                head[k] = ORG_HEADS.contains(w) || FACILITY_HEADS.contains(w);
                ofHead[k] = head[k] || NESTING_HEADS.contains(w);
            }
            // "X of PLACE" (the place is the tail after the last "of"/"at"/"in", a head word before it)
            for (int k = ws.size() - 2; k >= 1; k--) {
                if (!NESTING.contains(ws.get(k).folded())) continue;
                if (!any(ofHead, 0, k)) break;
                int s = m.start() + ws.get(k + 1).start();
                if (places.isPlace(text.substring(s, m.end()))) out.add(new RawMention(EntityType.PLACE, s, m.end(), true));
                break;
            }
            // "NTU Hospital Station", "Memorial Hall Station": a facility named after another facility
            String last = t.substring(ws.get(ws.size() - 1).start(), ws.get(ws.size() - 1).end());
            if (FACILITY_HEADS.contains(last)) {
                for (int k = ws.size() - 1; k >= 2; k--) {
                    String w = t.substring(ws.get(k - 1).start(), ws.get(k - 1).end());
                    if (FACILITY_HEADS.contains(w)) {
                        out.add(new RawMention(EntityType.PLACE, m.start(), m.start() + ws.get(k - 1).end(), true));
                        break;
                    }
                }
            }
            // "PLACE X ... Head": the longest leading known place, a head word after it; not "Mexico City"
            for (int k = Math.min(ws.size() - 1, 3); k >= 1; k--) {
                if (!any(head, k, ws.size()) || any(head, 0, k)) continue;
                int e = m.start() + ws.get(k - 1).end();
                if (places.isPlace(text.substring(m.start(), e))) {
                    out.add(new RawMention(EntityType.PLACE, m.start(), e, true));
                    break;
                }
            }
        }
        return out;
    }

    private static final Set<String> NESTING_HEADS = Set.of("Municipality", "Province", "Port", "City", "Republic", "Kingdom");

    private static boolean any(boolean[] a, int from, int to) {
        for (int i = from; i < to; i++) if (a[i]) return true;
        return false;
    }

    /**
     * "Mountain View, California", "Arlington, Texas": a place the extract does not know by its bare name
     * alone (unknown, or several places) followed by its region or country is named by both, which
     * identifies it across the archive; the region keeps its own mention inside.
     */
    private List<RawMention> qualifiedPlaces(String text, List<RawMention> ms) {
        List<RawMention> sorted = new ArrayList<>(ms);
        sorted.sort(Comparator.comparingInt(RawMention::start));
        List<RawMention> out = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            RawMention a = sorted.get(i);
            RawMention b = i + 1 < sorted.size() ? sorted.get(i + 1) : null;
            if (b != null && a.type() == EntityType.PLACE && b.type() == EntityType.PLACE && !a.nested() && !b.nested()
                    && separatedBy(text, a.end(), b.start(), " ?, ")) {
                String an = text.substring(a.start(), a.end()), bn = text.substring(b.start(), b.end());
                boolean region = places.isPlace(bn) && !gazetteer.lookup(bn).stream().anyMatch(p -> !p.country()) || places.isCountry(bn);
                // not a list of places ("Victoria, South Australia and Tasmania"), nor a region before a region
                String rest = text.substring(b.end(), Math.min(text.length(), b.end() + 6));
                boolean after = !rest.isEmpty() && Character.isLetterOrDigit(rest.charAt(0)) || rest.matches("(, ?\\p{Lu}| and | or ).*")
                        || i > 0 && separatedBy(text, sorted.get(i - 1).end(), a.start(), " ?, ")
                        || places.isPlace(an) && gazetteer.lookup(an).isEmpty();
                if (region && !after && !places.isCountry(an) && gazetteer.lookup(an).size() != 1) {
                    out.add(new RawMention(EntityType.PLACE, a.start(), b.end()));
                    out.add(new RawMention(EntityType.PLACE, b.start(), b.end(), true));
                    i++;
                    continue;
                }
            }
            out.add(a);
        }
        return out;
    }

    /**
     * Whether the text from {@code end} (one mention's end) to {@code start} (the next one's start) is
     * exactly the separator; false when the two overlap, as a nested mention does its container.
     */
    private static boolean separatedBy(String text, int end, int start, String separator) {
        return end <= start && text.substring(end, start).matches(separator);
    }

    private static boolean overlaps(List<RawMention> ms, int s, int e) {
        for (RawMention o : ms) if (o.start() < e && s < o.end()) return true;
        return false;
    }

    private static final Pattern DASH_AFTER = Pattern.compile("\\s?[-–—]\\s");

    /**
     * True when a line opens with the name and a dash. Looks only where the name occurs: a regex
     * compiled per name and run over the whole text cost more than the rest of these rules.
     */
    static boolean opensLineBeforeDash(String text, String name) {
        if (name.isEmpty()) return false;
        Matcher dash = DASH_AFTER.matcher(text);
        for (int i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + 1)) {
            char before = i == 0 ? '\n' : text.charAt(i - 1);
            // the line terminators of (?m)^
            boolean lineStart = before == '\n' || before == '\r' || before == '\u0085' || before == '\u2028' || before == '\u2029';
            if (lineStart && dash.region(i + name.length(), text.length()).lookingAt()) return true;
        }
        return false;
    }
}
