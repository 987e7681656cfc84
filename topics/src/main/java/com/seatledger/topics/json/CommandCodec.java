package com.seatledger.topics.json;

import java.util.Optional;
import java.util.stream.Collectors;

import com.seatledger.topics.message.Command;
import com.seatledger.topics.message.CommandType;
import com.seatledger.topics.message.CommandValidation;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;

/**
 * Reads a {@code seat-commands} record in the two steps the contract tells apart: bytes that are not
 * JSON or not a known command type are poison (dead-lettered); a known type with missing or
 * ill-typed fields is an invalid command (rejected with a result, nothing dead-lettered).
 */
public final class CommandCodec {

    /** What a record turned out to be. */
    public sealed interface Parsed permits Valid, Invalid, Poison {
    }

    public record Valid(Command command) implements Parsed {
    }

    /** A known command type that breaks the contract; {@code message} names the field. */
    public record Invalid(String commandId, String showId, CommandType type, String message) implements Parsed {
    }

    /** Not JSON or not a known command; the ids are set when they could be read anyway. */
    public record Poison(String commandId, String showId, String message, Exception cause) implements Parsed {
    }

    private static final ObjectReader COMMANDS = Json.MAPPER.readerFor(Command.class);

    /**
     * Binds the bytes straight to the sealed {@link Command} type and validates the record: one
     * pass over the bytes for every good command (a streaming reader for the hot-path commands,
     * {@link FastCommands}, else the mapper). Only a record that fails to bind is read again,
     * as a tree, to tell poison from an invalid command and to name the field.
     */
    public static Parsed parse(byte[] bytes) {
        if (bytes == null) {
            return new Poison(null, null, "empty record value", null);
        }
        Command bound = FastCommands.read(bytes);
        if (bound == null) {
            try {
                bound = COMMANDS.readValue(bytes);
            } catch (JacksonException e) {
                return classify(bytes);
            }
        }
        return validated(bound, bytes);
    }

    private static Parsed validated(Command bound, byte[] bytes) {
        if (bound == null) {
            return classify(bytes);
        }
        Optional<String> problem = CommandValidation.problem(bound);
        return problem.<Parsed>map(p -> new Invalid(bound.commandId(), bound.showId(), bound.type(), p))
                .orElseGet(() -> new Valid(bound));
    }

    /** The slow path for a record that did not bind: why not, and which ids could be read. */
    private static Parsed classify(byte[] bytes) {
        JsonNode tree;
        try {
            tree = Json.MAPPER.readTree(bytes);
        } catch (JacksonException e) {
            return new Poison(null, null, "not JSON: " + e.getOriginalMessage(), e);
        }
        if (tree == null || !tree.isObject()) {
            return new Poison(null, null, "not a JSON object", null);
        }
        String commandId = text(tree, "commandId");
        String showId = text(tree, "showId");
        Optional<CommandType> type = typeOf(text(tree, "type"));
        if (type.isEmpty()) {
            return new Poison(commandId, showId, "unknown command type: " + tree.get("type"), null);
        }
        Command command;
        try {
            command = Json.MAPPER.treeToValue(tree, Command.class);
        } catch (DatabindException e) {
            return new Invalid(commandId, showId, type.get(), describe(e));
        } catch (JacksonException e) {
            return new Invalid(commandId, showId, type.get(), e.getOriginalMessage());
        }
        Optional<String> problem = CommandValidation.problem(command);
        if (problem.isPresent()) {
            return new Invalid(commandId, showId, type.get(), problem.get());
        }
        return new Valid(command);
    }

    private static Optional<CommandType> typeOf(String name) {
        if (name == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(CommandType.valueOf(name));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String text(JsonNode tree, String field) {
        JsonNode n = tree.get(field);
        return n != null && n.isString() ? n.asString() : null;
    }

    /** "bestAvailable.quantity: ..." rather than Jackson's reference chain. */
    private static String describe(DatabindException e) {
        String path = e.getPath().stream()
                .map(r -> r.getPropertyName() != null ? "." + r.getPropertyName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining()).replaceFirst("^\\.", "");
        String reason = e.getOriginalMessage();
        int cut = reason.indexOf('\n');
        reason = cut > 0 ? reason.substring(0, cut) : reason;
        return (path.isEmpty() ? "" : path + ": ") + "wrong type or format (" + reason + ")";
    }

    private CommandCodec() {
    }
}
