package dev.alvh.paper.chains;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.alvh.core.instrument.OptionRight;
import dev.alvh.paper.history.HistoryFileException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Layout detection per file, what each layout gives, and one-line errors naming file, line, column and value. */
class ChainFilesTest {

  private static final LocalDate JAN8 = LocalDate.of(2024, 1, 8);
  private static final LocalDate JAN9 = LocalDate.of(2024, 1, 9);
  private static final LocalDate FEB16 = LocalDate.of(2024, 2, 16);

  @TempDir
  Path dir;

  static Path fixtures() {
    try {
      return Path.of(ChainFilesTest.class.getResource("/chains/sample-2019.csv").toURI()).getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static BigDecimal bd(String s) {
    return new BigDecimal(s);
  }

  private static ChainFiles.Loaded one(String name) throws IOException {
    return ChainFiles.load(name, Files.newBufferedReader(fixtures().resolve(name)));
  }

  @Test
  void cboeDataShopIsDetectedAndItsFifteenFortyFiveQuotesKept() throws IOException {
    ChainFiles.Loaded l = one("datashop-2024-01-08.csv");
    assertThat(l.report().files()).containsExactly(entry("datashop-2024-01-08.csv", ChainLayout.CBOE_DATASHOP));
    assertThat(l.report().rows()).isEqualTo(9);
    assertThat(l.report().quotes()).isEqualTo(7);
    assertThat(l.report().leftOut()).containsOnly(entry("root SPXQ (not SPX or SPXW)", 1L),
        entry("no offer (ask empty or 0)", 1L));
    ExpiryChain w = l.index().chain(JAN8, "SPXW", FEB16).orElseThrow();
    ChainQuote p = w.find(bd("4600"), OptionRight.PUT).orElseThrow();
    // bid_1545 / ask_1545, not the end-of-day columns; the level is active_underlying_price_1545.
    assertThat(p.bid()).isEqualByComparingTo("31.10");
    assertThat(p.ask()).isEqualByComparingTo("31.50");
    assertThat(p.underlying()).isEqualTo(4745.00);
    assertThat(p.vendorIv()).isEqualTo(0.1395);
    assertThat(p.where()).isEqualTo("datashop-2024-01-08.csv line 3");
    assertThat(w.strikes()).usingElementComparator(BigDecimal::compareTo)
        .containsExactly(bd("4600"), bd("4750"), bd("4900"));
    // The AM-settled monthly of the same date is a separate chain.
    assertThat(l.index().chain(JAN8, "SPX", FEB16).orElseThrow().find(bd("4750"), OptionRight.CALL).orElseThrow()
        .ask()).isEqualByComparingTo("78.90");
    assertThat(l.index().expiries(JAN8, "SPXQ")).isEmpty();
  }

  @Test
  void optionsDxIsDetectedAndEachRowGivesTheCallAndThePutOfItsStrike() throws IOException {
    ChainFiles.Loaded l = one("optionsdx-2024-01-09.txt");
    assertThat(l.report().files()).containsExactly(entry("optionsdx-2024-01-09.txt", ChainLayout.OPTIONSDX));
    assertThat(l.report().rows()).isEqualTo(3);
    // 3 rows: two strikes with both sides, the 5400 call without a bid, the 5400 put without any quote.
    assertThat(l.report().quotes()).isEqualTo(5);
    assertThat(l.report().leftOut()).containsOnly(entry("no offer (ask empty or 0)", 1L));
    ExpiryChain w = l.index().chain(JAN9, "SPXW", FEB16).orElseThrow();
    ChainQuote c = w.find(bd("4750"), OptionRight.CALL).orElseThrow();
    ChainQuote p = w.find(bd("4750"), OptionRight.PUT).orElseThrow();
    assertThat(c.bid()).isEqualByComparingTo("87.90");
    assertThat(c.ask()).isEqualByComparingTo("88.70");
    assertThat(p.bid()).isEqualByComparingTo("59.70");
    assertThat(p.ask()).isEqualByComparingTo("60.50");
    assertThat(c.underlying()).isEqualTo(4756.5);
    assertThat(c.vendorIv()).isEqualTo(0.128);
    assertThat(p.vendorIv()).isEqualTo(0.129);
    ChainQuote wing = w.find(bd("5400"), OptionRight.CALL).orElseThrow();
    assertThat(wing.bid()).isEqualByComparingTo("0");
    assertThat(wing.line()).isEqualTo(4);
    assertThat(w.find(bd("5400"), OptionRight.PUT)).isEmpty();
    // No root column: the rows are SPXW.
    assertThat(l.index().expiries(JAN9, "SPX")).isEmpty();
  }

  @Test
  void theSampleLayoutIsDetectedAndItsSnapshotLevelUsed() throws IOException {
    ChainFiles.Loaded l = one("sample-2019.csv");
    assertThat(l.report().files()).containsExactly(entry("sample-2019.csv", ChainLayout.SAMPLE_2019));
    assertThat(l.report().quotes()).isEqualTo(7);
    assertThat(l.report().leftOut()).isEmpty();
    assertThat(l.index().dates()).containsExactly(LocalDate.of(2019, 4, 25), LocalDate.of(2019, 4, 29));
    ChainQuote q = l.index().chain(LocalDate.of(2019, 4, 25), "SPXW", LocalDate.of(2019, 5, 31)).orElseThrow()
        .find(bd("2750"), OptionRight.PUT).orElseThrow();
    assertThat(q.bid()).isEqualByComparingTo("15.2");
    assertThat(q.ask()).isEqualByComparingTo("15.8");
    assertThat(q.underlying()).as("underlying_snapshot, not underlying_close").isEqualTo(2919.04);
    assertThat(q.vendorIv()).isNaN();
    assertThat(l.index().expiries(LocalDate.of(2019, 4, 25), "SPX")).containsOnlyKeys(LocalDate.of(2019, 5, 17));
  }

  @Test
  void aFolderReadsEveryLayoutAndCompressedFilesAndIgnoresOtherFiles() throws IOException {
    for (String name : List.of("datashop-2024-01-08.csv", "sample-2019.csv")) {
      Files.copy(fixtures().resolve(name), dir.resolve(name));
    }
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("optionsdx.txt.gz")))) {
      Files.copy(fixtures().resolve("optionsdx-2024-01-09.txt"), out);
    }
    Files.writeString(dir.resolve("README.md"), "# not a chain file\n");
    ChainFiles.Loaded l = ChainFiles.load(dir);
    assertThat(l.report().files()).containsExactly(entry("datashop-2024-01-08.csv", ChainLayout.CBOE_DATASHOP),
        entry("optionsdx.txt.gz", ChainLayout.OPTIONSDX), entry("sample-2019.csv", ChainLayout.SAMPLE_2019));
    assertThat(l.report().quotes()).isEqualTo(7 + 5 + 7);
    assertThat(l.index().size()).isEqualTo(19);
    assertThat(l.report().dates()).isEqualTo(4);

