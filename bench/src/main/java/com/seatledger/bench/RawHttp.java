package com.seatledger.bench;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.IntConsumer;

/**
 * REST requests as cheap as a load generator can make them: a fixed pool of keep-alive HTTP/1.1
 * connections, each a plain blocking socket served by one virtual thread that takes the next
 * request from a shared queue, writes its prepared bytes and reads the answer's status, skipping
 * the body (Content-Length or chunked). Real buyers sit on other machines; here the load generator
 * shares two cores with the stack it measures, and the JDK HttpClient spent ~0.6 ms of CPU per
 * request (futures, its selector thread, header maps) that the api-app and the broker did not get.
 *
 * <p>A request that finds every connection busy waits in the queue; the caller measures latency
 * from when the request was due, so that wait is counted.
 */
final class RawHttp implements AutoCloseable {

    /** Status code reported for a request that got no answer (connection refused, reset, timeout). */
    static final int NO_ANSWER = -1;

    private record Request(byte[] bytes, IntConsumer onStatus) {
    }

    private static final Request STOP = new Request(new byte[0], s -> { });

    private final InetSocketAddress address;
    private final String hostHeader;
    private final BlockingQueue<Request> queue = new LinkedBlockingQueue<>();
    private final List<Thread> workers = new ArrayList<>();

    RawHttp(URI base, int connections) {
        this.address = new InetSocketAddress(base.getHost(), base.getPort());
        this.hostHeader = base.getHost() + ":" + base.getPort();
        for (int i = 0; i < connections; i++) {
            workers.add(Thread.ofVirtual().name("raw-http-" + i).start(this::serve));
        }
    }

    /** The bytes of a POST with a JSON body; prepare them before the request is due. */
    byte[] post(String path, List<String> headers, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(256).append("POST ").append(path).append(" HTTP/1.1\r\nHost: ")
                .append(hostHeader).append("\r\nContent-Type: application/json\r\nContent-Length: ")
                .append(body.length).append("\r\n");
        for (String h : headers) {
            head.append(h).append("\r\n");
        }
        byte[] h = head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[h.length + body.length];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(body, 0, all, h.length, body.length);
        return all;
    }

    /** Queues a prepared request; {@code onStatus} gets the answer's status code or {@link #NO_ANSWER}. */
    void send(byte[] request, IntConsumer onStatus) {
        queue.add(new Request(request, onStatus));
    }

    private void serve() {
        Connection c = null;
        while (true) {
            Request r;
            try {
                r = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            if (r == STOP) {
                closeQuietly(c);
                return;
            }
            int status;
            try {
                if (c == null) {
                    c = new Connection(address);
                }
                status = c.exchange(r.bytes());
                if (c.closeAfter) {
                    closeQuietly(c);
                    c = null;
                }
            } catch (IOException e) {
                status = NO_ANSWER;
                closeQuietly(c);
                c = null;
            }
            r.onStatus().accept(status);
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.socket.close();
            } catch (IOException ignored) {
                // closing a broken connection
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        for (int i = 0; i < workers.size(); i++) {
            queue.add(STOP);
        }
        for (Thread t : workers) {
            t.join(5_000);
        }
    }

    /** One keep-alive connection: write a request, read the status line and headers, skip the body. */
    private static final class Connection {
        final Socket socket = new Socket();
        final InputStream in;
        final OutputStream out;
        boolean closeAfter;

        Connection(InetSocketAddress address) throws IOException {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(30_000);
            socket.connect(address, 5_000);
            in = new BufferedInputStream(socket.getInputStream(), 8_192);
            out = socket.getOutputStream();
        }

        int exchange(byte[] request) throws IOException {
            out.write(request);
            out.flush();
            String statusLine = line();
            if (!statusLine.startsWith("HTTP/1.1 ") || statusLine.length() < 12) {
                throw new IOException("not an HTTP/1.1 answer: " + statusLine);
            }
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = 0;
            boolean chunked = false;
            for (String h = line(); !h.isEmpty(); h = line()) {
                String lower = h.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(lower.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    closeAfter = true;
                }
            }
            if (!chunked) {
                in.skipNBytes(length);
                return status;
            }
            for (long size = chunk(); size > 0; size = chunk()) {
                in.skipNBytes(size);
                line();
            }
            while (!line().isEmpty()) {
                // trailers
            }
            return status;
        }

        private long chunk() throws IOException {
            String size = line();
            int ext = size.indexOf(';');
            return Long.parseLong((ext < 0 ? size : size.substring(0, ext)).trim(), 16);
        }

        private String line() throws IOException {
            StringBuilder b = new StringBuilder(64);
            for (int ch = in.read(); ch != '\n'; ch = in.read()) {
                if (ch < 0) {
                    throw new EOFException("connection closed by the server");
                }
                if (ch != '\r') {
                    b.append((char) ch);
                }
            }
            return b.toString();
        }
    }
}
