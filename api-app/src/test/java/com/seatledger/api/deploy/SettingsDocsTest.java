package com.seatledger.api.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * docs/operations.md's configuration reference says what the apps do: every documented environment
 * variable is read by the app its table names (an {@code ${VARIABLE:default}} of its application.yml
 * or ledger-streams.yml, with the documented default; or Spring's relaxed form of the documented
 * property), so a renamed variable or a changed default cannot leave the page behind.
 */
class SettingsDocsTest {

    private static final Path ROOT = DockerComposeTest.ROOT;
    private static final Pattern TICKED = Pattern.compile("`([^`]+)`");

    record Row(String table, List<String> variables, String property, List<String> defaults) {
    }

    @Test
    void everyDocumentedVariableIsReadWithItsDocumentedDefault() throws IOException {
        Map<String, List<Path>> ymlOf = Map.of(
                "Both apps", List.of(ROOT.resolve("ledger-app/src/main/resources/application.yml"),
                        ROOT.resolve("api-app/src/main/resources/application.yml")),
                "ledger-app", List.of(ROOT.resolve("ledger-app/src/main/resources/application.yml"),
                        ROOT.resolve("ledger-app/src/main/resources/ledger-streams.yml")),
                "api-app", List.of(ROOT.resolve("api-app/src/main/resources/application.yml")));
        List<Row> rows = rows();
        assertThat(rows).as("rows with a variable").hasSizeGreaterThan(20);
        for (Row row : rows) {
            for (int i = 0; i < row.variables().size(); i++) {
                String variable = row.variables().get(i);
                String documented = row.defaults().get(Math.min(i, row.defaults().size() - 1));
                boolean read = false;
                for (Path yml : ymlOf.get(row.table())) {
                    String text = Files.readString(yml);
                    int at = text.indexOf("${" + variable + ":");
                    if (at < 0) {
                        continue;
                    }
                    read = true;
                    assertThat(normalise(defaultAt(text, at + variable.length() + 3))).as(variable + " in " + yml)
                            .isEqualTo(normalise(documented));
                }
                if (!read) {
                    assertThat(variable).as(variable + ": neither in the %s's yml nor the relaxed form of %s", row.table(),
                            row.property()).isEqualTo(relaxed(row.property()));
                }
            }
        }
    }

    /** The rows of the configuration reference's tables that name a variable. */
    private static List<Row> rows() throws IOException {
        List<Row> rows = new ArrayList<>();
        String table = null;
        boolean inReference = false;
        for (String line : Files.readAllLines(ROOT.resolve("docs/operations.md"))) {
            if (line.startsWith("## ")) {
                inReference = line.equals("## Configuration reference");
            } else if (inReference && line.startsWith("### ")) {
                table = line.substring(4).trim();
            } else if (inReference && line.startsWith("| `")) {
                String[] cells = line.split("\\|");
                List<String> variables = ticked(cells[1]);
                List<String> properties = ticked(cells[2]);
                List<String> defaults = List.of(cells[3].trim().split(", "));
                rows.add(new Row(table, variables, properties.isEmpty() ? "" : properties.get(0), defaults));
            }
        }
        return rows;
    }

    private static List<String> ticked(String cell) {
        List<String> out = new ArrayList<>();
        Matcher m = TICKED.matcher(cell);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /** The default of a ${...} whose default starts at {@code from}, nested placeholders included. */
    private static String defaultAt(String text, int from) {
        int depth = 1;
        int i = from;
        for (; i < text.length() && depth > 0; i++) {
            if (text.startsWith("${", i)) {
                depth++;
            } else if (text.charAt(i) == '}') {
                depth--;
            }
        }
        return text.substring(from, i - 1);
    }

    /** A documented default as the yml writes it: no backticks, "none" or prose for no default, ${user.dir} as ".". */
    private static String normalise(String value) {
        String v = value.replace("`", "").replace("${user.dir}", ".").trim();
        return v.equals("none") || v.contains(" ") ? "" : v;
    }

    /** Spring's relaxed environment-variable form of a property name. */
    private static String relaxed(String property) {
        return property.toUpperCase().replace('.', '_').replace("-", "");
    }
}
