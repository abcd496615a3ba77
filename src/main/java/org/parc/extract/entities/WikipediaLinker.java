package org.parc.extract.entities;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.parc.extract.Entity;
import org.parc.extract.EntityLinker;
import org.parc.extract.EntityType;
import org.parc.extract.Evidence;

/**
 * Links people and organizations to Wikipedia articles, as DBpedia resources, through the
 * anchor-text dictionary of CoreNLP's KBP models ({@link WikiDict}).
 *
 * <p>The dictionary knows how often a name links to an article, not whether this article's
 * "Harry Kane" is that one, and some of its entries are plainly wrong ("John Kerry" →
 * The_Electras, "BBC News" → BBC_Weekend_News). So a link is asserted only when the title agrees
 * with the name:
 * <ul>
 *   <li>the title is the name as written, case included, and at least {@value #ACCEPT_SAME} of the
 *       name's links go to it; or</li>
 *   <li>the title is a variant of the name (a person's first and last names, or an organization's
 *       words: "Sergei Lavrov" → Sergey_Lavrov, "Straits Times" → The_Straits_Times) and at least
 *       {@value #ACCEPT_VARIANT} do.</li>
 * </ul>
 * Anything else that shares a word with the name is recorded as a candidate, never as a fact; so
 * is a title that differs from the name only in case ("Islamic State" → Islamic_state, an article
 * on the concept). A title with no word of the name is dropped. Only the entity's main (fullest) name is looked up: the short forms of a text ("the
 * Court", "Maliki") mostly name something else. The dictionary dates from 2012: people and bodies
 * newer than that get no link.
 */
public final class WikipediaLinker implements EntityLinker {
    static final double ACCEPT_SAME = 0.8;
    static final double ACCEPT_VARIANT = 0.9;
    public static final String DBPEDIA_PREFIX = "http://dbpedia.org/resource/";

    /** Articles on works, animals, names and such, by their title's qualifier: never a person or a body. */
    private static final Set<String> NOT_AN_AGENT = Set.of("film", "album", "song", "novel", "play", "book", "poem", "ship",
            "horse", "video game", "tv series", "television series", "miniseries", "tv program", "tv programme", "episode", "given name", "surname", "name", "word", "painting");
    private static final Set<String> NOT_A_PERSON = Set.of("band", "company", "magazine", "newspaper", "organization",
            "organisation", "political party", "party", "website", "journal", "team");

    private final Supplier<Optional<WikiDict>> dict;
    private final String source;

    WikipediaLinker(Supplier<Optional<WikiDict>> dict, String source) {
        this.dict = dict;
        this.source = source;
    }

    /** The dictionary shipped in CoreNLP's KBP models; indexed on first use, not when built. */
    public static WikipediaLinker shipped(String coreNlpVersion) {
        return new WikipediaLinker(WikiDict::shared, "anchor-text dictionary of CoreNLP " + coreNlpVersion
                + "'s KBP models (Spitkovsky & Chang 2012)");
    }

    @Override
    public List<Entity> link(List<Entity> entities) {
        Optional<WikiDict> d = entities.stream().anyMatch(WikipediaLinker::linkable) ? dict.get() : Optional.empty();
        if (d.isEmpty()) return entities;
        List<Entity> out = new ArrayList<>(entities.size());
        for (Entity e : entities) {
            List<Entity.Link> links = linkable(e) ? links(d.get(), e) : List.of();
            out.add(links.isEmpty() ? e
                    : new Entity(e.type(), e.key(), e.name(), e.alternateNames(), e.mentions(), links, e.evidence()));
        }
        return out;
    }

    private static boolean linkable(Entity e) {
        return (e.type() == EntityType.PERSON || e.type() == EntityType.ORGANIZATION) && e.links().isEmpty();
    }

