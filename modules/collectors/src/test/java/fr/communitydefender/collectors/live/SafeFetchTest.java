package fr.communitydefender.collectors.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SafeFetchTest {
  @ParameterizedTest(name = "{0} restricted: {1}")
  @CsvSource({
      "127.0.0.1, true", "10.1.2.3, true", "172.16.0.9, true", "192.168.1.1, true", "169.254.169.254, true",
      "100.64.0.1, true", "0.0.0.0, true", "224.0.0.1, true", "::1, true", "fe80::1, true", "fd00::1, true",
      "8.8.8.8, false", "100.128.0.1, false", "2001:4860:4860::8888, false", "193.51.24.1, false"})
  void shouldRestrictLoopbackPrivateLinkLocalAndNatAddresses(String address, boolean restricted) throws Exception {
    assertThat(SafeFetch.restricted(InetAddress.getByName(address))).isEqualTo(restricted);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"file:///etc/passwd", "ftp://example.org/feed", "http:///nohost", "http://127.0.0.1:1/rss",
      "http://[::1]/rss", "http://169.254.169.254/latest/meta-data"})
  void shouldRefuseUrlsThatAreNotPublicHttp(String url) {
    assertThat(SafeFetch.check(url, false)).isNotNull();
  }
}
