/**
 * Mentioned people, organizations and places: recognized, merged per article, keyed and linked.
 *
 * <ul>
 *   <li>{@link org.parc.extract.entities.CoreNlpRecognizer#shared()} is the pipeline's
 *       {@link org.parc.extract.EntityRecognizer}: Stanford CoreNLP's English CRF tagger, models loaded
 *       lazily once per process, safe to share between threads.</li>
 *   <li>{@link org.parc.extract.entities.EntityMerger} turns raw typed mentions into entities (pure Java:
 *       spans cleaned of "the" and possessives, demonyms dropped, aliases grouped, fullest name chosen,
 *       key = Iris.slug of the canonical or fullest name).</li>
 *   <li>{@link org.parc.extract.entities.PlaceGazetteer} links places to GeoNames from a shipped extract
 *       (see geonames-NOTICE.txt beside the resources).</li>
 *   <li>{@link org.parc.extract.entities.Aliases}: the shipped table of very common aliases (US, UK, UN ...).</li>
 * </ul>
 */
package org.parc.extract.entities;
