package dev.alvh.app.sweep;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and writes {@code sweep.csv}: a header line, then one row per point, every cell text.
 * Columns are the union of the rows' keys, in first-seen order; a row without a column has an
 * empty cell there. Written to a temporary file and moved over the old one, so a sweep killed
 * while writing leaves the previous complete file.
 */
public final class SweepCsv {

  private static final CsvMapper CSV = CsvMapper.builder()
      .enable(com.fasterxml.jackson.dataformat.csv.CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();

  private SweepCsv() {
  }

  /** The rows of {@code file}, each a column-to-cell map in header order; empty when there is no file. */
  public static List<Map<String, String>> read(Path file) throws IOException {
    List<Map<String, String>> rows = new ArrayList<>();
    if (!Files.exists(file)) {
      return rows;
    }
    CsvSchema schema = CsvSchema.emptySchema().withHeader();
    try (MappingIterator<Map<String, String>> it = CSV.readerForMapOf(String.class).with(schema)
        .readValues(file.toFile())) {
      while (it.hasNext()) {
        rows.add(new LinkedHashMap<>(it.next()));
      }
    }
    return rows;
  }

  /** Writes {@code rows} to {@code file}, replacing it. */
  public static void write(Path file, List<Map<String, String>> rows) throws IOException {
    Set<String> columns = new LinkedHashSet<>();
    rows.forEach(r -> columns.addAll(r.keySet()));
    CsvSchema.Builder b = CsvSchema.builder();
    columns.forEach(b::addColumn);
    CsvSchema schema = b.build().withHeader();
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
      List<Map<String, String>> full = new ArrayList<>();
      for (Map<String, String> r : rows) {
        Map<String, String> m = new LinkedHashMap<>();
        columns.forEach(c -> m.put(c, r.getOrDefault(c, "")));
        full.add(m);
      }
      CSV.writer(schema).writeValues(w).writeAll(full).close();
    }
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
