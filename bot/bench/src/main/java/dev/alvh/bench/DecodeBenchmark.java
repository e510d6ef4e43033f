package dev.alvh.bench;

import dev.alvh.ibkr.msg.ComboLeg;
import dev.alvh.ibkr.msg.Contract;
import dev.alvh.ibkr.msg.ServerCodec;
import dev.alvh.ibkr.msg.ServerMessage;
import dev.alvh.ibkr.wire.Frame;
import dev.alvh.ibkr.wire.FrameDecoder;
import dev.alvh.ibkr.wire.TwsProtocolException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How many TWS frames per second the client decodes: bytes in, through {@link FrameDecoder}
 * (length prefix, NUL split) and {@link ServerCodec} (typed record), for a tickPrice (the most
 * frequent message) and a 4-leg BAG openOrder (the longest the bot reads, about 200 fields).
 *
 * <p>Run: {@code ./mvnw -q -o -pl bot/bench -am package -DskipTests && java -jar
 * bot/bench/target/benchmarks.jar -f 1 -wi 2 -i 3}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class DecodeBenchmark {

  private byte[] tickPrice;
  private byte[] openOrder;
  private final FrameDecoder decoder = new FrameDecoder();

  /** Encodes one frame of each message with the server-side codec. */
  @Setup
  public void frames() {
    tickPrice = ServerCodec.encode(new ServerMessage.TickPrice(1042, 1, 23.45, Optional.of(BigDecimal.TEN), 0));
    Contract bag = Contract.bag("SPX", "SMART", List.of(ComboLeg.of(600000001, 1, "SELL", "SMART"),
        ComboLeg.of(600000002, 1, "BUY", "SMART"), ComboLeg.of(600000003, 1, "SELL", "SMART"),
        ComboLeg.of(600000004, 1, "BUY", "SMART")));
    openOrder = ServerCodec.encode(new ServerMessage.OpenOrder(17, bag, "BUY", BigDecimal.ONE, "LMT",
        Optional.of(new BigDecimal("-2.35")), Optional.empty(), "DAY", "", "DU0000001", "", 0,
        "alvh-T0001-open-202603201000", 17, 1000001, false, "", "", 0, "", List.of(), false,
        ServerMessage.OrderState.of("Submitted")));
  }

  /** One tickPrice frame: bytes to record. */
  @Benchmark
  public ServerMessage tickPrice() throws TwsProtocolException {
    return decode(tickPrice);
  }

  /** One 4-leg BAG openOrder frame: bytes to record. */
  @Benchmark
  public ServerMessage openOrder() throws TwsProtocolException {
    return decode(openOrder);
  }

  private ServerMessage decode(byte[] bytes) throws TwsProtocolException {
    decoder.feed(bytes, 0, bytes.length);
    Frame f = decoder.poll();
    return ServerCodec.decode(f);
  }
}
