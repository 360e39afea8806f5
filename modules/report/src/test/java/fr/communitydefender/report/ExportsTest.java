package fr.communitydefender.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExportsTest {
  @Test
  void shouldQuoteCellsAndDefuseFormulas() {
    assertThat(Exports.cell("simple")).isEqualTo("simple");
    assertThat(Exports.cell("a, b")).isEqualTo("\"a, b\"");
    assertThat(Exports.cell("il a dit \"non\"\nensuite")).isEqualTo("\"il a dit \"\"non\"\"\nensuite\"");
    assertThat(Exports.cell("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
    assertThat(Exports.cell("-1+2")).isEqualTo("'-1+2");
    assertThat(Exports.cell(null)).isEmpty();
  }
}
