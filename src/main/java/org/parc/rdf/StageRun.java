package org.parc.rdf;

import java.time.Instant;
import java.util.List;

/** One stage run on one file: becomes a prov:Activity. */
public record StageRun(Stage stage, Instant started, Instant ended, List<Software> software) {}
