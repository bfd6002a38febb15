package dev.crawler.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TagNamesTest {

    @Test
    void anElementsNameWrittenInLowerCaseIsTheKeptString() {
        String page = "<div class=x><a href=/>t</a><h1>x</h1><blockquote></blockquote>";
        assertThat(TagNames.known(page, 1, 4)).isEqualTo("div").isSameAs(TagNames.known("div", 0, 3));
        assertThat(TagNames.known(page, 14, 15)).isEqualTo("a");
        assertThat(TagNames.known(page, 29, 31)).isEqualTo("h1");
        assertThat(TagNames.known(page, 39, 49)).isEqualTo("blockquote");
    }

    @Test
    void everyOtherNameIsNotKnown() {
        for (String name : List.of("DIV", "Div", "dıv", "di", "divv", "my-element", "x", "a\u0000", "", "foreignobject",
                "h7", "blockquotes")) {
            assertThat(TagNames.known(name, 0, name.length())).as(name).isNull();
        }
        assertThat(TagNames.known("table", 0, 4)).as("a prefix").isNull();
        assertThat(TagNames.known("xtable", 1, 6)).isEqualTo("table");
    }

    @Test
    void aReadTagHasTheKeptNameAndAnUnknownOneItsOwn() {
        TagToken tag = new TagToken();
        String page = "<span id=a><Span><custom-el>";
        TagReader.read(page, 1, false, tag);
        assertThat(tag.name()).isSameAs(TagNames.known("span", 0, 4));
        TagReader.read(page, 12, false, tag); // <Span>
        assertThat(tag.name()).isEqualTo("span");
        assertThat(tag.rawName()).isEqualTo("Span");
        TagReader.read(page, 18, false, tag);
        assertThat(tag.name()).isEqualTo("custom-el");
    }
}
