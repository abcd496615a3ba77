package org.parc.support;

import java.nio.file.Path;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.sys.TDBInternal;

/** Reads a closed TDB2 archive into memory, for comparisons. */
public final class Stores {
    private Stores() {}

    public static DatasetGraph snapshot(Path dir) {
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(dir.toString());
        try {
            DatasetGraph copy = DatasetGraphFactory.createTxnMem();
            Txn.executeRead(dsg, () -> dsg.find().forEachRemaining(copy::add));
            return copy;
        } finally {
            TDBInternal.expel(dsg);
        }
    }
}
