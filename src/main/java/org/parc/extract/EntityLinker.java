package org.parc.extract;

import java.util.List;

/**
 * Stage: link recognized entities to authority records (GeoNames, …). Returns the entities with
 * their {@link Entity#links()} filled in; a link is accepted only when it is certain, otherwise it
 * stays a candidate. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface EntityLinker {
    List<Entity> link(List<Entity> entities);

    EntityLinker NONE = entities -> entities;

    /** This stage, then {@code next} on its result (each links the entities the other leaves alone). */
    default EntityLinker andThen(EntityLinker next) {
        return entities -> next.link(link(entities));
    }
}
