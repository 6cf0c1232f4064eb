package io.connectctl.facade;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Items fetched page by page, only as iteration reaches them: memory holds one page at a time
 * however many items there are. Each {@link #iterator()} starts again from the first page.
 *
 * <p>A listing that changes while it is read may hand out an item again: Redpanda, for one, starts
 * over from the first page when the item a page token points at was deleted meanwhile. {@link
 * #distinctBy} makes a listing that never yields the same key twice (it remembers the keys seen,
 * not the items).
 *
 * @param <T> the item type
 */
public final class PagedIterable<T> implements Iterable<T> {
  private final Function<String, Page<T>> fetcher;

  /** The identity of an item, when repeats are dropped; else null. */
  private final Function<? super T, ?> key;

  /**
   * @param fetcher fetches the page for a token ({@code ""} for the first); an empty next token
   *     ends the listing
   */
  public PagedIterable(Function<String, Page<T>> fetcher) {
    this(fetcher, null);
  }

  private PagedIterable(Function<String, Page<T>> fetcher, Function<? super T, ?> key) {
    this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
    this.key = key;
  }

  /**
   * The same listing, where an item whose {@code key} was already handed out is skipped (the first
   * one seen wins). {@link #pages()} stays as the server sent them.
   *
   * @param key the identity of an item, e.g. the connector name
   */
  public PagedIterable<T> distinctBy(Function<? super T, ?> key) {
    return new PagedIterable<>(fetcher, Objects.requireNonNull(key, "key"));
  }

  /** A listing that is a single page. */
  public static <T> PagedIterable<T> ofSinglePage(java.util.function.Supplier<List<T>> items) {
    return new PagedIterable<>(token -> new Page<>(items.get(), ""));
  }

  /** The pages, fetched lazily. */
  public Iterable<Page<T>> pages() {
    return () ->
        new Iterator<>() {
          private String token = "";
          private boolean done;

          @Override
          public boolean hasNext() {
            return !done;
          }

          @Override
          public Page<T> next() {
            if (done) {
              throw new NoSuchElementException();
            }
            Page<T> page = fetcher.apply(token);
            token = page.nextToken();
            done = token.isEmpty();
            return page;
          }
        };
  }

  @Override
  public Iterator<T> iterator() {
    Iterator<Page<T>> pages = pages().iterator();
    return new Iterator<>() {
      private Iterator<T> current = java.util.Collections.emptyIterator();
      private final java.util.Set<Object> seen = new java.util.HashSet<>();
      private T ahead;
      private boolean hasAhead;

      @Override
      public boolean hasNext() {
        while (!hasAhead) {
          while (!current.hasNext() && pages.hasNext()) {
            current = pages.next().items().iterator();
          }
          if (!current.hasNext()) {
            return false;
          }
          T item = current.next();
          if (key == null || seen.add(key.apply(item))) {
            ahead = item;
            hasAhead = true;
          }
        }
        return true;
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        hasAhead = false;
        T item = ahead;
        ahead = null;
        return item;
      }
    };
  }

  /** A sequential stream over all items, fetched lazily. */
  public Stream<T> stream() {
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED), false);
  }

  /** All items in one list (loads everything: prefer iteration for large listings). */
  public List<T> toList() {
    return stream().toList();
  }

  /**
   * One page.
   *
   * @param items the items
   * @param nextToken the token of the next page, empty on the last
   * @param <T> the item type
   */
  public record Page<T>(List<T> items, String nextToken) {
    /** Copies. */
    public Page {
      items = Immutable.list(items);
      nextToken = Objects.requireNonNullElse(nextToken, "");
    }
  }
}
