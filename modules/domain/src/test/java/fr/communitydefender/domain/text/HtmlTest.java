package fr.communitydefender.domain.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTest {
  @Test
  void shouldEscapeMarkupAndDropControlCharactersButKeepLineBreaksAndAccents() {
    assertThat(Html.escape("<img src=x onerror=\"alert('1')\"> & crue\u0007 à\nSainte-Aure\t😀"))
        .isEqualTo("&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt; &amp; crue à\nSainte-Aure\t😀");
    assertThat(Html.escape(null)).isEmpty();
  }
}
