package org.parc.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.parc.ExitCodes;
import org.parc.ParcException;
import org.parc.edit.Edit;
import org.parc.edit.EditRequests;
import org.parc.edit.Editor;
import org.parc.edit.Refs;
import org.parc.extract.EntityType;
import org.parc.ingest.Pipelines;
import org.parc.store.Archive;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "edit", mixinStandardHelpOptions = true,
        description = {"Correct the record: set, add or remove an article's value; merge or split entities; reject a mention; accept a link.",
                "Every edit is a prov:Activity of a prov:Person (--agent, $PARC_AGENT or `parc edit agent NAME`), with an optional --reason, "
                        + "kept in its own named graph <base>graph/edit/<id>. Earlier values are never deleted: their rdf:Statement is marked "
                        + "prov:wasInvalidatedBy the edit. Re-ingesting a file re-applies every correction.",
                "Articles are named by IRI, by id (54dce0720a519039-1) or by their source file's path; entities by IRI or by path under the "
                        + "base (person/haider-al-abadi)."},
        subcommands = {EditCommand.Set.class, EditCommand.Add.class, EditCommand.Remove.class, EditCommand.Merge.class,
                EditCommand.Split.class, EditCommand.Reject.class, EditCommand.Accept.class, EditCommand.Agent.class},
        footer = {"", "Examples:",
                "  parc edit set 003_fce4307d2c9900bd.txt title 'Iraq leans toward Russia' --agent 'Ann Librarian' --reason 'headline on page 1'",
                "  parc edit add 54dce0720a519039-1 creator 'Nadia Riva' --role author",
                "  parc edit merge person/haider-al-abadi person/abadi --reason 'same person'",
                "  parc history 003_fce4307d2c9900bd.txt",
                "", ExitCodes.HELP})
final class EditCommand implements Runnable {
    @ParentCommand
    Parc parc;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    // Inherited: `parc edit --agent NAME set ...` and `parc edit set ... --agent NAME` both work.
    @Option(names = "--agent", paramLabel = "NAME", scope = CommandLine.ScopeType.INHERIT,
            description = "Who makes the edit (default: $PARC_AGENT, else the archive's `parc edit agent`).")
    String agent;

    @Option(names = "--reason", paramLabel = "TEXT", scope = CommandLine.ScopeType.INHERIT, description = "Why: recorded with the edit.")
    String reason;

    @Option(names = {"-s", "--store"}, paramLabel = "DIR|URL", scope = CommandLine.ScopeType.INHERIT,
            description = "The archive: a folder (embedded TDB2, the default ./archive or $PARC_STORE) or a SPARQL 1.1 endpoint URL.")
    String store;

    Archive open(boolean create) {
        return org.parc.store.Stores.open(org.parc.store.Stores.resolve(store), create);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name an edit: set, add, remove, merge, split, reject, accept or agent");
    }

    abstract static class Base implements Callable<Integer> {
        @ParentCommand
        EditCommand edit;

        abstract EditRequests.Request request(Archive archive);

        @Override
        public Integer call() {
            try (Archive archive = edit.open(false)) {
                String agent = edit.agent;
                if (agent == null || agent.isBlank()) agent = System.getenv("PARC_AGENT");
                if (agent == null || agent.isBlank()) agent = Editor.defaultAgent(archive);
                if (agent == null || agent.isBlank()) {
                    throw ParcException.usage("say who makes the edit: --agent NAME (or set PARC_AGENT, or `parc edit agent NAME` once)");
                }
                EditRequests.Request req = request(archive);
                Editor.Result r = new Editor(archive, Pipelines.clock()).perform(agent, edit.reason, req);
                var out = edit.parc.out;
                out.println("edit " + r.edit().sequence() + " by " + r.edit().agent() + ": " + req.summary()
                        + (req.op() == Edit.Operation.SET || req.op() == Edit.Operation.ADD || req.op() == Edit.Operation.REMOVE
                        ? " of " + req.focus() : ""));
                out.println("  recorded in " + r.graph() + "; " + r.graphsChanged() + " document graph"
                        + (r.graphsChanged() == 1 ? "" : "s") + " changed (triples: " + r.removed() + " replaced, " + r.added() + " added)");
            }
            return ExitCodes.OK;
        }
    }

