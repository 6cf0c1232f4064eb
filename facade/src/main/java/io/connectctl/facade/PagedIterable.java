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
 * Items fetched page by page, only as iteration reaches them: memory holds one page at a time however many items
 * there are. Each {@link #iterator()} starts again from the first page.
 *
 * @param <T> the item type
 */
public final class PagedIterable<T> implements Iterable<T> {
  private final Function<String, Page<T>> fetcher;

  /**
   * @param fetcher fetches the page for a token ({@code ""} for the first); an empty next token ends the listing
   */
  public PagedIterable(Function<String, Page<T>> fetcher) {
    this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
  }

  /** A listing that is a single page. */
  public static <T> PagedIterable<T> ofSinglePage(java.util.function.Supplier<List<T>> items) {
    return new PagedIterable<>(token -> new Page<>(items.get(), ""));
  }

  /** The pages, fetched lazily. */
  public Iterable<Page<T>> pages() {
    return () -> new Iterator<>() {
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

      @Override
      public boolean hasNext() {
        while (!current.hasNext() && pages.hasNext()) {
          current = pages.next().items().iterator();
        }
        return current.hasNext();
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return current.next();
      }
    };
  }

  /** A sequential stream over all items, fetched lazily. */
  public Stream<T> stream() {
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED), false);
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
