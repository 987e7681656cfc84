package com.seatledger.topics.message;

public enum CommandType {
    CREATE_SHOW, HOLD, EXTEND_HOLD, RELEASE_HOLD, CONFIRM_HOLD, SELL, CANCEL_ORDER, BLOCK, UNBLOCK, ARCHIVE_SHOW
}
