package io.connectctl.prism;

/**
 * Which of a spec's named response examples Prism answers with: the value of the {@code Prefer}
 * request header ({@code example=NAME}). Written once for the demo and the tests that drive Prism
 * through more than one request.
 *
 * <p>Every paged listing in the specs has a {@code first-page} example (with a next-page token) and
 * a {@code last-page} example (without one). Prism remembers nothing, so a listing ends only if a
 * request that carries a page token gets the last page.
 */
public final class PrismExamples {
  /** The example of a listing's first page, which carries a next-page token. */
  public static final String FIRST_PAGE = "first-page";

  /** The example of a listing's last page, which carries no next-page token. */
  public static final String LAST_PAGE = "last-page";

  private PrismExamples() {}

  /**
   * The {@code Prefer} header value that makes Prism answer with the example named {@code example}.
   */
  public static String prefer(String example) {
    return "example=" + example;
  }

  /**
   * The listing page to answer with: the first page for a request without a page token (null or
   * empty), the last page for one with a token.
   */
  public static String listingPage(String pageToken) {
    return pageToken == null || pageToken.isEmpty() ? FIRST_PAGE : LAST_PAGE;
  }
}
