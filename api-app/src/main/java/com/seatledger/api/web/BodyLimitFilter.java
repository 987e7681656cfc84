package com.seatledger.api.web;

import java.io.IOException;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;


import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Body limits per endpoint: show creation may be large (a 100,000-seat layout), every
 * other body small. A declared length over the limit is refused before reading; a chunked body is
 * cut off when it passes the limit. Either way: 413 with a problem body, after the rest of the body
 * has been read and dropped (up to {@value #SWALLOW_BYTES} bytes): a client still sending when the
 * server answers and closes gets a connection reset instead of its 413. A larger body is not read;
 * the connection is closed after the answer.
 */
public final class BodyLimitFilter extends OncePerRequestFilter {

    static final long SWALLOW_BYTES = 2 * 1024 * 1024;

    private final long showLimit;
    private final long otherLimit;

    public BodyLimitFilter(long showLimit, long otherLimit) {
        this.showLimit = showLimit;
        this.otherLimit = otherLimit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws ServletException, IOException {
        long limit = HttpMethod.POST.matches(req.getMethod()) && layoutSized(req.getRequestURI()) ? showLimit : otherLimit;
        if (req.getContentLengthLong() > limit) {
            // a client that asked "Expect: 100-continue" has not sent its body: it gets the 413 instead
            if (req.getContentLengthLong() <= SWALLOW_BYTES && !"100-continue".equalsIgnoreCase(req.getHeader("Expect"))) {
                drain(req.getInputStream(), 0);
            } else {
                res.setHeader("Connection", "close");
            }
            Problems.write(res, HttpStatus.CONTENT_TOO_LARGE, Problems.PAYLOAD_TOO_LARGE,
                    new PayloadTooLarge(limit).getMessage());
            return;
        }
        chain.doFilter(new Limited(req, limit), res);
    }

    /**
     * Show creation, and moving seats into a channel: a presale of a stadium's sections names tens of
     * thousands of seats, as a layout does.
     */
    private static boolean layoutSized(String uri) {
        return "/api/shows".equals(uri) || uri.startsWith("/api/shows/") && uri.endsWith("/seats")
                && uri.contains("/channels/");
    }

    /**
     * Reads and drops what is left of a refused body, up to {@link #SWALLOW_BYTES} in all; false when
     * more is left (the connection must then be closed after the answer).
     */
    static boolean drain(ServletInputStream in, long alreadyRead) throws IOException {
        byte[] buf = new byte[8192];
        for (long total = alreadyRead; total <= SWALLOW_BYTES; ) {
            int n = in.read(buf);
            if (n < 0) {
                return true;
            }
            total += n;
        }
        return false;
    }

    private static final class Limited extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream stream;

        Limited(HttpServletRequest req, long limit) {
            super(req);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new Counting(super.getInputStream(), limit);
            }
            return stream;
        }
    }

    private static final class Counting extends ServletInputStream {
        private final ServletInputStream in;
        private final long limit;
        private long read;

        Counting(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = in.read(buf, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws IOException {
            read += n;
            if (read > limit) {
                throw new PayloadTooLarge(limit, !drain(in, read));
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
