package org.parc.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Digitized newspaper pages in ALTO: words from attributes, hyphenation undone, blocks as paragraphs. */
class AltoTest {
    static final String PAGE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!-- from a digitization batch -->
            <alto xmlns="http://www.loc.gov/standards/alto/ns-v2#">
            <Description><MeasurementUnit>inch1200</MeasurementUnit>
              <sourceImageInformation><fileName>/batch_dlc/sn83030214/1912-04-16/ed-1/seq-1.jp2</fileName></sourceImageInformation></Description>
            <Layout><Page ID="P1"><PrintSpace>
            <TextBlock ID="TB1"><TextLine><String CONTENT="TITANIC"/><SP/><String CONTENT="SINKS"/></TextLine></TextBlock>
            <ComposedBlock><TextBlock ID="TB2">
              <TextLine><String CONTENT="The"/><SP/><String CONTENT="liner"/><SP/><String CONTENT="struck"/><SP/><String CONTENT="an"/><SP/><String CONTENT="ice-"/><HYP CONTENT="-"/></TextLine>
              <TextLine><String CONTENT="berg"/><SP/><String CONTENT="off"/><SP/><String CONTENT="Newfoundland,"/><SP/><String CONTENT="the"/><SP/>
                <String CONTENT="Govern" SUBS_TYPE="HypPart1" SUBS_CONTENT="Government"/><HYP CONTENT="-"/></TextLine>
              <TextLine><String CONTENT="ment" SUBS_TYPE="HypPart2" SUBS_CONTENT="Government"/><SP/><String CONTENT="said."/></TextLine>
            </TextBlock></ComposedBlock>
            </PrintSpace></Page></Layout></alto>
            """;

    private static Alto.Page read(String xml, int max) throws Exception {
        return Alto.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), max);
    }

    @Test
    void wordsComeFromTheirAttributesAndHyphenatedWordsAreWholeAgain() throws Exception {
        assertTrue(Alto.is(PAGE));
        Alto.Page p = read(PAGE, 1_000_000);
        assertEquals("TITANIC SINKS\n\nThe liner struck an iceberg off Newfoundland, the Government said.", p.text());
        assertEquals("/batch_dlc/sn83030214/1912-04-16/ed-1/seq-1.jp2", p.imageFile());
        assertEquals("1912-04-16", p.issued(), "Chronicling America names a page by its issue");
        assertFalse(p.cut());
    }

    @Test
    void aHeadlineAfterRunningTextIsSetOffForTheStorySplitter() throws Exception {
        String prose = "<TextBlock><TextLine>" + "<String CONTENT=\"word\"/><SP/>".repeat(30) + "<String CONTENT=\"end.\"/></TextLine></TextBlock>";
        Alto.Page p = read("<alto>" + prose + "<TextBlock><TextLine><String CONTENT=\"SUFFRAGISTS\"/><String CONTENT=\"MARCH\"/>"
                + "</TextLine></TextBlock>" + prose + "</alto>", 1_000_000);
        assertTrue(p.text().contains("end.\n\n\nSUFFRAGISTS MARCH\n\nword"), p.text());
        assertNull(p.issued());
    }

    @Test
    void aPageCutOffKeepsItsWordsAndOnlyAltoIsAlto() throws Exception {
        Alto.Page cut = read(PAGE.substring(0, PAGE.indexOf("<String CONTENT=\"berg\"")), 1_000_000);
        assertTrue(cut.cut());
        assertTrue(cut.text().endsWith("The liner struck an iceberg") || cut.text().endsWith("The liner struck an ice"), cut.text());
        assertTrue(read(PAGE, 20).cut(), "the write limit");
        assertTrue(read(PAGE, 20).text().length() <= 20);
        assertThrows(javax.xml.stream.XMLStreamException.class, () -> read("<alto><Layout", 1000));
        assertTrue(Alto.is("<alto:alto xmlns:alto=\"http://www.loc.gov/standards/alto/ns-v4#\">"));
        assertFalse(Alto.is("<?xml version=\"1.0\"?><mets><!-- alto files listed below --></mets>"));
        assertFalse(Alto.is("<altogether/>"));
    }

    @Test
    void anIssueDateComesFromChroniclingAmericasNamesAndCatalogueRecordsAreNoArticles() {
        assertEquals("1912-04-16", Alto.issueDate("sn83030214/1912-04-16/ed-1/seq-3/ocr.xml"));
        assertEquals("1912-04-16", Alto.issueDate("1912-04-16/ed-2/seq-1.jp2"));
        assertNull(Alto.issueDate("0001.jp2"));
        assertNull(Alto.issueDate("notes/1912-04-16/draft.xml"));
        assertTrue(Alto.catalogueRecord("<?xml version=\"1.0\"?>\n<mets xmlns=\"http://www.loc.gov/METS/\">").startsWith("a METS record"));
        assertTrue(Alto.catalogueRecord("<mods:mods xmlns:mods=\"http://www.loc.gov/mods/v3\">").startsWith("a MODS catalogue record"));
        assertTrue(Alto.catalogueRecord("<collection xmlns=\"http://www.loc.gov/MARC21/slim\"><record>").startsWith("a MARCXML"));
        assertTrue(Alto.catalogueRecord("<oai_dc:dc xmlns:oai_dc=\"http://www.openarchives.org/OAI/2.0/oai_dc/\">").startsWith("a Dublin Core"));
        // the same element names elsewhere are not library records
        assertNull(Alto.catalogueRecord("<record><title>A form</title></record>"));
        assertNull(Alto.catalogueRecord("<collection><item/></collection>"));
        assertNull(Alto.catalogueRecord("<html><body>mets</body></html>"));
    }
}
