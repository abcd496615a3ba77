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
 *   <li>{@code MentionRules} corrects the tagger's raw mentions before merging (general rules, measured on the
 *       GUM dev set, see CoreNlpRecognizer): dateline and outlet boundaries ("WASHINGTON DC", "Kurdistan 24"),
 *       types from the country list and from cues ("news outlet Rudaw", "Harir base", "Afrin and Idlib"),
 *       facilities as places, known places and "... Department/Council/University" names the tagger missed,
 *       places nested in organization/facility names ("University of Sheffield"), leading titles, and an
 *       organization name that ran on into a person's name.</li>
 *   <li>{@link org.parc.extract.entities.PlaceNames}: known place names (JDK Locale country names, the
 *       GeoNames extract's cities and first-order divisions), names only.</li>
 *   <li>{@link org.parc.extract.entities.EntityKeys}: the archive-wide identity key of a name (alias table
 *       canonical name, else the name, slugged) and how it was decided; each entity's evidence detail
 *       records it ("identity: alias table: US -> United States, key united-states; ...") with the reason
 *       each other name joined; ambiguous short names are kept apart with their candidates.</li>
 *   <li>{@link org.parc.extract.entities.PlaceGazetteer} links places to GeoNames from a shipped extract
 *       (see geonames-NOTICE.txt beside the resources).</li>
 *   <li>{@link org.parc.extract.entities.Aliases}: the shipped table of very common aliases (US, UK, UN ...).</li>
 * </ul>
 */
package org.parc.extract.entities;
