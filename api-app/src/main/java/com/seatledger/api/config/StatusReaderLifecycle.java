package com.seatledger.api.config;

import org.springframework.context.SmartLifecycle;

import com.seatledger.api.view.StatusReader;

/** Runs the seat-status reader on its own thread for the life of the application. */
final class StatusReaderLifecycle implements SmartLifecycle {

    private final StatusReader reader;
    private Thread thread;

    StatusReaderLifecycle(StatusReader reader) {
        this.reader = reader;
    }

    @Override
    public synchronized void start() {
        thread = new Thread(reader, "seat-status-reader");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        reader.stop();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return thread != null;
    }
}
