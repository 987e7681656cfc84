package com.seatledger.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class BodyLimitFilterTest {

    private final BodyLimitFilter filter = new BodyLimitFilter(16 * 1024 * 1024, 64 * 1024);

    @Test
    void declaredTooLargeBodyIsReadAndDroppedSoTheConnectionCanCarryTheAnswer() throws Exception {
        MockHttpServletResponse res = new MockHttpServletResponse();
        filter.doFilter(post(300 * 1024, true), res, (rq, rs) -> {
            throw new AssertionError("a refused body must not reach the controller");
        });
        assertThat(res.getStatus()).isEqualTo(413);
        assertThat(res.getHeader("Connection")).isNull();
    }

    @Test
    void declaredBodyOverTheSwallowLimitIsLeftUnreadAndTheConnectionClosed() throws Exception {
        MockHttpServletResponse res = new MockHttpServletResponse();
        filter.doFilter(post((int) BodyLimitFilter.SWALLOW_BYTES + 1024, true), res, (rq, rs) -> {
            throw new AssertionError("a refused body must not reach the controller");
        });
        assertThat(res.getStatus()).isEqualTo(413);
        assertThat(res.getHeader("Connection")).isEqualTo("close");
    }

    @Test
    void chunkedBodyOverTheLimitSaysWhetherItsRestWasLeftOnTheConnection() {
        assertThatThrownBy(() -> filter.doFilter(post(300 * 1024, false), new MockHttpServletResponse(),
                (rq, rs) -> rq.getInputStream().readAllBytes()))
                .isInstanceOfSatisfying(PayloadTooLarge.class, e -> assertThat(e.bodyLeftUnread()).isFalse());
        assertThatThrownBy(() -> filter.doFilter(post((int) BodyLimitFilter.SWALLOW_BYTES + 1024, false),
                new MockHttpServletResponse(), (rq, rs) -> rq.getInputStream().readAllBytes()))
                .isInstanceOfSatisfying(PayloadTooLarge.class, e -> assertThat(e.bodyLeftUnread()).isTrue());
    }

    @Test
    void answerToAnUnreadBodyClosesTheConnection() {
        ApiExceptionHandler handler = new ApiExceptionHandler();
        assertThat(handler.tooLarge(new PayloadTooLarge(64, true)).getHeaders().getConnection()).containsExactly("close");
        assertThat(handler.tooLarge(new PayloadTooLarge(64, false)).getHeaders().getConnection()).isEmpty();
        assertThat(handler.tooLarge(new PayloadTooLarge(64, true)).getStatusCode().value()).isEqualTo(413);
    }

    @Test
    void showsAndChannelAssignmentsTakeALayoutSizedBodyEverythingElseASmallOne() throws Exception {
        for (String path : java.util.List.of("/api/shows", "/api/shows/s1/channels/fanclub/seats")) {
            MockHttpServletResponse res = new MockHttpServletResponse();
            boolean[] reached = new boolean[1];
            filter.doFilter(post(path, 300 * 1024, true), res, (rq, rs) -> reached[0] = true);
            assertThat(reached[0]).as(path).isTrue();
        }
        MockHttpServletResponse res = new MockHttpServletResponse();
        filter.doFilter(post("/api/shows/s1/blocks", 300 * 1024, true), res, (rq, rs) -> {
            throw new AssertionError("a refused body must not reach the controller");
        });
        assertThat(res.getStatus()).isEqualTo(413);
    }

    /** A hold POST of {@code size} bytes, with its length declared or sent chunked (no length). */
    private static MockHttpServletRequest post(int size, boolean declared) {
        return post("/api/shows/s1/holds", size, declared);
    }

    private static MockHttpServletRequest post(String path, int size, boolean declared) {
        MockHttpServletRequest req = new MockHttpServletRequest("POST", path) {
            @Override
            public long getContentLengthLong() {
                return declared ? super.getContentLengthLong() : -1;
            }
        };
        req.setContent(new byte[size]);
        return req;
    }
}
