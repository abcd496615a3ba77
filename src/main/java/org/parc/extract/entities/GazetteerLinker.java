package org.parc.extract.entities;

import java.util.ArrayList;
import java.util.List;
import org.parc.extract.Entity;
import org.parc.extract.EntityLinker;
import org.parc.extract.EntityType;

/** Links places to GeoNames through the shipped gazetteer extract (CC BY 4.0, see geonames-NOTICE.txt). */
public final class GazetteerLinker implements EntityLinker {
    private final PlaceGazetteer gazetteer;

    public GazetteerLinker(PlaceGazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    public static GazetteerLinker shipped() {
        return new GazetteerLinker(PlaceGazetteer.shipped());
    }

    @Override
    public List<Entity> link(List<Entity> entities) {
        List<Entity> out = new ArrayList<>(entities.size());
        for (Entity e : entities) {
            if (e.type() != EntityType.PLACE || !e.links().isEmpty()) {
                out.add(e);
                continue;
            }
            List<String> names = new ArrayList<>();
            names.add(e.name());
            names.addAll(e.alternateNames());
            out.add(new Entity(e.type(), e.key(), e.name(), e.alternateNames(), e.mentions(), gazetteer.link(names), e.evidence()));
        }
        return out;
    }
}
