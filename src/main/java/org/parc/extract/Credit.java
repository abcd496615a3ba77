package org.parc.extract;

/**
 * One name from a byline or credit line.
 *
 * @param name         the name as it should be catalogued ("Nadia Riva", "Reuters")
 * @param role         what they did
 * @param organization true for agencies and outlets credited as authors (Reuters, AP)
 */
public record Credit(String name, Role role, boolean organization, Evidence evidence) {}