    Path zipDir = Files.createDirectories(dir.resolve("zipped"));
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(zipDir.resolve("UnderlyingOptionsEODQuotes_2024-01-08.zip")))) {
      zip.putNextEntry(new ZipEntry("UnderlyingOptionsEODQuotes_2024-01-08.csv"));
      Files.copy(fixtures().resolve("datashop-2024-01-08.csv"), zip);
      zip.closeEntry();
    }
    assertThat(ChainFiles.load(zipDir).report().quotes()).isEqualTo(7);
  }

  private static String sampleWith(String line) {
    return "quote_date,underlying_close,underlying_snapshot,root,expiration,dte,type,strike,bid,ask,volume,open_interest\n"
        + "2019-04-25,2926.17,2919.04,SPXW,2019-05-31,36,call,2900,54.3,55.5,120,2210\n"
        + line + "\n";
  }

  private static HistoryFileException bad(String content) {
    try {
      ChainFiles.load("chains.csv", new StringReader(content));
    } catch (HistoryFileException e) {
      return e;
    }
    throw new AssertionError("no error for:\n" + content);
  }

  @Test
  void aDataShopRowWithABadRightIsNamedInUpperCase() {
    String header = "underlying_symbol,quote_date,root,expiration,strike,option_type,open,high,low,close,trade_volume,"
        + "bid_size_1545,bid_1545,ask_size_1545,ask_1545,underlying_bid_1545,underlying_ask_1545,"
        + "implied_underlying_price_1545,active_underlying_price_1545,implied_volatility_1545,delta_1545,gamma_1545,"
        + "theta_1545,vega_1545,rho_1545,bid_size_eod,bid_eod,ask_size_eod,ask_eod,underlying_bid_eod,"
        + "underlying_ask_eod,vwap,open_interest,delivery_code\n";
    String row = "^SPX,2024-01-08,SPXW,2024-02-16,4600.000,%s,33.00,34.10,30.50,31.20,340,60,31.10,55,31.50,4745.00,"
        + "4745.00,4762.80,4745.00,0.1395,-0.1590,0.0009,-0.7800,3.8800,-0.8000,40,30.20,44,30.80,4750.10,4750.10,"
        + "31.90,20411,\n";
    assertThat(bad(header + String.format(row, "straddle")).getMessage())
        .isEqualTo("chains.csv line 2: column option_type 'STRADDLE' is not C or P");
  }

  @Test
  void aBadRowStopsTheLoadNamingFileLineColumnAndValue() {
    assertThat(bad(sampleWith("2019-04-25,2926.17,2919.04,SPXW,2019-05-31,36,put,2900,4O.1,40.6,220,3350"))
        .getMessage()).isEqualTo("chains.csv line 3: column bid '4O.1' is not a number");
    assertThat(bad(sampleWith("2019-04-25,2926.17,2919.04,SPXW,2019-05-31,36,straddle,2900,40.1,40.6,220,3350"))
        .getMessage()).isEqualTo("chains.csv line 3: column type 'straddle' is not call or put");
    assertThat(bad(sampleWith("2019-04-25,2926.17,2919.04,SPXW,31/05/2019,36,put,2900,40.1,40.6,220,3350"))
        .getMessage()).isEqualTo("chains.csv line 3: column expiration '31/05/2019' is not a date YYYY-MM-DD");
    assertThat(bad(sampleWith("2019-04-25,2926.17,2919.04,SPXW,2019-04-24,0,put,2900,40.1,40.6,220,3350"))
        .getMessage()).isEqualTo("chains.csv line 3: column expiration '2019-04-24' is before the quote date 2019-04-25");
    assertThat(bad(sampleWith("2019-04-25,2926.17,2919.04,SPXW,2019-05-31,36,put,0,40.1,40.6,220,3350"))
        .getMessage()).isEqualTo("chains.csv line 3: column strike '0' is not above 0");
    assertThat(bad(sampleWith("2019-04-25,2926.17,2919.04,SPXW,2019-05-31,36,put,2900,-1,40.6,220,3350"))
        .getMessage()).isEqualTo("chains.csv line 3: column bid '-1' is negative");
    assertThat(bad(sampleWith("2019-04-25,2926.17,2919.04,SPXW,2019-05-31,36,put,2900,40.1"))
        .getMessage()).isEqualTo("chains.csv line 3: expected 12 columns, but found 9");
    assertThat(bad(sampleWith("2019-04-25,2926.17,2919.04,SPXW,2019-05-31,36,call,2900.0,54.3,55.5,120,2210"))
        .getMessage()).isEqualTo("chains.csv line 3: SPXW 2019-05-31 2900 CALL on 2019-04-25 repeats (first at"
            + " chains.csv line 2)");
  }

  @Test
  void theLineNamedIsTheFileLineAfterBlankLines() {
    String content = sampleWith("") + "\n2019-04-25,2926.17,2919.04,SPXW,2019-05-31,36,put,2900,x,40.6,220,3350\n";
    assertThat(bad(content).getMessage()).startsWith("chains.csv line 5: column bid 'x'");
  }

  @Test
  void aHeaderOfNoLayoutOrAnEmptyFolderIsNamed() throws IOException {
    assertThat(bad("date,open,high,low,close\n2019-04-25,1,2,1,1.5\n").getMessage())
        .startsWith("chains.csv: the header matches no option chain layout").endsWith("but was 'date,open,high,low,close'");
    assertThat(bad("").getMessage()).isEqualTo("chains.csv: empty file, no header");
    Files.writeString(dir.resolve("README.md"), "nothing\n");
    assertThatThrownBy(() -> ChainFiles.load(dir)).isInstanceOf(HistoryFileException.class)
        .hasMessage("options folder " + dir + " has no chain files (*.csv, *.txt, *.gz, *.zip)");
    assertThatThrownBy(() -> ChainFiles.load(dir.resolve("nowhere"))).isInstanceOf(HistoryFileException.class)
        .hasMessageContaining("does not exist");
  }

  @Test
  void aBadFileInAFolderIsNamedWithItsLine() throws IOException {
    Files.copy(fixtures().resolve("sample-2019.csv"), dir.resolve("a.csv"));
    Files.writeString(dir.resolve("b.csv"), sampleWith(
        "2019-04-26,2926.17,2919.04,SPXW,2019-05-31,35,put,2900,40.1,abc,220,3350").replace("2019-04-25", "2019-04-26"),
        StandardCharsets.UTF_8);
    assertThatThrownBy(() -> ChainFiles.load(dir)).isInstanceOf(HistoryFileException.class)
        .hasMessage("b.csv line 3: column ask 'abc' is not a number");
  }
}
