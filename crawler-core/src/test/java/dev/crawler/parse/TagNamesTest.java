package dev.crawler.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TagNamesTest {

    @Test
    void anElementsNameWrittenInLowerCaseIsTheKeptString() {
        String page = "<div class=x><a href=/>t</a><h1>x</h1><blockquote></blockquote>";
        assertThat(known(page, 1, 4)).isEqualTo("div").isSameAs(known("div", 0, 3));
        assertThat(known(page, 14, 15)).isEqualTo("a");
        assertThat(known(page, 29, 31)).isEqualTo("h1");
        assertThat(known(page, 39, 49)).isEqualTo("blockquote");
    }

    @Test
    void everyOtherNameIsNotKnown() {
        for (String name : List.of("DIV", "Div", "dıv", "di", "divv", "my-element", "x", "a\u0000", "", "foreignobject",
                "h7", "blockquotes")) {
            assertThat(known(name, 0, name.length())).as(name).isNull();
        }
        assertThat(known("table", 0, 4)).as("a prefix").isNull();
        assertThat(known("xtable", 1, 6)).isEqualTo("table");
    }

    @Test
    void aReadTagHasTheKeptNameAndAnUnknownOneItsOwn() {
        TagToken tag = new TagToken();
        String page = "<span id=a><Span><custom-el>";
        TagReader.read(ScanText.of(page), 1, false, tag);
        assertThat(tag.name()).isSameAs(known("span", 0, 4));
        TagReader.read(ScanText.of(page), 12, false, tag); // <Span>
        assertThat(tag.name()).isEqualTo("span");
        assertThat(tag.rawName()).isEqualTo("Span");
        TagReader.read(ScanText.of(page), 18, false, tag);
        assertThat(tag.name()).isEqualTo("custom-el");
    }

    @Test
    void aNameSetAnswersAlikeForAKeptNameAnotherSpellingAndAnUnknownName() {
        TagNameSet set = TagNameSet.of("td", "tr", "annotation-xml");
        TagToken tag = new TagToken();
        String page = "<td><TD><Tr><th><annotation-xml><foo>";
        ScanText text = ScanText.of(page);
        TagReader.read(text, 1, false, tag);
        assertThat(tag.slot()).isNotNegative();
        assertThat(set.contains(tag)).isTrue();
        TagReader.read(text, 5, false, tag);
        assertThat(tag.slot()).as("<TD>").isNegative();
        assertThat(set.contains(tag)).as("<TD>").isTrue();
        TagReader.read(text, 9, false, tag);
        assertThat(set.contains(tag)).as("<Tr>").isTrue();
        TagReader.read(text, 13, false, tag);
        assertThat(set.contains(tag)).as("<th>").isFalse();
        TagReader.read(text, 17, false, tag);
        assertThat(set.contains(tag)).as("<annotation-xml>").isTrue();
        TagReader.read(text, 33, false, tag);
        assertThat(set.contains(tag)).as("<foo>").isFalse();
        assertThat(set.contains("tr")).isTrue();
        assertThat(set.contains("th")).isFalse();
    }

    private static String known(String text, int start, int end) {
        int slot = TagNames.slot(ScanText.of(text).latin1, start, end);
        return slot < 0 ? null : TagNames.at(slot);
    }
}