    abstract static class ValueEdit extends Base {
        @Parameters(index = "0", paramLabel = "ARTICLE", description = "The article: IRI, id, or its source file's path.")
        String article;

        @Parameters(index = "1", paramLabel = "FIELD", description = "title, issued, language, outlet, creator, subject or location.")
        String field;

        @Option(names = "--role", paramLabel = "ROLE", description = "For creator: author (default), editor, photographer, translator or contributor.")
        String role;

        @Option(names = "--organization", description = "For creator: the creator is an organization (an agency), not a person.")
        boolean organization;

        EditRequests.Request build(Archive archive, Edit.Operation op, String value) {
            return EditRequests.value(archive.iris(), op, Refs.article(archive, article), field, value, role, organization);
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true,
            description = "Set an article's value, replacing every earlier one (for creator: every creator in that role).",
            footer = {"", "Example:", "  parc edit set 54dce0720a519039-1 issued 2015-10-09 --agent 'Ann Librarian' --reason 'print edition'", "", ExitCodes.HELP})
    static final class Set extends ValueEdit {
        @Parameters(index = "2", paramLabel = "VALUE", description = "The new value (a date as YYYY, YYYY-MM or YYYY-MM-DD).")
        String value;

        @Override
        EditRequests.Request request(Archive archive) {
            return build(archive, Edit.Operation.SET, value);
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add a value beside the existing ones (creators, subjects).",
            footer = {"", "Example:", "  parc edit add 54dce0720a519039-1 subject 'Iraq–Russia relations' --agent 'Ann Librarian'", "", ExitCodes.HELP})
    static final class Add extends ValueEdit {
        @Parameters(index = "2", paramLabel = "VALUE", description = "The value to add.")
        String value;

        @Override
        EditRequests.Request request(Archive archive) {
            return build(archive, Edit.Operation.ADD, value);
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = "Remove one value (or, without VALUE, every value) of an article's field. The value stays in the history.",
            footer = {"", "Example:", "  parc edit remove 54dce0720a519039-1 creator 'Alwaght' --organization --reason 'outlet, not an author'", "", ExitCodes.HELP})
    static final class Remove extends ValueEdit {
        @Parameters(index = "2", arity = "0..1", paramLabel = "VALUE", description = "The value to remove (a name for outlet, creator, location).")
        String value;

        @Override
        EditRequests.Request request(Archive archive) {
            return build(archive, Edit.Operation.REMOVE, value);
        }
    }

    @Command(name = "merge", mixinStandardHelpOptions = true,
            description = {"Merge entity OTHER into KEEP: every mention, credit and name of OTHER moves to KEEP (OTHER's names become "
                    + "schema:alternateName); OTHER is recorded owl:sameAs KEEP."},
            footer = {"", "Example:", "  parc edit merge person/haider-al-abadi person/abadi --agent 'Ann Librarian' --reason 'same person'", "", ExitCodes.HELP})
    static final class Merge extends Base {
        @Parameters(index = "0", paramLabel = "KEEP", description = "The entity that stays.")
        String keep;

        @Parameters(index = "1", paramLabel = "OTHER", description = "The entity merged into it.")
        String other;

        @Override
        EditRequests.Request request(Archive archive) {
            return EditRequests.merge(Refs.iri(archive.iris(), keep), Refs.iri(archive.iris(), other));
        }
    }

    @Command(name = "split", mixinStandardHelpOptions = true,
            description = "Split mentions off an entity into a new one: the mentions written with a --name, and the --mention annotations.",
            footer = {"", "Example:", "  parc edit split person/george-bush --as 'George W. Bush' --name 'Bush Jr.' --agent 'Ann Librarian'", "", ExitCodes.HELP})
    static final class Split extends Base {
        @Parameters(index = "0", paramLabel = "ENTITY", description = "The entity to split.")
        String entity;

