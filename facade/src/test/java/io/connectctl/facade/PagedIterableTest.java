package io.connectctl.facade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Lazy paging: which pages are fetched, and when. */
class PagedIterableTest {
  /** Pages by token, recording every token asked for. */
  private static final class Pages implements Function<String, PagedIterable.Page<String>> {
    private final Map<String, PagedIterable.Page<String>> byToken = new LinkedHashMap<>();
    private final List<String> fetched = new ArrayList<>();

    Pages page(String token, List<String> items, String next) {
      byToken.put(token, new PagedIterable.Page<>(items, next));
      return this;
    }

    @Override
    public synchronized PagedIterable.Page<String> apply(String token) {
      fetched.add(token);
      PagedIterable.Page<String> page = byToken.get(token);
      if (page == null) {
        throw new AssertionError("no page for token '" + token + "'");
      }
      return page;
    }

    synchronized List<String> fetched() {
      return List.copyOf(fetched);
    }
  }

  /** Three pages of two: a b | c d | e f. */
  private static Pages threePages() {
    return new Pages()
        .page("", List.of("a", "b"), "t2")
        .page("t2", List.of("c", "d"), "t3")
        .page("t3", List.of("e", "f"), "");
  }

  @Test
  void nothingIsFetchedUntilIterationAsksForAnItem() {
    Pages pages = threePages();
    PagedIterable<String> listing = new PagedIterable<>(pages);

    Iterator<String> it = listing.iterator();
    assertEquals(List.of(), pages.fetched(), "neither the listing nor the iterator fetches");

    assertTrue(it.hasNext());
    assertEquals(List.of(""), pages.fetched());
    assertEquals("a", it.next());
    assertEquals("b", it.next());
    assertEquals(List.of(""), pages.fetched(), "the second page waits until the first is used up");

    assertTrue(it.hasNext());
    assertEquals(List.of("", "t2"), pages.fetched());
    assertEquals("c", it.next());
    assertEquals("d", it.next());
    assertEquals("e", it.next());
    assertEquals(List.of("", "t2", "t3"), pages.fetched());
    assertEquals("f", it.next());
    assertFalse(it.hasNext());
    assertEquals(List.of("", "t2", "t3"), pages.fetched(), "an empty next token ends the listing");
    assertThrows(NoSuchElementException.class, it::next);
  }

  @Test
  void nextWithoutHasNextFetchesAsNeeded() {
    Pages pages = threePages();
    Iterator<String> it = new PagedIterable<>(pages).iterator();

    List<String> seen = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      seen.add(it.next());
    }

