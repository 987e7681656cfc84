package com.seatledger.topics.message;

public enum Outcome {
    ACCEPTED, REJECTED
}
