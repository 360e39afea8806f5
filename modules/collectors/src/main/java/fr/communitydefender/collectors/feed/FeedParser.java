package fr.communitydefender.collectors.feed;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import fr.communitydefender.collectors.live.internal.Texts;
import fr.communitydefender.domain.mention.Mention;
import fr.communitydefender.domain.mention.MentionDetails;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * RSS 0.9x/1.0/2.0 and Atom through ROME (doctypes refused: no external entities). An item becomes a mention whose
 * id is {@code feed:COLLECTOR:HASH(guid or link)}, text the title and the summary (HTML stripped), author the item's
 * author or else the feed's title, time its publication (or update) date, or {@code now} when it has none.
 */
public final class FeedParser {
  private final String source;

  public FeedParser(String source) {
    this.source = source;
  }

  /** An item with the key it is deduplicated by. */
  public record Item(String key, Mention mention) {}

  public List<Item> parse(byte[] xml, Instant now) {
    SyndFeed feed;
    try {
      SyndFeedInput input = new SyndFeedInput();
      input.setAllowDoctypes(false);
      feed = input.build(new XmlReader(new ByteArrayInputStream(xml)));
    } catch (FeedException | IOException | IllegalArgumentException e) {
      throw new IllegalArgumentException("not an RSS/Atom feed: " + e.getMessage());
    }
    String lang = feed.getLanguage() == null ? null : feed.getLanguage().split("[-_]")[0].toLowerCase(java.util.Locale.ROOT);
    String feedTitle = feed.getTitle() == null ? null : Texts.plain(feed.getTitle());
    List<Item> items = new ArrayList<>();
    for (SyndEntry e : feed.getEntries()) {
      String guid = e.getUri() != null && !e.getUri().isBlank() ? e.getUri() : e.getLink();
      if (guid == null || guid.isBlank()) {
        guid = (e.getTitle() == null ? "" : e.getTitle()) + "|" + date(e);
      }
      String key = Texts.shortHash(guid);
      String title = e.getTitle() == null ? "" : Texts.plain(e.getTitle());
      String body = Texts.plain(summary(e));
      String text = body.isEmpty() || body.equals(title) ? title : title.isEmpty() ? body : title + "\n\n" + body;
      Date when = e.getPublishedDate() != null ? e.getPublishedDate() : e.getUpdatedDate();
      String author = e.getAuthor() != null && !e.getAuthor().isBlank() ? e.getAuthor().trim() : feedTitle;
      Instant edited = e.getPublishedDate() != null && e.getUpdatedDate() != null
          && e.getUpdatedDate().after(e.getPublishedDate()) ? e.getUpdatedDate().toInstant() : null;
      MentionDetails details = new MentionDetails(guid.length() > 500 ? guid.substring(0, 500) : guid, null,
          author, false, MentionDetails.Kind.POST, null, null, null, edited, null);
      items.add(new Item(key, new Mention("feed:" + source + ":" + key, source, when == null ? now : when.toInstant(),
          Texts.cap(text, Mention.MAX_TEXT_CHARS), author, e.getLink(), lang, 0, List.of(), null, details)));
    }
    return items;
  }

  private static String summary(SyndEntry e) {
    if (e.getDescription() != null && e.getDescription().getValue() != null) {
      return e.getDescription().getValue();
    }
    for (SyndContent c : e.getContents()) {
      if (c.getValue() != null) {
        return c.getValue();
      }
    }
    return "";
  }

  private static String date(SyndEntry e) {
    Date d = e.getPublishedDate() != null ? e.getPublishedDate() : e.getUpdatedDate();
    return d == null ? "" : d.toInstant().toString();
  }
}
