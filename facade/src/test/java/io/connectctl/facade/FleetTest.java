package io.connectctl.facade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FleetTest {

  private static Map<String, Integer> members(int n) {
    Map<String, Integer> m = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      m.put("ctx-" + i, i);
    }
    return m;
  }

  @Test
  void resultsFollowTheMembersOrderWhateverOrderTheyFinishIn() {
    // the last member finishes first: each member waits until every later one has been reported
    int n = 5;
    Map<String, CountDownLatch> reported = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      reported.put("ctx-" + i, new CountDownLatch(1));
    }
    List<String> finishOrder = Collections.synchronizedList(new ArrayList<>());
    FleetResult<Integer> result =
        Fleet.apply(
            members(n),
            n,
            (name, i) -> {
              try {
                if (i + 1 < n && !reported.get("ctx-" + (i + 1)).await(10, TimeUnit.SECONDS)) {
                  throw new IllegalStateException("later member never finished");
                }
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
              return i * 10;
            },
            m -> {
              finishOrder.add(m.name());
              reported.get(m.name()).countDown();
            });
    assertEquals(
        List.of("ctx-0", "ctx-1", "ctx-2", "ctx-3", "ctx-4"),
        result.members().stream().map(FleetResult.Member::name).toList());
    assertEquals(
        List.of(0, 10, 20, 30, 40),
        result.members().stream().map(m -> m.value().orElseThrow()).toList());
    assertEquals(List.of("ctx-4", "ctx-3", "ctx-2", "ctx-1", "ctx-0"), finishOrder);
    assertTrue(result.allSucceeded());
  }

  @Test
  void aFailingMemberIsReportedAndTheOthersStillRun() {
    FleetResult<String> result =
        Fleet.apply(
            members(4),
            2,
            (name, i) -> {
              if (i == 1) {
                throw new IllegalArgumentException("bad context " + name);
              }
              return name.toUpperCase();
            });
    assertEquals(1, result.failures().size());
    FleetResult.Member<String> failed = result.failures().get(0);
    assertEquals("ctx-1", failed.name());
    assertInstanceOf(IllegalArgumentException.class, failed.error().orElseThrow());
    assertEquals("bad context ctx-1", failed.error().orElseThrow().getMessage());
    assertEquals("CTX-3", result.members().get(3).value().orElseThrow());
  }

  @Test
  void neverRunsMoreMembersAtOnceThanAsked() {
    AtomicInteger running = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    CountDownLatch twoStarted = new CountDownLatch(2);
    Fleet.apply(
        members(12),
        2,
        (name, i) -> {
          most.accumulateAndGet(running.incrementAndGet(), Math::max);
          twoStarted.countDown();
          try {
            // hold the first two until both have started, so the bound is really exercised
            twoStarted.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            throw new IllegalStateException(e);
          }
          running.decrementAndGet();
          return i;
        });
    assertEquals(2, most.get());
  }

  @Test
  void eachMemberRunsExactlyOnce() {
    AtomicInteger calls = new AtomicInteger();
    FleetResult<Integer> result = Fleet.apply(members(50), 7, (name, i) -> calls.incrementAndGet());
    assertEquals(50, calls.get());
    assertEquals(50, result.members().size());
  }

  @Test
  void refusesAParallelismBelowOne() {
    assertThrows(IllegalArgumentException.class, () -> Fleet.apply(members(1), 0, (n, i) -> i));
  }

  @Test
  void anInterruptedRunReportsTheUnfinishedMembers() throws Exception {
    CountDownLatch blocked = new CountDownLatch(1);
    List<FleetResult<Integer>> out = new ArrayList<>();
    Thread caller =
        new Thread(
            () ->
                out.add(
                    Fleet.apply(
                        members(2),
                        2,
                        (name, i) -> {
                          if (i == 0) {
                            return 0;
                          }
                          blocked.countDown();
                          try {
                            new CountDownLatch(1).await();
                          } catch (InterruptedException e) {
                            throw new IllegalStateException("cancelled", e);
                          }
                          return 1;
                        })));
    caller.start();
    assertTrue(blocked.await(10, TimeUnit.SECONDS));
    caller.interrupt();
    caller.join(10_000);
    FleetResult<Integer> result = out.get(0);
    assertEquals(2, result.members().size());
    // ctx-0 may or may not have been collected before the interrupt; ctx-1 never finished
    FleetResult.Member<Integer> unfinished = result.members().get(1);
    assertEquals("ctx-1", unfinished.name());
    assertInstanceOf(InterruptedException.class, unfinished.error().orElseThrow());
  }
}
