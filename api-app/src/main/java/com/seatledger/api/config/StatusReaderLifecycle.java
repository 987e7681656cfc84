package com.seatledger.api.config;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.SmartLifecycle;

import com.seatledger.api.view.StatusReader;

/**
 * Runs the seat-status reader on its own thread for the life of the application. It starts as soon
 * as this bean exists, not with the other lifecycles at the end of start-up: loading the views then
 * overlaps the rest of the context and the web server's start (the instance is ready when both are
 * done; readiness waits for the views).
 */
final class StatusReaderLifecycle implements SmartLifecycle, InitializingBean {

    private final StatusReader reader;
    private Thread thread;

    StatusReaderLifecycle(StatusReader reader) {
        this.reader = reader;
    }

    @Override
    public void afterPropertiesSet() {
        start();
    }

    @Override
    public synchronized void start() {
        if (thread != null) {
            return;
        }
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
