package org.parc.extract.entities;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Names of known places, folded (see {@link Names#fold}): countries (the JDK's English display names
 * of the ISO 3166 codes, java.util.Locale, plus the country aliases of {@link Aliases}), the cities
 * of the shipped GeoNames extract and the names of first-order divisions. Names only, no IDs: used to
 * type and find place names, not to link them (that is {@link PlaceGazetteer}).
 */
public final class PlaceNames {
    private final Set<String> countries;
    private final Set<String> places;
    private final Map<String, List<List<String>>> byFirstWord;

    PlaceNames(Set<String> countries, Set<String> others) {
        this.countries = Set.copyOf(countries);
        Set<String> all = new HashSet<>(countries);
        all.addAll(others);
        this.places = Set.copyOf(all);
        Map<String, List<List<String>>> m = new HashMap<>();
        for (String p : all) {
            List<String> w = List.of(p.split(" "));
            m.computeIfAbsent(w.get(0), k -> new ArrayList<>()).add(w);
        }
        // longest first, so that a scan takes "New York City" before "New York"
        for (List<List<String>> l : m.values()) l.sort((a, b) -> b.size() - a.size());
        this.byFirstWord = Map.copyOf(m);
    }

    public static PlaceNames shipped() {
        return Holder.SHIPPED;
    }

    /** A country's name or a common alias of one ("Britain", "U.S."). */
    public boolean isCountry(String name) {
        return countries.contains(Names.fold(name));
    }

    /** A country, city or first-order division name. */
    public boolean isPlace(String name) {
        return places.contains(Names.fold(name));
    }

    /** Known names that start with this folded word, as folded word lists, longest first. */
    List<List<String>> startingWith(String foldedWord) {
        return byFirstWord.getOrDefault(foldedWord, List.of());
    }

    /** English names of the ISO 3166 countries, with "and" for "&", without "(Burma)", "Saint" for "St.". */
    static Set<String> countryNames() {
        Set<String> out = new HashSet<>();
        for (String code : Locale.getISOCountries()) {
            for (String f : countryForms(code)) out.add(Names.fold(f));
        }
        // "Congo - Kinshasa" folds to "congo kinshasa"; the short "Congo" is common usage too
        out.add("congo");
        return out;
    }

    /** The JDK's English name of an ISO 3166 code and its plain variants; empty if the JDK has none. */
    static List<String> countryForms(String code) {
        String n = new Locale("", code).getDisplayCountry(Locale.ENGLISH);
        if (n.equals(code)) return List.of();
        List<String> forms = new ArrayList<>();
        forms.add(n);
        int p = n.indexOf(" (");
        if (p > 0) {
            forms.add(n.substring(0, p));
            forms.add(n.substring(p + 2, n.indexOf(')', p)));
        }
        for (String f : List.copyOf(forms)) {
            if (f.contains(" & ")) forms.add(f.replace(" & ", " and "));
            if (f.startsWith("St. ")) forms.add("Saint " + f.substring(4));
        }
        return forms;
    }

    private static final Set<String> GENERIC = Set.of("north", "south", "east", "west", "northern", "southern",
            "eastern", "western", "central", "capital", "upper", "lower", "middle", "coast", "coastal", "islands", "island",
            "lakes", "lake", "rivers", "river", "border", "mountain", "mountains", "plateau", "valley", "highlands", "lowlands",
            "north east", "north west", "south east", "south west", "northeast", "northwest", "southeast", "southwest",
            "centre", "center", "interior", "littoral", "savanes", "plains", "federal", "district", "new", "great", "greater",
            "sea", "gulf", "bay", "oriental", "occidental", "region", "province", "state", "city", "territory", "of", "the", "and");

    private static final class Holder {
        static final PlaceNames SHIPPED = load();

        private static PlaceNames load() {
            Set<String> countries = countryNames();
            // the alias table's rows whose canonical name is a country are country aliases
            for (String[] row : Aliases.rows()) {
                if (countries.contains(Names.fold(row[0]))) for (String a : row) countries.add(Names.fold(a));
            }
            Set<String> others = new HashSet<>();
            for (String line : ShippedLines.of("geonames-places.tsv")) {
                String[] f = line.split("\t");
                others.add(Names.fold(f[5]));
            }
            for (String line : ShippedLines.of("geonames-admin1-names.txt")) {
                String f = Names.fold(line);
                others.add(f);
                // "Nizhny Novgorod Oblast" is also called "Nizhny Novgorod"
                String bare = f.replaceFirst(" (oblast|province|governorate|region|prefecture|county|krai|kray|state|district|department|voivodeship)$", "");
                if (!bare.equals(f) && bare.length() > 3) others.add(bare);
            }
            others.removeIf(String::isEmpty);
            // "Western", "Central", "Upper East": region names made only of generic words are ordinary English
            others.removeIf(n -> GENERIC.containsAll(List.of(n.split(" "))));
            return new PlaceNames(countries, others);
        }
    }
}
