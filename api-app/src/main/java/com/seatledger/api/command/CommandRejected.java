package com.seatledger.api.command;

import com.seatledger.topics.message.CommandResult;

/** The ledger said no; the web layer maps the result's code to a status and a problem body. */
public final class CommandRejected extends RuntimeException {

    private final CommandResult result;

    public CommandRejected(CommandResult result) {
        super(result.message() != null ? result.message() : result.code().name());
        this.result = result;
    }

    public CommandResult result() {
        return result;
    }
}
