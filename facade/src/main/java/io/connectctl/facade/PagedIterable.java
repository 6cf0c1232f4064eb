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
  /** Fetches the server's page for a token, items as the server sent them. */
  private final Function<String, ? extends Page<?>> fetcher;

  /** The identity of a server's item, when repeats are dropped; else null. */
  private final Function<Object, ?> key;

  /** Turns a server's item into an item of this listing. */
  private final Function<Object, T> mapper;

  /**
   * @param fetcher fetches the page for a token ({@code ""} for the first); an empty next token
   *     ends the listing
   */
  public PagedIterable(Function<String, Page<T>> fetcher) {
    this(Objects.requireNonNull(fetcher, "fetcher"), null, PagedIterable::same);
  }

  private PagedIterable(
      Function<String, ? extends Page<?>> fetcher,
      Function<Object, ?> key,
      Function<Object, T> mapper) {
    this.fetcher = fetcher;
    this.key = key;
    this.mapper = mapper;
  }

  @SuppressWarnings("unchecked")
  private static <T> T same(Object item) {
    return (T) item;
  }

  /**
   * The same listing, where an item whose {@code key} was already handed out is skipped (the first
   * one seen wins). {@link #pages()} stays as the server sent them.
   *
   * @param key the identity of an item, e.g. the connector name
   */
  public PagedIterable<T> distinctBy(Function<? super T, ?> key) {
    Objects.requireNonNull(key, "key");
    return new PagedIterable<>(fetcher, item -> key.apply(mapper.apply(item)), mapper);
  }

  /**
   * The same listing with every item turned into another by {@code mapper}, still fetched page by
   * page; repeats this listing drops are dropped before they are mapped.
   *
   * @param mapper what to make of one item
   * @param <R> the new item type
   */
  public <R> PagedIterable<R> map(Function<? super T, ? extends R> mapper) {
    Objects.requireNonNull(mapper, "mapper");
    Function<Object, T> before = this.mapper;
    return new PagedIterable<>(fetcher, key, item -> mapper.apply(before.apply(item)));
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
            Page<?> page = fetcher.apply(token);
            token = page.nextToken();
            done = token.isEmpty();
            return new Page<>(mapped(page.items()), token);
          }
        };
  }

  private List<T> mapped(List<?> items) {
    List<T> out = new java.util.ArrayList<>(items.size());
    for (Object item : items) {
      out.add(mapper.apply(item));
    }
    return out;
  }

  @Override
  public Iterator<T> iterator() {
    return new Iterator<>() {
      private String token = "";
      private boolean lastPage;
      private Iterator<?> current = java.util.Collections.emptyIterator();
      private final java.util.Set<Object> seen = new java.util.HashSet<>();
      private T ahead;
      private boolean hasAhead;

      @Override
      public boolean hasNext() {
        while (!hasAhead) {
          while (!current.hasNext() && !lastPage) {
            Page<?> page = fetcher.apply(token);
            token = page.nextToken();
            lastPage = token.isEmpty();
            current = page.items().iterator();
          }
          if (!current.hasNext()) {
            return false;
          }
          Object item = current.next();
          if (key == null || seen.add(key.apply(item))) {
            ahead = mapper.apply(item);
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
