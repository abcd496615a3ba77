package org.parc.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.parc.ExitCodes;
import org.parc.store.Archive;
import org.parc.validate.Validator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check the archive against parc's SHACL shapes (vocab/shapes.ttl): every article has a title, a language, "
                + "a source file with its SHA-256 and the activity that produced it; every mention's selectors fit its text and "
                + "cut out exactly its quote; every mentioned entity has a type and a name; every correction names its person.",
                "Prints one line per violation: the resource, the property and what is wrong."},
        footer = {"", "Example:", "  parc validate --store ./archive", "", ExitCodes.HELP})
final class ValidateCommand implements Callable<Integer> {
    @ParentCommand
    Parc parc;

    @Mixin
    StoreOption store;

    @Override
    public Integer call() {
        try (Archive archive = store.open(false)) {
            List<Validator.Violation> vs = Validator.validate(archive);
            String base = archive.iris().base();
            for (Validator.Violation v : vs) parc.out.println(Validator.line(v, base));
            parc.out.println(vs.isEmpty() ? "the archive conforms to parc's shapes"
                    : vs.size() + (vs.size() == 1 ? " violation" : " violations") + ": the archive does not conform");
            return vs.isEmpty() ? ExitCodes.OK : ExitCodes.FAILED_INPUTS;
        }
    }
}
