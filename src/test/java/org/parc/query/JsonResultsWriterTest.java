package org.parc.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetFactory;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.riot.rowset.RowSetWriterRegistry;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetStream;
import org.apache.jena.sparql.resultset.ResultSetCompare;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * parc's compact JSON results writer against the SPARQL 1.1 JSON results format, judged by Jena's
 * reader: every kind of term, unbound values, hostile strings (seeded), ASK; and the same results
 * as Jena's own writer gives.
 */
class JsonResultsWriterTest {
    static final Var S = Var.alloc("s"), O = Var.alloc("o"), W = Var.alloc("w_2");

    @BeforeAll
    static void install() {
        JsonResultsWriter.install();
    }

    @Test
    void installedForJsonResults() {
        assertTrue(RowSetWriterRegistry.getFactory(ResultSetLang.RS_JSON).create(ResultSetLang.RS_JSON) instanceof JsonResultsWriter);
    }

    @Test
    void everyKindOfTermReadsBackAsWritten() {
        Node bnode = NodeFactory.createBlankNode("b0");
        List<Node> terms = List.of(
                NodeFactory.createURI("https://parc.example.org/article/ab12"),
                NodeFactory.createURI("http://example.org/ünïcode/ %22q%22"),
                bnode,
                NodeFactory.createLiteralString("plain"),
                NodeFactory.createLiteralString(""),
                NodeFactory.createLiteralLang("Bagdad", "de"),
                NodeFactory.createLiteralDirLang("بغداد", "ar", "rtl"),
                NodeFactory.createLiteralDT("2017-06-30", XSDDatatype.XSDdate),
                NodeFactory.createLiteralDT("42", XSDDatatype.XSDinteger),
                NodeFactory.createLiteralString("quote \" backslash \\ tab \t nl \n cr \r nul \u0000 bell \u0007 del \u007f"),
                NodeFactory.createLiteralString("emoji 😀, CJK 北京, combining é, LS \u2028 PS \u2029"),
                NodeFactory.createTripleTerm(Triple.create(bnode, NodeFactory.createURI("http://schema.org/name"),
                        NodeFactory.createLiteralLang("Irak", "fr"))));
        List<Binding> rows = new ArrayList<>();
        for (Node t : terms) rows.add(BindingBuilder.create().add(S, t).add(W, t).build());
        rows.add(BindingBuilder.create().add(O, terms.get(3)).build()); // ?s and ?w_2 unbound
        rows.add(BindingBuilder.create().build());                      // nothing bound
        roundTrip(List.of(S, O, W), rows);
    }

    @Test
    void seededRandomStringsReadBackAsWritten() {
        Random rnd = new Random(20261205L);
        List<Binding> rows = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            StringBuilder sb = new StringBuilder();
            int len = rnd.nextInt(40);
            for (int k = 0; k < len; k++) {
                int pick = rnd.nextInt(6);
                if (pick == 0) sb.append((char) rnd.nextInt(0x20));                 // control characters
                else if (pick == 1) sb.append("\"\\/'{}[],:".charAt(rnd.nextInt(10)));
                else if (pick == 2) sb.appendCodePoint(0x1F600 + rnd.nextInt(80));   // outside the BMP
                else if (pick == 3) sb.append((char) (0xA0 + rnd.nextInt(0x2000)));
                else sb.append((char) (0x20 + rnd.nextInt(0x5F)));
            }
            rows.add(BindingBuilder.create().add(S, NodeFactory.createLiteralString(sb.toString()))
                    .add(O, NodeFactory.createLiteralLang(sb.toString(), "en-GB")).build());
        }
        roundTrip(List.of(S, O), rows);
    }

    @Test
    void emptyResultsAndAsk() throws Exception {
        roundTrip(List.of(S), List.of());
        roundTrip(List.of(), List.of());
        for (boolean b : new boolean[] {true, false}) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ResultSetMgr.write(out, b, ResultSetLang.RS_JSON);
            JsonNode json = new ObjectMapper().readTree(out.toByteArray());
            assertEquals(b, json.path("boolean").asBoolean(!b), out.toString(StandardCharsets.UTF_8));
            assertTrue(json.path("head").isObject());
            assertEquals(b, ResultSetMgr.readBoolean(new ByteArrayInputStream(out.toByteArray()), ResultSetLang.RS_JSON));
        }
    }

    @Test
    void oneRowPerLineAndStrictJson() throws Exception {
        List<Binding> rows = List.of(BindingBuilder.create().add(S, NodeFactory.createURI("http://x/1")).build(),
                BindingBuilder.create().add(S, NodeFactory.createLiteralString("two\nlines")).build());
        String text = write(List.of(S), rows);
        JsonNode json = new ObjectMapper().readTree(text);
        assertEquals("s", json.path("head").path("vars").get(0).asText());
        assertEquals(2, json.path("results").path("bindings").size());
        assertEquals("two\nlines", json.path("results").path("bindings").get(1).path("s").path("value").asText());
        assertEquals(4, text.split("\n").length, text); // header, two rows, the close
        assertFalse(text.contains("  "), text);
    }

    /** Ours written, Jena's reader reads; Jena's writer's output read the same way must equal it. */
    private static void roundTrip(List<Var> vars, List<Binding> rows) {
        String ours = write(vars, rows);
        ResultSetRewindable back = ResultSetFactory.makeRewindable(
                ResultSetMgr.read(new ByteArrayInputStream(ours.getBytes(StandardCharsets.UTF_8)), ResultSetLang.RS_JSON));
        ResultSetRewindable expected = ResultSetFactory.makeRewindable(ResultSet.adapt(RowSetStream.create(vars, rows.iterator())));
        assertEquals(vars.stream().map(Var::getVarName).toList(), back.getResultVars(), ours);
        assertTrue(ResultSetCompare.equalsByTerm(expected, back), () -> "read back differs:\n" + ours);
        expected.reset();
        back.reset();
        ByteArrayOutputStream jena = new ByteArrayOutputStream();
        org.apache.jena.riot.rowset.rw.RowSetWriterJSON.factory.create(ResultSetLang.RS_JSON)
                .write(jena, RowSetStream.create(vars, rows.iterator()), null);
        ResultSetRewindable viaJena = ResultSetFactory.makeRewindable(
                ResultSetMgr.read(new ByteArrayInputStream(jena.toByteArray()), ResultSetLang.RS_JSON));
        assertTrue(ResultSetCompare.equalsByTerm(viaJena, back), () -> "Jena's writer gives other results:\n" + jena + "\nours:\n" + ours);
    }

    private static String write(List<Var> vars, List<Binding> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RowSet rs = RowSetStream.create(vars, rows.iterator());
        new JsonResultsWriter().write(out, rs, null);
        return out.toString(StandardCharsets.UTF_8);
    }
}
