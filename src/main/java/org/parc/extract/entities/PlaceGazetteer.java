package org.parc.extract.entities;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.parc.extract.Entity;
import org.parc.extract.Evidence;

/**
 * Links place names to GeoNames from a small shipped extract (geonames-places.tsv: all countries and
 * the populated places with at least 100,000 inhabitants, capitals and first-order seats; GeoNames,
 * CC BY 4.0, see geonames-NOTICE.txt). Countries are also known by the JDK's English name of their
 * ISO code and by the country aliases of {@link Aliases} ("US", "Britain"). A link is accepted only
 * when the name is exact and unambiguous in the extract, or names exactly one country (news usage:
 * "Kuwait" is the country before the city), and is not also the name of a state or province;
 * otherwise the candidates are offered, unaccepted, for a librarian.
 */
public final class PlaceGazetteer {
    /** Where GeoNames' feature IRIs start. */
    public static final String GEONAMES_PREFIX = "https://sws.geonames.org/";

    /** One GeoNames feature of the extract. */
    public record Place(long geonameId, boolean country, String countryCode, String feature, long population, String name) {
        public String iri() {
            return GEONAMES_PREFIX + geonameId + "/";
        }
    }

    private static final int MAX_CANDIDATES = 3;

    private final Map<String, List<Place>> byName;
    private final Set<String> admin1;

    PlaceGazetteer(Collection<Place> places, Collection<String> admin1Names) {
        Map<String, List<Place>> m = new HashMap<>();
        for (Place p : places) m.computeIfAbsent(Names.fold(p.name()), k -> new ArrayList<>()).add(p);
        for (List<Place> l : m.values()) {
            l.sort(Comparator.comparing((Place p) -> !p.country()).thenComparing(Place::population, Comparator.reverseOrder()));
        }
        this.byName = Map.copyOf(m);
        Set<String> a = new HashSet<>();
        for (String n : admin1Names) a.add(Names.fold(n));
        this.admin1 = Set.copyOf(a);
    }

    /** The shipped extract, loaded once. */
    public static PlaceGazetteer shipped() {
        return Holder.SHIPPED;
    }

    /** Features named exactly so (case, diacritics and punctuation ignored), countries first, then by population. */
    public List<Place> lookup(String name) {
        return byName.getOrDefault(Names.fold(name), List.of());
    }

    /**
     * Links for a place entity known by these names (the preferred first). The first name that
     * matches decides; an exact unique match is accepted, ambiguous ones give candidates.
     */
    public List<Entity.Link> link(List<String> names) {
        for (String n : names) {
            List<Place> found = lookup(n);
            if (found.isEmpty()) continue;
            boolean region = admin1.contains(Names.fold(n));
            // a capital or regional seat named like its own region (Baghdad, Moscow) is the usual reading
            boolean seat = found.size() == 1 && !found.get(0).country() && found.get(0).feature().matches("PPLC|PPLA");
            long countries = found.stream().filter(Place::country).map(Place::geonameId).distinct().count();
            boolean countryFirst = countries == 1 && !region;
            boolean ambiguous = found.size() > 1 && !countryFirst || region && !seat;
            Evidence ev = Evidence.of("geonames-extract", "name \"" + n + "\"" + (found.size() > 1 ? ", " + found.size() + " features" : "") + (region ? ", also a region" : ""));
            if (!ambiguous) {
                double conf = found.size() > 1 ? 0.85 : region ? 0.9 : 0.95;
                List<Entity.Link> out = new ArrayList<>();
                out.add(new Entity.Link(found.get(0).iri(), conf, true, ev));
                // the other features of that name stay visible as candidates
                for (Place p : found.subList(1, Math.min(found.size(), MAX_CANDIDATES))) out.add(new Entity.Link(p.iri(), 0.1, false, ev));
                return List.copyOf(out);
            }
            Map<String, Entity.Link> out = new LinkedHashMap<>();
            double conf = 0.6;
            for (Place p : found) {
                if (out.size() == MAX_CANDIDATES) break;
                out.putIfAbsent(p.iri(), new Entity.Link(p.iri(), conf, false, ev));
                conf = Math.max(0.1, conf - 0.2);
            }
            return List.copyOf(out.values());
        }
        return List.of();
    }

    private static final class Holder {
        static final PlaceGazetteer SHIPPED = load();

        private static PlaceGazetteer load() {
            List<Place> places = new ArrayList<>();
            Map<String, Place> countryByCode = new LinkedHashMap<>();
            Map<String, Place> countryByName = new HashMap<>();
            for (String line : ShippedLines.of("geonames-places.tsv")) {
                String[] f = line.split("\t");
                Place p = new Place(Long.parseLong(f[0]), f[1].equals("A"), f[2], f[3], Long.parseLong(f[4].isEmpty() ? "0" : f[4]), f[5]);
                places.add(p);
                if (p.country()) {
                    countryByCode.putIfAbsent(p.countryCode(), p);
                    countryByName.put(Names.fold(p.name()), p);
                }
            }
            // the names a news text uses: the JDK's English names of the ISO codes, then the aliases
            for (Place c : countryByCode.values()) {
                for (String n : PlaceNames.countryForms(c.countryCode())) {
                    if (countryByName.putIfAbsent(Names.fold(n), c) == null) places.add(withName(c, n));
                }
            }
            for (String[] row : Aliases.rows()) {
                Place c = null;
                for (String a : row) if (c == null) c = countryByName.get(Names.fold(a));
                if (c == null) continue;
                for (String a : row) if (countryByName.putIfAbsent(Names.fold(a), c) == null) places.add(withName(c, a));
            }
            return new PlaceGazetteer(places, ShippedLines.of("geonames-admin1-names.txt"));
        }

        private static Place withName(Place p, String name) {
            return new Place(p.geonameId(), p.country(), p.countryCode(), p.feature(), p.population(), name);
        }
    }
}