    /** The link the entity's main name gives, if the dictionary knows the name and the article is on a person or body. */
    List<Entity.Link> links(WikiDict d, Entity e) {
        String n = e.name();
        if (e.type() == EntityType.PERSON && Names.words(n).size() < 2) return List.of();
        Optional<WikiDict.Title> t = d.lookup(n);
        if (t.isEmpty() || !fits(e.type(), t.get().title())) return List.of();
        String title = t.get().title();
        double p = t.get().score();
        String shown = display(title);
        String name = WikiDict.key(n);
        boolean accept;
        String why;
        if (shown.equals(name)) {
            accept = p >= ACCEPT_SAME;
            why = accept ? "the title is the name" : "the title is the name, but for under " + percent(ACCEPT_SAME) + " of its links";
        } else if (shown.equalsIgnoreCase(name)) {
            accept = false;
            why = "the title agrees with the name only in letters, not in case (an article on a concept?)";
        } else if (variant(e.type(), name, shown)) {
            accept = p >= ACCEPT_VARIANT;
            why = accept ? "the title is a variant of the name" : "the title is a variant of the name, but for under " + percent(ACCEPT_VARIANT) + " of its links";
        } else if (related(name, shown)) {
            accept = false;
            why = "the title is not the name";
        } else {
            // no word in common ("John Kerry" → The_Electras): the dictionary's mistake, not a reading
            return List.of();
        }
        String detail = String.format(Locale.ROOT, "name \"%s\": P(%s | name) = %s in the %s; %s: %s", n, title, trim(p), source,
                accept ? "asserted" : "a candidate", why);
        // A candidate's title disagrees with the name or is too rare a reading of it: the share of
        // the name's links is not the chance that this text means that article, so it counts half.
        return List.of(new Entity.Link(DBPEDIA_PREFIX + iriSafe(title), round(accept ? p : p / 2), accept,
                Evidence.of("wikidict", detail)));
    }

    /**
     * Whether an article's title is another spelling of the name: for a person, the same first and
     * last names ("Dean Kamen" → Dean L. Kamen, "Ibrahim Jaafari" → Ibrahim al-Jaafari); for an
     * organization, every word of the title found in the name ("United Kingdom Home Office" → Home
     * Office). Words compare as spelling or transliteration variants (Organisation/Organization).
     */
    static boolean variant(EntityType type, String name, String title) {
        List<String> nw = significant(name), tw = significant(title);
        if (nw.isEmpty() || tw.isEmpty()) return false;
        if (type == EntityType.PERSON) {
            return nw.size() >= 2 && tw.size() >= 2 && Names.variantWords(nw.get(0), tw.get(0))
                    && Names.variantWords(nw.get(nw.size() - 1), tw.get(tw.size() - 1));
        }
        return tw.stream().allMatch(w -> nw.stream().anyMatch(x -> Names.variantWords(w, x)));
    }

    /** At least one word of the name in the title, as a variant ("Badr Corps" → Badr_Organization). */
    static boolean related(String name, String title) {
        List<String> tw = significant(title);
        return significant(name).stream().anyMatch(w -> tw.stream().anyMatch(x -> Names.variantWords(w, x)));
    }

    private static final Set<String> MINOR = Set.of("the", "of", "and", "for", "on", "in", "at", "de", "al", "el", "&");

    private static List<String> significant(String s) {
        return Names.words(s).stream().filter(w -> !MINOR.contains(Names.fold(w)) && !Names.fold(w).isEmpty()).toList();
    }

    /** An article on a person or a body, as far as its title's qualifier tells ("Anonymous (group)", not "… (film)"). */
    static boolean fits(EntityType type, String title) {
        int open = title.lastIndexOf("_(");
        if (open < 0 || !title.endsWith(")")) return true;
        String q = title.substring(open + 2, title.length() - 1).replace('_', ' ').toLowerCase(Locale.ROOT);
        // "Border_Force_(UK_TV_series)", "Crash_(2004_film)": the qualifier's last words say what the work is
        if (NOT_AN_AGENT.stream().anyMatch(w -> q.equals(w) || q.endsWith(" " + w))) return false;
        return type != EntityType.PERSON || NOT_A_PERSON.stream().noneMatch(q::endsWith);
    }

    /** The title as a reader sees it: spaces for underscores, without a "(qualifier)". */
    static String display(String title) {
        String t = title.replace('_', ' ');
        int open = t.lastIndexOf(" (");
        if (open > 0 && t.endsWith(")")) t = t.substring(0, open);
        return t;
    }

    /** Wikipedia titles may hold characters an IRI may not (DBpedia writes them percent-encoded). */
    static String iriSafe(String title) {
        StringBuilder b = new StringBuilder(title.length());
        for (int i = 0; i < title.length(); i++) {
            char c = title.charAt(i);
            if (c <= 0x20 || "<>\"{}|\\^`".indexOf(c) >= 0 || c == 0x7f) {
                b.append(String.format(Locale.ROOT, "%%%02X", (int) c));
            } else if (c == '%' && !(i + 2 < title.length() && hex(title.charAt(i + 1)) && hex(title.charAt(i + 2)))) {
                b.append("%25");
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static boolean hex(char c) {
        return Character.digit(c, 16) >= 0;
    }

    private static double round(double p) {
        return Math.round(p * 1000) / 1000.0;
    }

    private static String percent(double p) {
        return Math.round(p * 100) + " %";
    }

    private static String trim(double p) {
        return String.format(Locale.ROOT, "%.3f", p);
    }
}
