package com.seatledger.topics.message;

public enum HoldStatus {
    ACTIVE, CONFIRMED, RELEASED, EXPIRED
}
