package dev.alvh.app.store;

import dev.alvh.core.condor.ExitReason;
import java.lang.reflect.Type;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.argument.ArgumentFactory;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.generic.GenericTypes;
import org.jdbi.v3.core.mapper.ColumnMapper;
import org.jdbi.v3.core.mapper.ColumnMapperFactory;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Maps a stored text column back to an enum constant: by name (statuses, purposes, sides, layer
 * kinds...) or by another stable text such as {@link ExitReason#key()}. A text that names no
 * constant is a {@link StoreException} naming the column, the value and the constants allowed,
 * not a bare {@code valueOf} failure. A null column maps to null.
 *
 * <p>The store's row mappers share one instance per enum ({@link StoredEnums}) and call it directly; the
 * same mapper is registered with JDBI for every enum ({@link #FACTORY}), so a single-column query
 * maps with {@code mapTo(OrderStatus.class)}.
 *
 * @param <E> the enum
 */
final class StoredEnum<E extends Enum<E>> implements ColumnMapper<E> {

  /** JDBI's column mapper of every enum type, by name. */
  static final ColumnMapperFactory FACTORY = new ColumnMapperFactory() {
    @Override
    public Optional<ColumnMapper<?>> build(Type type, ConfigRegistry config) {
      Class<?> raw = GenericTypes.getErasedType(type);
      return raw.isEnum() ? Optional.of(byName(raw.asSubclass(Enum.class))) : Optional.empty();
    }
  };

  /**
   * JDBI's argument of every enum: its name, or for an exit reason its key. Prepared once per
   * type (JDBI keeps the prepared binding), which binds faster than JDBI's own enum argument
   * factory; a null binds as a null VARCHAR.
   */
  static final ArgumentFactory.Preparable ARGUMENTS = new ArgumentFactory.Preparable() {
    @Override
    public Optional<Function<Object, Argument>> prepare(Type type, ConfigRegistry config) {
      Class<?> raw = GenericTypes.getErasedType(type);
      if (!Enum.class.isAssignableFrom(raw)) {
        return Optional.empty();
      }
      return Optional.of(value -> {
        String text = value == null ? null : stored((Enum<?>) value);
        return (position, statement, ctx) -> statement.setString(position, text);
      });
    }
  };

  /** The text {@code e} is stored as: an exit reason's {@link ExitReason#key()}, any other enum's name. */
  static String stored(Enum<?> e) {
    return e instanceof ExitReason r ? r.key() : e.name();
  }

  /** Exit reasons, stored by {@link ExitReason#key()}. */
  static final StoredEnum<ExitReason> EXIT_REASON = new StoredEnum<>(ExitReason.class, ExitReason::key);

  private final Class<E> type;
  private final Map<String, E> byText = new LinkedHashMap<>();

  private StoredEnum(Class<E> type, Function<E, String> text) {
    this.type = type;
    for (E e : type.getEnumConstants()) {
      byText.put(text.apply(e), e);
    }
  }

  /** The mapper of {@code type}'s constants stored by name. */
  static <E extends Enum<E>> StoredEnum<E> of(Class<E> type) {
    return new StoredEnum<>(type, Enum::name);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static StoredEnum<?> byName(Class<? extends Enum> type) {
    return of((Class) type);
  }

  @Override
  public E map(ResultSet rs, int column, StatementContext ctx) throws SQLException {
    return parse(rs, column);
  }

  /** The constant stored in {@code column} of the current row; null when the column is null. */
  E parse(ResultSet rs, int column) throws SQLException {
    String text = rs.getString(column);
    if (text == null) {
      return null;
    }
    E e = byText.get(text);
    if (e == null) {
      String name = rs.getMetaData().getColumnLabel(column).toLowerCase(java.util.Locale.ROOT);
      throw new StoreException("column " + name + " holds '" + text + "', which is no " + type.getSimpleName()
          + " (one of " + String.join(", ", byText.keySet()) + ")", null);
    }
    return e;
  }
}
