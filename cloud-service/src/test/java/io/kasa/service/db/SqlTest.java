package io.kasa.service.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SqlTest {

  @Test
  void namedParametersBecomePositionalAndCastsAndLiteralsStay() {
    Sql sql =
        Sql.of(
            "select json_build_object('at:time', x.a::text, 'n', :n) from t x"
                + " where x.id = :id and x.b = cast(:n as int) and x.c = ':not' and x.d = :id_2");

    assertThat(sql)
        .hasToString(
            "select json_build_object('at:time', x.a::text, 'n', ?) from t x"
                + " where x.id = ? and x.b = cast(? as int) and x.c = ':not' and x.d = ?");
  }

  @Test
  void anUnterminatedLiteralIsRefused() {
    assertThatThrownBy(() -> Sql.of("select ':x from t where a = :a"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Unterminated");
  }
}
