package dev.buyonce.kernel.ticket;

import dev.buyonce.kernel.DeterministicIds;
import java.util.regex.Pattern;

/** A ticketed program (a show, a match): 1–32 characters, a letter or digit first, then letters, digits, '_' or '-'. */
public record ProgramId(String value) {
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,31}");

    public ProgramId {
        if (!isValid(value)) {
            throw new IllegalArgumentException("program id must be 1-32 of [A-Za-z0-9_-], starting with a letter or digit");
        }
    }

    /** The identifier of the Program aggregate: a name-based UUID of ("program", id), its own id space (see {@code ProductId}). */
    public String aggregateId() {
        return DeterministicIds.of("program", value).toString();
    }

    public static boolean isValid(String value) {
        return value != null && SHAPE.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