        @Option(names = "--as", required = true, paramLabel = "NAME", description = "The new entity's name.")
        String newName;

        @Option(names = "--name", paramLabel = "NAME", description = "Move the mentions written so (repeatable).")
        List<String> names = new ArrayList<>();

        @Option(names = "--mention", paramLabel = "ANNOTATION", description = "Move this mention (annotation IRI; repeatable).")
        List<String> mentions = new ArrayList<>();

        @Option(names = "--type", paramLabel = "TYPE", description = "person, organization or place (default: the same as ENTITY).")
        String type;

        @Override
        EditRequests.Request request(Archive archive) {
            String iri = Refs.iri(archive.iris(), entity);
            EntityType t = null;
            if (type != null) {
                for (EntityType et : EntityType.values()) if (et.slug().equalsIgnoreCase(type)) t = et;
                if (t == null) throw ParcException.usage("unknown type " + type + " (person, organization or place)");
            } else {
                for (EntityType et : EntityType.values()) if (iri.startsWith(archive.iris().base() + et.slug() + "/")) t = et;
                if (t == null) throw ParcException.usage("give the new entity's --type (person, organization or place)");
            }
            List<String> anns = mentions.stream().map(m -> Refs.iri(archive.iris(), m)).toList();
            return EditRequests.split(archive.iris(), iri, t, newName, names, anns);
        }
    }

    @Command(name = "reject", mixinStandardHelpOptions = true,
            description = "Reject a mention (an oa:Annotation): it leaves the record but stays in the history.",
            footer = {"", "Example:", "  parc edit reject annotation/54dce0720a519039-1/place/120-126 --reason 'not a place here'", "", ExitCodes.HELP})
    static final class Reject extends Base {
        @Parameters(index = "0", paramLabel = "ANNOTATION", description = "The annotation IRI (or its path under the base).")
        String annotation;

        @Override
        EditRequests.Request request(Archive archive) {
            return EditRequests.reject(Refs.iri(archive.iris(), annotation));
        }
    }

    @Command(name = "accept", mixinStandardHelpOptions = true,
            description = "Accept a link candidate (parc:linkCandidate) of an entity: it becomes schema:sameAs.",
            footer = {"", "Example:", "  parc edit accept place/baghdad https://sws.geonames.org/98182/ --agent 'Ann Librarian'", "", ExitCodes.HELP})
    static final class Accept extends Base {
        @Parameters(index = "0", paramLabel = "ENTITY", description = "The entity.")
        String entity;

        @Parameters(index = "1", paramLabel = "IRI", description = "The candidate to accept.")
        String candidate;

        @Override
        EditRequests.Request request(Archive archive) {
            return EditRequests.accept(Refs.iri(archive.iris(), entity), candidate);
        }
    }

    @Command(name = "agent", mixinStandardHelpOptions = true,
            description = "Show, or set, the person edits are made by when --agent is not given (stored in the archive's settings).",
            footer = {"", "Example:", "  parc edit agent 'Ann Librarian'", "", ExitCodes.HELP})
    static final class Agent implements Callable<Integer> {
        @ParentCommand
        EditCommand edit;

        @Parameters(arity = "0..1", paramLabel = "NAME", description = "The person's name.")
        String name;

        @Override
        public Integer call() {
            try (Archive archive = edit.open(name != null)) {
                if (name == null) {
                    String n = Editor.defaultAgent(archive);
                    edit.parc.out.println(n == null ? "(no default agent: give --agent NAME)" : n);
                } else {
                    if (name.isBlank()) throw ParcException.usage("the name is empty");
                    Editor.setDefaultAgent(archive, name.strip());
                    edit.parc.out.println("edits are now made by " + name.strip() + " unless --agent says otherwise");
                }
            }
            return ExitCodes.OK;
        }
    }
}
