package com.seatledger.topics.message;

/** Why a {@link ShowEvent} happened. */
public enum Cause {
    CREATE, HOLD, EXTEND, RELEASE, EXPIRE, CONFIRM, SELL, CANCEL, BLOCK, UNBLOCK, ARCHIVE, CHANNEL
}