    assertEquals(List.of("a", "b", "c", "d", "e", "f"), seen);
    assertEquals(List.of("", "t2", "t3"), pages.fetched());
  }

  @Test
  void eachIteratorStartsAgainFromTheFirstPage() {
    Pages pages = threePages();
    PagedIterable<String> listing = new PagedIterable<>(pages);

    List<String> first = new ArrayList<>();
    listing.forEach(first::add);
    Iterator<String> again = listing.iterator();
    assertEquals("a", again.next());

    assertEquals(List.of("a", "b", "c", "d", "e", "f"), first);
    assertEquals(List.of("", "t2", "t3", ""), pages.fetched());
    assertEquals(List.of("a", "b", "c", "d", "e", "f"), listing.toList());
  }

  @Test
  void emptyPagesInTheMiddleAreSkipped() {
    Pages pages =
        new Pages()
            .page("", List.of("a"), "t2")
            .page("t2", List.of(), "t3")
            .page("t3", List.of(), "t4")
            .page("t4", List.of("b"), "t5")
            .page("t5", List.of(), "");
    Iterator<String> it = new PagedIterable<>(pages).iterator();

    assertEquals("a", it.next());
    assertTrue(it.hasNext());
    assertEquals(
        List.of("", "t2", "t3", "t4"),
        pages.fetched(),
        "hasNext reads past empty pages to the next item");
    assertEquals("b", it.next());
    assertFalse(it.hasNext());
    assertEquals(List.of("", "t2", "t3", "t4", "t5"), pages.fetched());
  }

  @Test
  void anEmptyListingFetchesOnePageAndHasNothing() {
    Pages pages = new Pages().page("", List.of(), "");
    PagedIterable<String> listing = new PagedIterable<>(pages);

    assertEquals(List.of(), listing.toList());
    assertFalse(listing.iterator().hasNext());
    assertEquals(0, listing.stream().count());
    assertEquals(List.of("", "", ""), pages.fetched());
  }

  @Test
  void streamsAreLazyToo() {
    Pages pages = threePages();
    PagedIterable<String> listing = new PagedIterable<>(pages);

    var stream = listing.stream();
    assertEquals(List.of(), pages.fetched(), "making the stream fetches nothing");

    assertEquals(List.of("a", "b"), stream.limit(2).toList());
    assertEquals(List.of(""), pages.fetched(), "limit(2) needs only the first page");

    assertEquals(List.of("a", "b", "c"), listing.stream().limit(3).toList());
    assertEquals(List.of("", "", "t2"), pages.fetched());

    assertEquals("a", listing.stream().findFirst().orElseThrow());
    assertEquals(List.of("", "", "t2", ""), pages.fetched());

    assertEquals(
        List.of("D", "E"),
        listing.stream()
            .filter(s -> s.compareTo("c") > 0)
            .limit(2)
            .map(String::toUpperCase)
            .toList());
    assertEquals(List.of("", "", "t2", "", "", "t2", "t3"), pages.fetched());
  }

  @Test
  void aFailingFetchSurfacesWhenIterationReachesThatPage() {
    IllegalStateException boom = new IllegalStateException("page 2 failed");
    AtomicInteger calls = new AtomicInteger();
    PagedIterable<String> listing =
        new PagedIterable<>(
            token -> {
              calls.incrementAndGet();
              if (token.isEmpty()) {
                return new PagedIterable.Page<>(List.of("a", "b"), "t2");
              }
              throw boom;
            });
    Iterator<String> it = listing.iterator();

    assertEquals("a", it.next());
    assertEquals("b", it.next());
    assertSame(boom, assertThrows(IllegalStateException.class, it::hasNext));
    assertEquals(2, calls.get());
  }

  @Test
  void pagesAreFetchedLazilyOneByOne() {
    Pages pages = threePages();
    Iterator<PagedIterable.Page<String>> it = new PagedIterable<>(pages).pages().iterator();

    assertTrue(it.hasNext());
    assertEquals(List.of(), pages.fetched(), "hasNext on pages does not fetch");
    assertEquals(List.of("a", "b"), it.next().items());
    assertEquals("t3", it.next().nextToken());
    assertEquals("", it.next().nextToken());
    assertFalse(it.hasNext());
    assertThrows(NoSuchElementException.class, it::next);
    assertEquals(List.of("", "t2", "t3"), pages.fetched());
  }

  @Test
  void aSinglePageListingAsksItsSupplierOncePerIteration() {
    AtomicInteger calls = new AtomicInteger();
    PagedIterable<String> listing =
        PagedIterable.ofSinglePage(
            () -> {
              calls.incrementAndGet();
              return List.of("x", "y");
            });

    assertEquals(0, calls.get());
    assertEquals(List.of("x", "y"), listing.toList());
    assertEquals(1, calls.get());
    assertEquals(List.of("x", "y"), listing.toList());
    assertEquals(2, calls.get());
  }

  @Test
  void pagesCopyTheirItemsAndReplaceAbsentValues() {
    List<String> items = new ArrayList<>(List.of("a"));
    PagedIterable.Page<String> page = new PagedIterable.Page<>(items, null);
    items.add("b");

    assertEquals(List.of("a"), page.items());
    assertEquals("", page.nextToken());
    assertThrows(UnsupportedOperationException.class, () -> page.items().add("c"));
    assertEquals(List.of(), new PagedIterable.Page<String>(null, "t").items());
  }

  /**
   * Redpanda, when the connector a page token points at is deleted meanwhile, starts over from the
   * first page: the raw pages repeat names, a distinct listing yields each name once (issue 8, item
   * 6).
   */
  @Test
  void aListingThatStartsOverAfterADeletionYieldsEveryNameOnce() {
    Pages pages =
        new Pages()
            .page("", List.of("a", "b"), "after-b")
            .page(
                "after-b",
                List.of("a", "c"),
                "after-c") // b deleted: the server started again from the top
            .page("after-c", List.of("d", "e"), "");
    PagedIterable<String> raw = new PagedIterable<>(pages);
    PagedIterable<String> distinct = raw.distinctBy(Function.identity());

    assertEquals(List.of("a", "b", "a", "c", "d", "e"), raw.toList(), "the pages as sent");
    assertEquals(List.of("a", "b", "c", "d", "e"), distinct.toList());
    Iterator<String> it = distinct.iterator();
    assertEquals("a", it.next());
    assertEquals("b", it.next());
    assertEquals("c", it.next(), "the repeated a is skipped");
    assertEquals(
        List.of("a", "b", "c", "d", "e"),
        distinct.stream().toList(),
        "every iteration starts afresh");
  }

  @Test
  void aDistinctListingKeysItemsByTheFunctionGiven() {
    Pages pages =
        new Pages()
            .page("", List.of("a:RUNNING", "b:RUNNING"), "t2")
            .page("t2", List.of("a:PAUSED", "c:FAILED"), "");
    List<String> names = new PagedIterable<>(pages).distinctBy(item -> item.split(":")[0]).toList();

    assertEquals(
        List.of("a:RUNNING", "b:RUNNING", "c:FAILED"), names, "the first item seen for a key wins");
  }

  @Test
  void mapConvertsPageByPageAsLazilyAsTheListing() {
    Pages pages = threePages();
    PagedIterable<String> upper = new PagedIterable<>(pages).map(String::toUpperCase);

    Iterator<String> it = upper.iterator();
    assertEquals(List.of(), pages.fetched());
    assertEquals("A", it.next());
    assertEquals("B", it.next());
    assertEquals(List.of(""), pages.fetched(), "mapping fetches no page ahead");
    assertEquals(List.of("A", "B", "C", "D", "E", "F"), upper.toList());
    List<List<String>> byPage = new ArrayList<>();
    upper.pages().forEach(page -> byPage.add(page.items()));
    assertEquals(List.of(List.of("A", "B"), List.of("C", "D"), List.of("E", "F")), byPage);
  }

  @Test
  void mapKeepsDroppingRepeatsBeforeOrAfterIt() {
    Pages pages =
        new Pages().page("", List.of("a:1", "b:1"), "t2").page("t2", List.of("a:2", "c:1"), "");
    PagedIterable<String> raw = new PagedIterable<>(pages);

    // distinct by name, then the number: the first "a" wins
    assertEquals(
        List.of("1", "1", "1"),
        raw.distinctBy(item -> item.split(":")[0]).map(item -> item.split(":")[1]).toList());
    // the number, then distinct by it: one item per number
    assertEquals(
        List.of("1", "2"),
        raw.map(item -> item.split(":")[1]).distinctBy(Function.identity()).toList());
  }
}
