package org.parc.extract.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.parc.extract.Credit;
import org.parc.extract.Role;

class BylinesTest {
    static List<String> names(String s) {
        return Bylines.parse(s, Role.AUTHOR, null).stream().map(Credit::name).toList();
    }

    @Test
    void splitsPeopleAndStripsBy() {
        assertEquals(List.of("Jane Roe", "John Doe"), names("By Jane Roe and John Doe"));
        assertEquals(List.of("Jane Roe", "John Doe", "Ann Li"), names("By Jane Roe, John Doe & Ann Li"));
        assertEquals(List.of("Sébastien Farcis"), names("Par Sébastien Farcis"));
    }

    @Test
    void dropsTitlesEmailsAndDates() {
        assertEquals(List.of("Jane Roe"), names("By Jane Roe, Senior Correspondent"));
        assertEquals(List.of("Jane Roe"), names("Jane Roe jane.roe@example.org"));
        assertEquals(List.of("Joe Wee"), names("Joe Wee Monday, February 29, 2016 @ 11:10 PM UTC"));
        assertEquals(List.of("Jane Roe"), names("By Jane Roe | Updated 3:04 PM"));
    }

    @Test
    void invertedNameStaysWhole() {
        assertEquals(List.of("Jong, Michiel de"), names("Jong, Michiel de"));
    }

    @Test
    void rolesFromCues() {
        List<Credit> cs = Bylines.parse("Reporting by Ann Li and Bo Chan; Editing by Nadia Rowe", Role.AUTHOR, null);
        assertEquals(List.of("Ann Li", "Bo Chan", "Nadia Rowe"), cs.stream().map(Credit::name).toList());
        assertEquals(List.of(Role.AUTHOR, Role.AUTHOR, Role.EDITOR), cs.stream().map(Credit::role).toList());
        assertEquals(Role.TRANSLATOR, Bylines.parse("Translated by Ivo Tamm", Role.AUTHOR, null).get(0).role());
        assertEquals(Role.PHOTOGRAPHER, Bylines.parse("Photos: Ivo Tamm", Role.AUTHOR, null).get(0).role());
        Credit ap = Bylines.parse("AP Photo/Pavel Golovkin", Role.AUTHOR, null).get(0);
        assertEquals("Pavel Golovkin", ap.name());
        assertEquals(Role.PHOTOGRAPHER, ap.role());
    }

    @Test
    void agenciesAreOrganizations() {
        assertTrue(Bylines.parse("By Reuters", Role.AUTHOR, null).get(0).organization());
        assertTrue(Bylines.parse("The Associated Press", Role.AUTHOR, null).get(0).organization());
        assertTrue(Bylines.parse("BBC News", Role.AUTHOR, null).get(0).organization());
        assertFalse(Bylines.parse("Nadia Rowe", Role.AUTHOR, null).get(0).organization());
        List<Credit> mixed = Bylines.parse("By Ann Li and AFP", Role.AUTHOR, null);
        assertFalse(mixed.get(0).organization());
        assertTrue(mixed.get(1).organization());
    }

    @Test
    void capsNamesAreCased() {
        assertEquals(List.of("Joe Hildebrand"), names("JOE HILDEBRAND"));
        assertEquals(List.of("AFP"), names("AFP"));
    }

    @Test
    void proseIsNotACreditLine() {
        assertFalse(TextCues.isCreditLine("By the end of the year the bridge will be finished."));
        assertFalse(TextCues.isCreditLine("By 2030, emissions must fall by half."));
        assertTrue(TextCues.isCreditLine("By Alwaght"));
        assertTrue(TextCues.isCreditLine("(Reporting by Ann Li; Editing by Nadia Rowe)"));
    }
}
