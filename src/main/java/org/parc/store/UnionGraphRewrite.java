package org.parc.store;

import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.syntax.Element;
import org.apache.jena.sparql.syntax.ElementNamedGraph;
import org.apache.jena.sparql.syntax.ElementPathBlock;
import org.apache.jena.sparql.syntax.ElementTriplesBlock;
import org.apache.jena.sparql.syntax.syntaxtransform.ElementTransformCopyBase;
import org.apache.jena.sparql.syntax.syntaxtransform.ElementTransformer;
import org.apache.jena.sparql.syntax.syntaxtransform.ExprTransformApplyElementTransform;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;

/**
 * Rewrites a query so that its default-graph patterns match the union of the named graphs on an
 * Apache Jena server (Fuseki) whatever its dataset's default graph: every triple block outside a
 * GRAPH clause goes into {@code GRAPH <urn:x-arq:UnionGraph>}, Jena's name for the union. Blocks
 * inside GRAPH clauses, in subqueries and in EXISTS are handled the same way; queries that give
 * their own dataset (FROM / FROM NAMED) are left alone.
 */
final class UnionGraphRewrite {
    static final Node UNION = Quad.unionGraph;

    private UnionGraphRewrite() {}

    static Query rewrite(Query q) {
        if (q.hasDatasetDescription() || q.getQueryPattern() == null) return q;
        Wrap wrap = new Wrap();
        return QueryTransformOps.transform(q, wrap, new ExprTransformApplyElementTransform(wrap));
    }

    /** Bottom-up: wraps triple blocks; a GRAPH clause of the user's takes its own content back unwrapped. */
    private static final class Wrap extends ElementTransformCopyBase {
        @Override
        public Element transform(ElementPathBlock el) {
            return new ElementNamedGraph(UNION, el);
        }

        @Override
        public Element transform(ElementTriplesBlock el) {
            return new ElementNamedGraph(UNION, el);
        }

        @Override
        public Element transform(ElementNamedGraph el, Node gn, Element sub) {
            if (gn.equals(UNION)) return new ElementNamedGraph(gn, sub);
            Unwrap unwrap = new Unwrap();
            return new ElementNamedGraph(gn, ElementTransformer.transform(sub, unwrap, new ExprTransformApplyElementTransform(unwrap)));
        }
    }

    /** Takes the wrappers off again inside a user's GRAPH clause, where patterns match that graph. */
    private static final class Unwrap extends ElementTransformCopyBase {
        @Override
        public Element transform(ElementNamedGraph el, Node gn, Element sub) {
            return gn.equals(UNION) ? sub : new ElementNamedGraph(gn, sub);
        }
    }
}
